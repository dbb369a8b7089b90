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
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
}
