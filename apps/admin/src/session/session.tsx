import type { RouterOutputs } from "@cadre/client"
import { ApiProvider, isUnauthenticated, type Language, makeClient, useApi } from "@cadre/ui"
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react"
import { makeQueryClient, onMutationSettled, TRPCProvider, trackedFetch } from "../api/query"

/** Who is signed in (auth.me): account, role, scope, display name. */
export type Me = RouterOutputs["auth"]["me"]

export type Session =
  | { readonly status: "checking" }
  | { readonly status: "signedOut" }
  /** The session could not be checked: the API did not answer (down, network). Not the same as signed out. */
  | { readonly status: "unreachable" }
  | { readonly status: "signedIn"; readonly me: Me; readonly scopeName: string | null }

export interface SessionApi {
  readonly session: Session
  /** auth.login then auth.me; throws the API's error (wrong password, locked out…). */
  readonly signIn: (identifier: string, password: string, language: Language) => Promise<void>
  /** auth.logout; the session ends on the server. */
  readonly signOut: () => Promise<void>
  /** The server said the session is over (a 401 on some page): forget it locally. */
  readonly expired: () => void
  /** Ask the server again after it was unreachable. */
  readonly retry: () => void
}

// The session cookie is HTTP-only, so the app cannot see it. It remembers that it signed in and asks the
// server (auth.me) only then: a visitor who never signed in is sent to the sign-in page without a 401.
const hintKey = "cadre.admin.signedIn"
const hint = {
  get: () => {
    try {
      return window.localStorage.getItem(hintKey) === "1"
    } catch {
      return false
    }
  },
  set: (on: boolean) => {
    try {
      if (on) window.localStorage.setItem(hintKey, "1")
      else window.localStorage.removeItem(hintKey)
    } catch {
      // Storage unavailable (private mode): every visit starts at the sign-in page.
    }
  },
}

const Context = createContext<SessionApi | undefined>(undefined)

const whoAmI = async (): Promise<Session> => {
  // Errors of auth.me only matter for their code; the language does not.
  const api = makeClient("zh-CN")
  const me = await api.auth.me.query()
  const regionId = me.scope._tag === "SelfScope" ? null : me.scope.regionId
  const scopeName =
    regionId === null || me.role === "applicant"
      ? null
      : await api.regions.get.query({ id: regionId }).then(
          (r) => r.name,
          () => null,
        )
  return { status: "signedIn", me, scopeName }
}

/**
 * Holds the session for the app: checks it once on load, and offers sign-in and sign-out. The pages inside get
 * the API client from it too (`useApi`, over the global `fetch`, which tests stub).
 */
export const SessionProvider = ({ children }: { readonly children?: ReactNode }) => {
  const [session, setSession] = useState<Session>(() =>
    hint.get() ? { status: "checking" } : { status: "signedOut" },
  )
  const [attempt, setAttempt] = useState(0)
  // The cache of what this app read. Emptied whenever the account changes (sign-in, sign-out, expiry): what one
  // clerk read is never shown to the next one on this browser. A 401 on any read ends the session.
  const [queryClient] = useState(() =>
    makeQueryClient({
      onUnauthenticated: () => {
        hint.set(false)
        setSession({ status: "signedOut" })
      },
    }),
  )
  useEffect(() => {
    // `attempt` counts the user's 重试 after the API was unreachable; each asks the server again.
    void attempt
    if (!hint.get()) return
    let live = true
    whoAmI().then(
      (s) => {
        if (live) setSession(s)
      },
      (error: unknown) => {
        if (!live) return
        if (isUnauthenticated(error)) {
          hint.set(false)
          setSession({ status: "signedOut" })
        } else {
          // Down or unreachable: say so, keep the hint, never pretend the user signed out (issue 16).
          setSession({ status: "unreachable" })
        }
      },
    )
    return () => {
      live = false
    }
  }, [attempt])
  const retry = useCallback(() => {
    setSession({ status: "checking" })
    setAttempt((n) => n + 1)
  }, [])

  const signIn = useCallback(
    async (identifier: string, password: string, language: Language) => {
      await makeClient(language).auth.login.mutate({ identifier, password })
      queryClient.clear()
      hint.set(true)
      setSession(await whoAmI())
    },
    [queryClient],
  )
  const signOut = useCallback(async () => {
    try {
      await makeClient("zh-CN").auth.logout.mutate()
    } finally {
      queryClient.clear()
      hint.set(false)
      setSession({ status: "signedOut" })
    }
  }, [queryClient])
  const expired = useCallback(() => {
    queryClient.clear()
    hint.set(false)
    setSession({ status: "signedOut" })
  }, [queryClient])
  const value = useMemo(
    () => ({ session, signIn, signOut, expired, retry }),
    [session, signIn, signOut, expired, retry],
  )
  return (
    <Context.Provider value={value}>
      <ApiProvider fetch={trackedFetch}>
        <ServerState queryClient={queryClient}>{children}</ServerState>
      </ApiProvider>
    </Context.Provider>
  )
}

/**
 * The query cache of this app (one per SessionProvider, so tests do not share one) and tRPC's integration over
 * the same client the pages use. A successful move makes every read stale.
 */
const ServerState = ({
  queryClient,
  children,
}: {
  readonly queryClient: QueryClient
  readonly children?: ReactNode
}) => {
  const client = useApi()
  useEffect(() => onMutationSettled(() => void queryClient.invalidateQueries()), [queryClient])
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={client} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  )
}

export const useSession = (): SessionApi => {
  const value = useContext(Context)
  if (value === undefined) throw new Error("useSession outside SessionProvider")
  return value
}
