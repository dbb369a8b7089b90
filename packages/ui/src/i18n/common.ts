/**
 * Messages every SPA shares (namespace `common`): language names, service status, not found, and the texts of
 * a failed call (`problem`, see `ProblemAlert`). Resources are plain TS objects so a missing English key is a
 * type error: `en` is declared with the shape of `zhCN`.
 */
export const commonZhCN = {
  language: { label: "语言", zh: "中文", en: "English" },
  status: {
    label: "服务状态",
    checking: "正在检查服务…",
    up: "服务正常",
    down: "无法连接服务",
    downHint: "请稍后重试；如仍无法连接，请联系系统管理员。",
    version: "版本 {{version}}",
    checkedAt: "检查于 {{time}}",
    retry: "重新检查",
  },
  notFound: { title: "页面不存在", back: "返回首页" },
  problem: {
    network: "无法连接服务，请稍后重试。",
    unknown: "操作未成功，请稍后重试。",
    stale: "该记录已被他人修改，请刷新页面后重试。",
    reload: "刷新",
    requestId: "请求编号：{{id}}",
    issueAt: "位置：{{where}}",
  },
}

/** Widens every string leaf of a message tree to `string`, so a translation can be typed by the original. */
export type Messages<T> = { readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

export const commonEn: Messages<typeof commonZhCN> = {
  language: { label: "Language", zh: "中文", en: "English" },
  status: {
    label: "Service status",
    checking: "Checking the service…",
    up: "Service is up",
    down: "Cannot reach the service",
    downHint: "Please try again later; if it still fails, contact the system administrator.",
    version: "Version {{version}}",
    checkedAt: "Checked at {{time}}",
    retry: "Check again",
  },
  notFound: { title: "Page not found", back: "Back to the home page" },
  problem: {
    network: "Cannot reach the service. Please try again later.",
    unknown: "That did not work; please try again later.",
    stale: "Someone else changed this record. Reload the page and try again.",
    reload: "Reload",
    requestId: "Request id: {{id}}",
    issueAt: "At: {{where}}",
  },
}
