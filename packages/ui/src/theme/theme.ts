import type { ThemeConfig } from "antd"

/**
 * The look shared by admin and portal: the red of Party organisation documents as the primary colour, and Chinese
 * system fonts first so that Han characters are never drawn by a Latin fallback, and text contrast at WCAG AA.
 */
export const cadreTheme: ThemeConfig = {
  token: {
    colorPrimary: "#b71c1c",
    colorLink: "#b71c1c",
    borderRadius: 6,
    // Secondary and description text (hints under fields, clauses, dates) at 0.65 black, not antd's 0.45: that
    // is 4.5:1 or better on white and on the grey page (WCAG 1.4.3 AA; the portal's axe test found 0.45 failing).
    colorTextSecondary: "rgba(0, 0, 0, 0.65)",
    colorTextDescription: "rgba(0, 0, 0, 0.65)",
    // Labels of description lists (任职情况) use the tertiary text: the same 0.65.
    colorTextTertiary: "rgba(0, 0, 0, 0.65)",
    // Danger buttons and error text in red-7, not antd's red-5 (#ff4d4f, 3.3:1 on white): 5.6:1 (the admin's
    // axe test, issue 16).
    colorError: "#cf1322",
    // Placeholders at 0.56 black (4.6:1 on white), not antd's 0.25: a hint that cannot be read is no hint.
    colorTextPlaceholder: "rgba(0, 0, 0, 0.56)",
    // Warning and success words (期满提醒, 已通过) in the -8 shades: antd's text tokens of gold and green are 2–3:1.
    colorWarningText: "#874d00",
    colorSuccessText: "#237804",
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
}
