import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useCallback, useMemo } from "react"

/** The state of one read from the API. */
export type Load<T> =
  | { readonly state: "loading" }
  | { readonly state: "done"; readonly data: T }
  | { readonly state: "failed"; readonly error: unknown }

/**
 * A read through the TanStack Query cache (see `query.ts`: retry when unanswered, stale after any move), for the
 * pages written before the tRPC integration; new screens use `useTRPC()` directly.
 *
 * `key` names what `read` depends on (language, ids, filters). The call site is part of the cache key too — the
 * read's own source text — so two reads under the same `key` on one page never share an entry. Keeps the last
 * data while a new key loads, so the screen does not flash.
 */
export const useLoad = <T>(read: () => Promise<T>, key: string): { load: Load<T>; reload: () => void } => {
  const query = useQuery({
    queryKey: ["load", read.toString(), key],
    // Boxed: TanStack Query refuses `undefined` as data, and a read may legitimately answer nothing.
    queryFn: () => read().then((value) => ({ value })),
    placeholderData: keepPreviousData,
  })
  const { refetch } = query
  const reload = useCallback(() => void refetch(), [refetch])
  const { status, data, error } = query
  // The same object until the read's outcome changes: pages run effects on `load`.
  const load = useMemo<Load<T>>(
    () =>
      status === "pending"
        ? { state: "loading" }
        : status === "error"
          ? { state: "failed", error }
          : { state: "done", data: (data as { readonly value: T }).value },
    [status, data, error],
  )
  return { load, reload }
}
