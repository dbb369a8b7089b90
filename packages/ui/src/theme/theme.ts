import type { ThemeConfig } from "antd"

/**
 * The look shared by admin and portal: the red of Party organisation documents as the primary colour, and Chinese
 * system fonts first so that Han characters are never drawn by a Latin fallback.
 */
export const cadreTheme: ThemeConfig = {
  token: {
    colorPrimary: "#b71c1c",
    colorLink: "#b71c1c",
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
}
