import { ApiProvider, resolveRoute, type RouteTable } from "@cadre/ui"
import type { ReactNode } from "react"
import { ApplyPage, applyIdOf } from "../features/applications/apply-page"
import { MyApplicationsPage } from "../features/applications/my-applications-page"
import { RegisterPage, SignInPage } from "../features/auth/auth-pages"
import { CampaignsPage } from "../features/campaigns/campaigns-page"
import { HomePage } from "../features/home/home-page"
import { InPostPage } from "../features/in-post/in-post-page"
import { ProfilePage } from "../features/profile/profile-page"
import { SelfCheckPage, selfCheckIdOf } from "../features/programmes/self-check-page"
import { ProgrammePage, ProgrammesPage, programmeIdOf } from "../features/programmes/programmes-pages"
import { PortalLayout } from "../layout/portal-layout"
import { SessionProvider } from "../session/session"
import { usePath } from "./navigation"

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

/** The app: the page for the current location, inside the portal's frame. */
export const App = ({ fetch }: { fetch?: typeof globalThis.fetch }) => {
  const path = usePath()
  return (
    <AppProviders {...(fetch === undefined ? {} : { fetch })}>
      <PortalLayout>{pageFor(path)}</PortalLayout>
    </AppProviders>
  )
}
