import type { RouterOutputs } from "@cadre/client"
import { useApi } from "@cadre/ui"
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react"

/** Who is signed in, as the API resolves the session cookie (`auth.me`). */
export type Me = RouterOutputs["auth"]["me"]

export type Session =
  | { readonly status: "loading" }
  | { readonly status: "anonymous" }
  | { readonly status: "signedIn"; readonly me: Me }

interface SessionContextValue {
  readonly session: Session
  /** Ask the API again (after sign-in, or after the profile was created: the actor then names the person). */
  readonly refresh: () => Promise<Session>
  readonly signOut: () => Promise<void>
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined)

/**
 * The cookie is HTTP-only, so the page cannot see it; this flag only remembers that this browser signed in, so a
 * visitor who never did is not sent a pointless `auth.me` (its 401 would only clutter the console). If the
 * session has expired since, `auth.me` says so and the flag is dropped.
 */
export const signedInFlag = "cadre.portal.signedIn"

const flag = {
  get: (): boolean => {
    try {
      return window.localStorage.getItem(signedInFlag) === "1"
    } catch {
      return false
    }
  },
  set: (on: boolean): void => {
    try {
      if (on) window.localStorage.setItem(signedInFlag, "1")
      else window.localStorage.removeItem(signedInFlag)
    } catch {
      // private mode: no memory, auth.me is then asked only after sign-in in this tab
    }
  },
}

/** Holds the session for the pages. */
export const SessionProvider = ({ children }: { readonly children?: ReactNode }) => {
  const api = useApi()
  const [session, setSession] = useState<Session>(() =>
    flag.get() ? { status: "loading" } : { status: "anonymous" },
  )
  const refresh = useCallback(async (): Promise<Session> => {
    let next: Session
    try {
      next = { status: "signedIn", me: await api.auth.me.query() }
    } catch {
      next = { status: "anonymous" }
    }
    flag.set(next.status === "signedIn")
    setSession(next)
    return next
  }, [api])
  const signOut = useCallback(async () => {
    try {
      await api.auth.logout.mutate()
    } finally {
      flag.set(false)
      setSession({ status: "anonymous" })
    }
  }, [api])
  // At start, when this browser signed in before (again after a language switch: a new client, same answer).
  useEffect(() => {
    if (flag.get()) void refresh()
  }, [refresh])
  const value = useMemo(() => ({ session, refresh, signOut }), [session, refresh, signOut])
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

/** The session; only inside {@link SessionProvider}. */
export const useSession = (): SessionContextValue => {
  const value = useContext(SessionContext)
  if (value === undefined) throw new Error("useSession outside SessionProvider")
  return value
}

/** The person's id once they have a profile (applicants: `SelfScope.personId`). */
export const personIdOf = (me: Me): string | null =>
  me.scope._tag === "SelfScope" ? me.scope.personId : null
