import type { Access, Lang } from "@cadre/domain"
import { Cause, type Effect, Exit, type Layer, type ManagedRuntime, Option } from "effect"
import type { ServicesLive } from "@cadre/services"
import type { AuthService } from "./auth/service.js"
import { type Failure, isFailure } from "./errors.js"
import { langFromHeaders } from "./lang.js"

/** Structured log sink (apps/api passes its JSON logger). */
export interface RouterLogger {
  readonly info: (msg: string, fields?: Readonly<Record<string, unknown>>) => void
  readonly warn: (msg: string, fields?: Readonly<Record<string, unknown>>) => void
  readonly error: (msg: string, fields?: Readonly<Record<string, unknown>>) => void
}

/** Resolves who is calling from the request's credentials (session cookie or `Authorization: Bearer`). */
export interface ActorResolver {
  readonly resolveActor: (headers: Headers) => Promise<Access.Actor | null>
}

/** The services procedures' Effects may require: the application services, provided by apps/api (and the tests). */
export type Services = Layer.Layer.Success<typeof ServicesLive>

/**
 * What the router needs from the composition root: the runtime holding the application services (apps/api builds
 * it from live Layers, tests from `makeTestDatabase`), the auth service and a logger.
 */
export interface RouterDeps {
  readonly runtime: ManagedRuntime.ManagedRuntime<Services, never>
  readonly auth: AuthService
  readonly logger: RouterLogger
  /** Today's date (ISO, China time) for moves that record or check dates; default: the system clock. */
  readonly today?: () => string
  /** Rows over which a roster or arrangement export runs as a job (default EXPORT_JOB_THRESHOLD; tests set it low). */
  readonly exportJobThreshold?: number
}

/** The per-request context every procedure receives. */
export interface Context {
  readonly deps: RouterDeps
  /** Request headers (cookies, Authorization, Accept-Language, x-lang). */
  readonly headers: Headers
  /** Response headers a procedure may add to (Set-Cookie on login); merged into the HTTP response. */
  readonly resHeaders: Headers
  readonly lang: Lang
  readonly requestId: string
  /**
   * The client's IP address as the API determined it ({@link clientIpOf}): the socket's peer, or the first
   * x-forwarded-for hop when the API trusts its proxy. Absent in tests without one. Sign-in throttling keys on it.
   */
  readonly clientIp: string | undefined
}

/**
 * The client IP of a request: with `trustProxy`, the first (client-most) `X-Forwarded-For` entry, falling back
 * to the socket; otherwise the socket's remote address only — a client can write any X-Forwarded-For it likes,
 * so the header is believed only when a proxy we run sets it.
 */
export const clientIpOf = (options: {
  readonly headers: Headers
  readonly socketAddress?: string | undefined
  readonly trustProxy: boolean
}): string | undefined => {
  const socket = options.socketAddress?.trim() || undefined
  if (!options.trustProxy) return socket
  const forwarded = options.headers.get("x-forwarded-for")?.split(",")[0]?.trim()
  return forwarded || socket
}

/** Build a request's context. `resHeaders` is the adapter's response headers (a fresh one in tests). */
export const createContext = (options: {
  readonly deps: RouterDeps
  readonly headers: Headers
  readonly resHeaders?: Headers
  readonly requestId?: string
  /** From {@link clientIpOf}. */
  readonly clientIp?: string | undefined
}): Context => ({
  deps: options.deps,
  headers: options.headers,
  resHeaders: options.resHeaders ?? new Headers(),
  lang: langFromHeaders(options.headers),
  requestId: options.requestId ?? crypto.randomUUID(),
  clientIp: options.clientIp,
})

/** Outcome of running an Effect: the value, a mapped failure, or a defect (already logged). */
export type Ran<A> =
  | { readonly _tag: "ok"; readonly value: A }
  | { readonly _tag: "failure"; readonly failure: Failure }
  | { readonly _tag: "defect"; readonly cause: unknown }

/** Run an Effect in the services runtime; mapped failures and defects come back as values. */
export const runEffect = async <A>(
  runtime: ManagedRuntime.ManagedRuntime<Services, never>,
  effect: Effect.Effect<A, Failure, Services>,
): Promise<Ran<A>> => {
  const exit = await runtime.runPromiseExit(effect)
  if (Exit.isSuccess(exit)) return { _tag: "ok", value: exit.value }
  const failure = Cause.failureOption(exit.cause)
  if (Option.isSome(failure) && isFailure(failure.value)) return { _tag: "failure", failure: failure.value }
  return { _tag: "defect", cause: Cause.pretty(exit.cause) }
}
