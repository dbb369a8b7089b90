import { useCallback, useEffect, useState } from "react"

/** The state of one read from the API. */
export type Load<T> =
  | { readonly state: "loading" }
  | { readonly state: "done"; readonly data: T }
  | { readonly state: "failed"; readonly error: unknown }

/**
 * Runs `read` when `key` changes (and on `reload`), dropping answers that arrive after a newer request or after
 * unmounting. Keeps the last data while reloading so the screen does not flash.
 */
export const useLoad = <T>(read: () => Promise<T>, key: string): { load: Load<T>; reload: () => void } => {
  const [load, setLoad] = useState<Load<T>>({ state: "loading" })
  const [round, setRound] = useState(0)
  // `key` names what `read` reads (a new closure each render); `round` forces a reload.
  useEffect(() => {
    let live = true
    read().then(
      (data) => {
        if (live) setLoad({ state: "done", data })
      },
      (error: unknown) => {
        if (live) setLoad({ state: "failed", error })
      },
    )
    return () => {
      live = false
    }
  }, [key, round])
  const reload = useCallback(() => setRound((r) => r + 1), [])
  return { load, reload }
}
