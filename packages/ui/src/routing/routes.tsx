import { Button, Flex } from "antd"
import type { ComponentType } from "react"
import { useTranslation } from "react-i18next"

/** Pages by exact path. The SPAs use this until a page needs parameters and a router library earns its place. */
export type RouteTable = Readonly<Record<string, ComponentType>>

/** Shown for any path not in an app's route table (404 with a link home). */
export const NotFoundPage = () => {
  const { t } = useTranslation("common")
  // A heading and a link, not antd's Result or Typography: they would weigh on every app's first page.
  return (
    <Flex vertical align="center" gap={16} style={{ padding: "48px 16px", textAlign: "center" }}>
      <span style={{ fontSize: 48, lineHeight: 1, color: "rgba(0,0,0,0.45)" }} aria-hidden>
        404
      </span>
      <h1 style={{ fontSize: 22, margin: 0 }}>{t("notFound.title")}</h1>
      <Button type="primary" href="/">
        {t("notFound.back")}
      </Button>
    </Flex>
  )
}

/** Picks the page for a path (a trailing slash does not matter), or {@link NotFoundPage}. */
export const resolveRoute = (routes: RouteTable, pathname: string): ComponentType =>
  routes[pathname.replace(/(.)\/+$/, "$1")] ?? NotFoundPage
