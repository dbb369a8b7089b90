import { type AnchorHTMLAttributes, type MouseEvent, useContext, useSyncExternalStore } from "react"
import { UNSAFE_LocationContext } from "react-router"

/**
 * Navigation for the pages, over the app's react-router (see ./index.tsx) once it is attached, and over the
 * History API before that (unit tests render pages without a router). `navigate` and `Link` take plain paths;
 * `useLocation` re-renders on every change, the browser's back and forward buttons included.
 */
interface AttachedRouter {
  readonly navigate: (to: string, options?: { readonly replace?: boolean }) => Promise<void>
}
let attached: AttachedRouter | undefined
const listeners = new Set<() => void>()
const notify = () => {
  for (const l of listeners) l()
}

/** Route `navigate` through `router` from now on (its pages read the location from the router itself). */
export const attachRouter = (router: AttachedRouter): void => {
  attached = router
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  window.addEventListener("popstate", listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener("popstate", listener)
  }
}

export const navigate = (path: string, options: { readonly replace?: boolean } = {}): void => {
  if (attached !== undefined) {
    void attached.navigate(path, options.replace === true ? { replace: true } : {})
    return
  }
  if (options.replace === true) window.history.replaceState(null, "", path)
  else window.history.pushState(null, "", path)
  notify()
}

/** The current path and query string: the router's inside it, the window's outside (unit tests). */
export const useLocation = (): { readonly pathname: string; readonly search: string } => {
  // Read unconditionally (hooks keep their order); outside a router the context holds no location.
  const routed = (
    useContext(UNSAFE_LocationContext) as { location?: { pathname: string; search: string } } | null
  )?.location
  const href = useSyncExternalStore(
    subscribe,
    () => window.location.pathname + window.location.search,
    () => "/",
  )
  if (routed !== undefined) return { pathname: routed.pathname, search: routed.search }
  const url = new URL(href, "http://localhost")
  return { pathname: url.pathname, search: url.search }
}

/** A link that navigates without reloading the page (and still opens in a new tab with a modifier key). */
export const Link = ({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) => (
  <a
    href={href}
    onClick={(event: MouseEvent<HTMLAnchorElement>) => {
      onClick?.(event)
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return
      event.preventDefault()
      navigate(href)
    }}
    {...rest}
  />
)
