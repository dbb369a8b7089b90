import type { Messages } from "@cadre/ui"

/** Messages of the posts and accounts screens (namespace `manage`). */
export const manageZh = {
  postsTitle: "岗位",
  accountsTitle: "账号",
}

export const manageEn: Messages<typeof manageZh> = {
  postsTitle: "Posts",
  accountsTitle: "Accounts",
}
