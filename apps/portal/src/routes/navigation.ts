import { type MouseEvent, useSyncExternalStore } from "react"

/**
 * Client-side navigation for the exact-path route table: `navigate` pushes the path and tells subscribers;
 * the back button (popstate) does the same. Pages need no parameters yet, so no router library.
 */
const event = "cadre:navigate"

const subscribe = (onChange: () => void) => {
  window.addEventListener("popstate", onChange)
  window.addEventListener(event, onChange)
  return () => {
    window.removeEventListener("popstate", onChange)
    window.removeEventListener(event, onChange)
  }
}

/** The current path; re-renders on every navigation. */
export const usePath = (): string =>
  useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => "/",
  )

/** Go to a path of the SPA without reloading it. */
export const navigate = (path: string): void => {
  if (window.location.pathname === path) return
  window.history.pushState(null, "", path)
  window.dispatchEvent(new Event(event))
  window.scrollTo?.(0, 0)
}

/** onClick for an `<a href>`: plain clicks navigate inside the SPA; modified clicks open a new tab as usual. */
export const onLinkClick = (path: string) => (e: MouseEvent) => {
  if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return
  e.preventDefault()
  navigate(path)
}
