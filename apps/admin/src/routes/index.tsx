import { NotFoundPage } from "@cadre/ui"
import { Alert, Button, Flex, Spin } from "antd"
import { type ComponentType, useEffect } from "react"
import { useTranslation } from "react-i18next"
import {
  createBrowserRouter,
  matchRoutes,
  Outlet,
  type RouteObject,
  RouterProvider,
  useParams,
} from "react-router"
import { HomePage } from "../features/home/home-page"
import { SignInPage } from "../features/sign-in/sign-in-page"
import { SessionProvider, useSession } from "../session/session"
import { attachRouter, navigate, useLocation } from "./navigation"

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

/** The pages below need a signed-in account: check it, send a visitor to sign-in and back here afterwards. */
const RequireSession = () => {
  const { pathname, search } = useLocation()
  const { session, retry } = useSession()
  const mustSignIn = session.status === "signedOut"
  useEffect(() => {
    if (mustSignIn) navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true })
  }, [mustSignIn, pathname, search])
  if (session.status === "unreachable") return <Unreachable onRetry={retry} />
  if (session.status !== "signedIn") return <Checking />
  return <Outlet />
}

/** A page module loaded when first visited (the heavy screens — charts, editors — stay out of the first load). */
const page =
  <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  async () => ({ Component: pick(await load()) })

/** A detail page reached by `/…/:id`: the id comes from the URL, so a deep link opens the same screen. */
const withId =
  <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType<{ readonly id?: string }>) =>
  async () => {
    const Page = pick(await load())
    const WithId = () => <Page id={useParams().id ?? ""} />
    return { Component: WithId }
  }

/**
 * The admin's routes. Public: home and sign-in. Everything else sits under `RequireSession`; each page checks
 * its own permission again through the API, which is the real gate.
 */
export const routeObjects: RouteObject[] = [
  {
    id: "root",
    hydrateFallbackElement: <Checking />,
    children: [
      { id: "home", path: "/", Component: HomePage },
      { id: "sign-in", path: "/sign-in", Component: SignInPage },
      {
        id: "signed-in",
        Component: RequireSession,
        children: [
          {
            id: "campaigns",
            path: "/campaigns",
            lazy: page(
              () => import("../features/campaigns/campaigns-page"),
              (m) => m.CampaignsPage,
            ),
          },
          {
            id: "campaign",
            path: "/campaigns/:id",
            lazy: withId(
              () => import("../features/campaigns/campaign-page"),
              (m) => m.CampaignPage,
            ),
          },
          {
            id: "placements",
            path: "/placements",
            lazy: page(
              () => import("../features/placements/placements-page"),
              (m) => m.PlacementsPage,
            ),
          },
          {
            id: "placement",
            path: "/placements/:id",
            lazy: withId(
              () => import("../features/placements/placement-page"),
              (m) => m.PlacementPage,
            ),
          },
          {
            id: "reserves",
            path: "/reserves",
            lazy: page(
              () => import("../features/reserves/reserves-page"),
              (m) => m.ReservesPage,
            ),
          },
          {
            id: "figures",
            path: "/figures",
            lazy: page(
              () => import("../features/figures/figures-page"),
              (m) => m.FiguresPage,
            ),
          },
          {
            id: "schemes",
            path: "/schemes",
            lazy: page(
              () => import("../features/schemes/schemes-page"),
              (m) => m.SchemesPage,
            ),
          },
          {
            id: "scheme",
            path: "/schemes/:id",
            lazy: withId(
              () => import("../features/schemes/scheme-page"),
              (m) => m.SchemePage,
            ),
          },
          {
            id: "posts",
            path: "/posts",
            lazy: page(
              () => import("../features/manage/posts-page"),
              (m) => m.PostsPage,
            ),
          },
          {
            id: "accounts",
            path: "/accounts",
            lazy: page(
              () => import("../features/manage/accounts-page"),
              (m) => m.AccountsPage,
            ),
          },
          {
            id: "calendar",
            path: "/calendar",
            lazy: page(
              () => import("../features/manage/calendar-page"),
              (m) => m.CalendarPage,
            ),
          },
          {
            id: "imports",
            path: "/imports",
            lazy: page(
              () => import("../features/imports/imports-page"),
              (m) => m.ImportsPage,
            ),
          },
          {
            id: "tasks",
            path: "/tasks",
            lazy: page(
              () => import("../features/tasks/tasks-page"),
              (m) => m.TasksPage,
            ),
          },
          {
            id: "leave",
            path: "/leave",
            lazy: page(
              () => import("../features/placements/leave-inbox-page"),
              (m) => m.LeaveInboxPage,
            ),
          },
          {
            id: "reports",
            path: "/reports",
            lazy: page(
              () => import("../features/placements/reports-inbox-page"),
              (m) => m.ReportsInboxPage,
            ),
          },
          {
            id: "audit",
            path: "/audit",
            lazy: page(
              () => import("../features/audit/audit-page"),
              (m) => m.AuditPage,
            ),
          },
          {
            id: "people",
            path: "/people",
            lazy: page(
              () => import("../features/people/people-page"),
              (m) => m.PeoplePage,
            ),
          },
        ],
      },
      { id: "not-found", path: "*", Component: NotFoundPage },
    ],
  },
]

/** Which route a path opens, its `:id`, and whether it needs a session (for tests and deep-link checks). */
export const matchRoute = (
  pathname: string,
): { readonly route: string; readonly id?: string; readonly signedIn: boolean } => {
  const matches = matchRoutes(routeObjects, pathname) ?? []
  const leaf = matches[matches.length - 1]
  const route = leaf?.route.id ?? "not-found"
  const id = leaf?.params.id
  const signedIn = matches.some((m) => m.route.id === "signed-in")
  return id === undefined ? { route, signedIn } : { route, id, signedIn }
}

// One router for the app's life; `navigate()` in ./navigation goes through it.
let router: ReturnType<typeof createBrowserRouter> | undefined
const theRouter = () => {
  if (router === undefined) {
    router = createBrowserRouter(routeObjects)
    attachRouter(router)
  }
  return router
}

/** The app: the session, and the page for the current location. */
export const App = () => (
  <SessionProvider>
    <RouterProvider router={theRouter()} />
  </SessionProvider>
)
