import { type RouteTable, resolveRoute } from "@cadre/ui"
import { Alert, Button, Flex, Spin } from "antd"
import { type ComponentType, useEffect } from "react"
import { useTranslation } from "react-i18next"
import { CampaignPage } from "../features/campaigns/campaign-page"
import { CampaignsPage } from "../features/campaigns/campaigns-page"
import { FiguresPage } from "../features/figures/figures-page"
import { HomePage } from "../features/home/home-page"
import { ImportsPage } from "../features/imports/imports-page"
import { PeoplePage } from "../features/people/people-page"
import { AccountsPage } from "../features/manage/accounts-page"
import { CalendarPage } from "../features/manage/calendar-page"
import { PostsPage } from "../features/manage/posts-page"
import { PlacementPage } from "../features/placements/placement-page"
import { PlacementsPage } from "../features/placements/placements-page"
import { SchemePage } from "../features/schemes/scheme-page"
import { SchemesPage } from "../features/schemes/schemes-page"
import { SignInPage } from "../features/sign-in/sign-in-page"
import { SessionProvider, useSession } from "../session/session"
import { navigate, useLocation } from "./navigation"

/** The admin's pages by exact path. */
export const routes: RouteTable = {
  "/": HomePage,
  "/sign-in": SignInPage,
  "/campaigns": CampaignsPage,
  "/placements": PlacementsPage,
  "/figures": FiguresPage,
  "/schemes": SchemesPage,
  "/posts": PostsPage,
  "/accounts": AccountsPage,
  "/calendar": CalendarPage,
  "/imports": ImportsPage,
  "/people": PeoplePage,
}

/** Pages that need a signed-in account. */
const privatePaths = new Set([
  "/campaigns",
  "/placements",
  "/figures",
  "/schemes",
  "/posts",
  "/accounts",
  "/calendar",
  "/imports",
  "/people",
])

/** A page and its path parameters, and whether it needs a session. */
export interface Match {
  readonly Page: ComponentType<{ readonly id?: string }>
  readonly id?: string
  readonly signedIn: boolean
}

/** The page for a path: the route table, then `/campaigns/:id`, `/schemes/:id` and `/placements/:id`. */
export const matchRoute = (pathname: string): Match => {
  const path = pathname.replace(/(.)\/+$/, "$1")
  const detail = /^\/campaigns\/([^/]+)$/.exec(path)
  if (detail?.[1] !== undefined)
    return { Page: CampaignPage, id: decodeURIComponent(detail[1]), signedIn: true }
  const scheme = /^\/schemes\/([^/]+)$/.exec(path)
  if (scheme?.[1] !== undefined)
    return { Page: SchemePage, id: decodeURIComponent(scheme[1]), signedIn: true }
  const placement = /^\/placements\/([^/]+)$/.exec(path)
  if (placement?.[1] !== undefined)
    return { Page: PlacementPage, id: decodeURIComponent(placement[1]), signedIn: true }
  return { Page: resolveRoute(routes, path), signedIn: privatePaths.has(path) }
}

const Checking = () => (
  <Flex align="center" justify="center" style={{ minHeight: "100vh" }}>
    <Spin size="large" />
  </Flex>
)

/** The API did not answer while checking the session: say so and offer to try again (not the sign-in page). */
const Unreachable = ({ onRetry }: { readonly onRetry: () => void }) => {
  const { t } = useTranslation("admin")
  return (
    <Flex align="center" justify="center" style={{ minHeight: "100vh", padding: 16 }}>
      <Alert
        type="error"
        showIcon
        role="alert"
        data-testid="api-unreachable"
        title={t("unreachable.title")}
        description={t("unreachable.text")}
        action={
          <Button type="primary" onClick={onRetry}>
            {t("unreachable.retry")}
          </Button>
        }
        style={{ maxWidth: 480 }}
      />
    </Flex>
  )
}

const Router = () => {
  const { pathname, search } = useLocation()
  const { session, retry } = useSession()
  const match = matchRoute(pathname)
  const mustSignIn = match.signedIn && session.status === "signedOut"
  useEffect(() => {
    // Unauthenticated users go to sign-in, and come back here afterwards.
    if (mustSignIn) navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true })
  }, [mustSignIn, pathname, search])
  if (match.signedIn && session.status === "unreachable") return <Unreachable onRetry={retry} />
  if (match.signedIn && session.status !== "signedIn") return <Checking />
  const { Page } = match
  return match.id === undefined ? <Page /> : <Page id={match.id} />
}

/** The app: the session, and the page for the current location. */
export const App = () => (
  <SessionProvider>
    <Router />
  </SessionProvider>
)
