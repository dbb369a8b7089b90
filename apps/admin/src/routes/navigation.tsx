import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from "react"

/**
 * Client-side navigation over the History API: `navigate` pushes a path and tells the app, `useLocation`
 * re-renders on every change (including the browser's back and forward buttons).
 */
const listeners = new Set<() => void>()
const notify = () => {
  for (const l of listeners) l()
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
  if (options.replace === true) window.history.replaceState(null, "", path)
  else window.history.pushState(null, "", path)
  notify()
}

/** The current path and query string. */
export const useLocation = (): { readonly pathname: string; readonly search: string } => {
  const href = useSyncExternalStore(
    subscribe,
    () => window.location.pathname + window.location.search,
    () => "/",
  )
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
