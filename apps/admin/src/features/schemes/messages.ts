import type { Messages } from "@cadre/ui"

/** Messages of the scheme screens (namespace `schemes`). */
export const schemesZh = {
  title: "选派方案",
}

export const schemesEn: Messages<typeof schemesZh> = {
  title: "Schemes",
}
