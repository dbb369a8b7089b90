import { useCallback, useEffect, useRef, useState } from "react"

/** What the SPA knows about the API. */
export type ServiceHealth =
  | { readonly state: "checking" }
  | { readonly state: "up"; readonly version: string; readonly checkedAt: Date }
  | { readonly state: "down"; readonly reason: string; readonly checkedAt: Date }

/** Options of {@link useServiceHealth}. */
export interface UseServiceHealthOptions {
  /** Health URL, relative to the SPA (the dev/preview server proxies `/api` to the API). */
  readonly url?: string
  /** How often to check again; 0 checks only once. */
  readonly intervalMs?: number
  /** Give up on one check after this long. */
  readonly timeoutMs?: number
}

const isHealthy = (body: unknown): body is { status: "ok"; version?: unknown } =>
  typeof body === "object" && body !== null && "status" in body && body.status === "ok"

/** Asks the API's `/healthz` once. Never throws: every failure becomes `down` with a reason for the console. */
export const checkServiceHealth = async (url: string, timeoutMs: number): Promise<ServiceHealth> => {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { accept: "application/json" } })
    if (!response.ok) return { state: "down", reason: `HTTP ${response.status}`, checkedAt: new Date() }
    const body: unknown = await response.json()
    if (!isHealthy(body)) return { state: "down", reason: "unexpected body", checkedAt: new Date() }
    const version = typeof body.version === "string" ? body.version : ""
    return { state: "up", version, checkedAt: new Date() }
  } catch (error) {
    return {
      state: "down",
      reason: error instanceof Error ? error.message : String(error),
      checkedAt: new Date(),
    }
  } finally {
    clearTimeout(timer)
  }
}

/** Checks the API's health on mount and then every `intervalMs`; `recheck` asks again now. */
export const useServiceHealth = ({
  url = "/api/healthz",
  intervalMs = 15_000,
  timeoutMs = 5_000,
}: UseServiceHealthOptions = {}): { readonly health: ServiceHealth; readonly recheck: () => void } => {
  const [health, setHealth] = useState<ServiceHealth>({ state: "checking" })
  const latest = useRef(0)
  const recheck = useCallback(() => {
    // Only the newest check may set the state, so a slow old answer cannot overwrite a fresh one.
    const id = ++latest.current
    void checkServiceHealth(url, timeoutMs).then((result) => {
      if (id === latest.current) setHealth(result)
    })
  }, [url, timeoutMs])
  useEffect(() => {
    recheck()
    if (intervalMs <= 0) return
    const timer = setInterval(recheck, intervalMs)
    return () => {
      clearInterval(timer)
      latest.current++
    }
  }, [recheck, intervalMs])
  return { health, recheck }
}
