import { type AppRouter, errorDetails } from "@cadre/client"
import { isUnauthenticated } from "@cadre/ui"
import { QueryCache, QueryClient } from "@tanstack/react-query"
import { createTRPCContext } from "@trpc/tanstack-react-query"
import { useSyncExternalStore } from "react"

/**
 * Server state for the admin: one TanStack Query cache per signed-in app, read through tRPC's integration
 * (`useTRPC().campaigns.list.queryOptions(…)`) or the older `useLoad` adapter. Three behaviours live here, once:
 * - **retry** only when the server did not answer (network, proxy 502): a refusal is an answer, not a glitch;
 * - **invalidation after moves**: any tRPC mutation that succeeds marks every cached read stale, so the page that
 *   made the move and every page behind it show the state after it (queries are cheap; correctness is not);
 * - **reachability**: whether the last call reached the API, for the banner the frame shows when it did not.
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>()

/** True when the error is the API's own answer (a tRPC error with the server's explanation). */
const answeredByServer = (error: unknown): boolean => errorDetails(error) !== undefined

/** Retry a read twice when the server did not answer; never when it refused. */
export const retryUnanswered = (failures: number, error: unknown): boolean =>
  failures < 2 && !answeredByServer(error)

export const makeQueryClient = (options: { readonly onUnauthenticated?: (error: unknown) => void } = {}) =>
  new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isUnauthenticated(error)) options.onUnauthenticated?.(error)
      },
    }),
    defaultOptions: {
      queries: {
        retry: retryUnanswered,
        retryDelay: (attempt) => Math.min(400 * 2 ** attempt, 3_000),
        // A clerk switching tabs comes back to fresh figures; within 10 s a revisit shows the cache at once.
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  })

// ---- reachability: did the last request reach the API? ----

type Reachability = "reachable" | "unreachable"
let reachability: Reachability = "reachable"
const reachabilityListeners = new Set<() => void>()
const setReachability = (next: Reachability) => {
  if (next === reachability) return
  reachability = next
  for (const l of reachabilityListeners) l()
}

/** Whether the API answered the last request (any HTTP answer counts except a proxy's 502/503/504). */
export const useReachability = (): Reachability =>
  useSyncExternalStore(
    (listener) => {
      reachabilityListeners.add(listener)
      return () => reachabilityListeners.delete(listener)
    },
    () => reachability,
    () => "reachable",
  )

// ---- the fetch the admin's tRPC client uses ----

const mutationListeners = new Set<() => void>()

/** Call `listener` after every successful tRPC mutation (POST); returns the unsubscribe. */
export const onMutationSettled = (listener: () => void): (() => void) => {
  mutationListeners.add(listener)
  return () => mutationListeners.delete(listener)
}

const gatewayDown = new Set([502, 503, 504])

/**
 * The admin's fetch: the global one (looked up per call, so tests may stub it) with the session cookie, noting
 * whether the API answered and telling the cache after a mutation. tRPC's httpLink sends queries as GET and
 * mutations as POST, so the method says which a request is.
 */
export const trackedFetch: typeof globalThis.fetch = async (input, init) => {
  let response: Response
  try {
    response = await globalThis.fetch(input, { ...init, credentials: "same-origin" })
  } catch (error) {
    setReachability("unreachable")
    throw error
  }
  setReachability(gatewayDown.has(response.status) ? "unreachable" : "reachable")
  if (init?.method === "POST" && response.ok) for (const l of mutationListeners) l()
  return response
}
