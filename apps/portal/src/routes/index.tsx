import { ApiProvider, resolveRoute, type RouteTable } from "@cadre/ui"
import { Spin } from "antd"
import { type ComponentType, lazy, type ReactNode, Suspense } from "react"
import { HomePage } from "../features/home/home-page"
import { PortalLayout } from "../layout/portal-layout"
import { SessionProvider } from "../session/session"
import { usePath } from "./navigation"
import { applyIdOf, programmeIdOf, selfCheckIdOf } from "./paths"

/**
 * A page whose code loads when it is first shown (issue 17: a slow phone downloads only the home page and the
 * frame first; each form comes with its own page).
 */
const onDemand = <P extends object>(load: () => Promise<ComponentType<P>>) =>
  lazy(async () => ({ default: await load() }))

const RegisterPage = onDemand(() => import("../features/auth/auth-pages").then((m) => m.RegisterPage))
const SignInPage = onDemand(() => import("../features/auth/auth-pages").then((m) => m.SignInPage))
const ProfilePage = onDemand(() => import("../features/profile/profile-page").then((m) => m.ProfilePage))
const ProgrammesPage = onDemand(() =>
  import("../features/programmes/programmes-pages").then((m) => m.ProgrammesPage),
)
const ProgrammePage = onDemand(() =>
  import("../features/programmes/programmes-pages").then((m) => m.ProgrammePage),
)
const SelfCheckPage = onDemand(() =>
  import("../features/programmes/self-check-page").then((m) => m.SelfCheckPage),
)
const CampaignsPage = onDemand(() =>
  import("../features/campaigns/campaigns-page").then((m) => m.CampaignsPage),
)
const ApplyPage = onDemand(() => import("../features/applications/apply-page").then((m) => m.ApplyPage))
const MyApplicationsPage = onDemand(() =>
  import("../features/applications/my-applications-page").then((m) => m.MyApplicationsPage),
)
const InPostPage = onDemand(() => import("../features/in-post/in-post-page").then((m) => m.InPostPage))

/** The portal's pages by path. */
export const routes: RouteTable = {
  "/": HomePage,
  "/register": RegisterPage,
  "/sign-in": SignInPage,
  "/profile": ProfilePage,
  "/programmes": ProgrammesPage,
  "/campaigns": CampaignsPage,
  "/applications": MyApplicationsPage,
  "/in-post": InPostPage,
}

/** The API client and the session, for the app and for tests (which pass a fake `fetch`). */
export const AppProviders = ({
  fetch,
  children,
}: {
  fetch?: typeof globalThis.fetch
  children?: ReactNode
}) => (
  <ApiProvider {...(fetch === undefined ? {} : { fetch })}>
    <SessionProvider>{children}</SessionProvider>
  </ApiProvider>
)

/** The page for a path: the table's, or a programme's own pages (`/programmes/<id>`, `…/check`, `…/apply`). */
export const pageFor = (path: string): ReactNode => {
  const apply = applyIdOf(path)
  if (apply !== undefined) return <ApplyPage id={apply} />
  const check = selfCheckIdOf(path)
  if (check !== undefined) return <SelfCheckPage id={check} />
  const programme = programmeIdOf(path)
  if (programme !== undefined) return <ProgrammePage id={programme} />
  const Page = resolveRoute(routes, path)
  return <Page />
}

/** The app: the page for the current location, inside the portal's frame; a spinner while a page's code loads. */
export const App = ({ fetch }: { fetch?: typeof globalThis.fetch }) => {
  const path = usePath()
  return (
    <AppProviders {...(fetch === undefined ? {} : { fetch })}>
      <PortalLayout>
        <Suspense fallback={<Spin style={{ display: "block", margin: "48px auto" }} />}>
          {pageFor(path)}
        </Suspense>
      </PortalLayout>
    </AppProviders>
  )
}
