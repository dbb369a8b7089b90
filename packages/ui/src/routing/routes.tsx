import { Button, Result } from "antd"
import type { ComponentType } from "react"
import { useTranslation } from "react-i18next"

/** Pages by exact path. The SPAs use this until a page needs parameters and a router library earns its place. */
export type RouteTable = Readonly<Record<string, ComponentType>>

/** Shown for any path not in an app's route table (404 with a link home). */
export const NotFoundPage = () => {
  const { t } = useTranslation("common")
  return (
    <Result
      status="404"
      title={t("notFound.title")}
      extra={
        <Button type="primary" href="/">
          {t("notFound.back")}
        </Button>
      }
    />
  )
}

/** Picks the page for a path (a trailing slash does not matter), or {@link NotFoundPage}. */
export const resolveRoute = (routes: RouteTable, pathname: string): ComponentType =>
  routes[pathname.replace(/(.)\/+$/, "$1")] ?? NotFoundPage
