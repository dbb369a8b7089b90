import { type Problem, problemOf, type useApi } from "@cadre/ui"
import { useState } from "react"

export type Api = ReturnType<typeof useApi>
/** A move on a placement, as placements.act takes it. */
export type Move = Parameters<Api["placements"]["act"]["mutate"]>[0]["move"]

/** Runs one command, keeping its refusal for the alert; answers undefined when refused. */
export const useCommand = () => {
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async <A>(command: () => Promise<A>): Promise<A | undefined> => {
    setBusy(true)
    setProblem(null)
    try {
      return await command()
    } catch (error) {
      setProblem(problemOf(error))
      return undefined
    } finally {
      setBusy(false)
    }
  }
  return { problem, setProblem, busy, run }
}
