import { type RouteTable, resolveRoute } from "@cadre/ui"
import { HomePage } from "../features/home/home-page"

/** The admin's pages by path. */
export const routes: RouteTable = {
  "/": HomePage,
}

/** The app: the page for the current location. */
export const App = () => {
  const Page = resolveRoute(routes, window.location.pathname)
  return <Page />
}
