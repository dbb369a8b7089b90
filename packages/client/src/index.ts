import type { AppRouter, RouterInputs, RouterOutputs } from "@cadre/router"
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client"

/**
 * @cadre/client — the typed client for the cadre-dispatch API. Integrators pass an API token; the SPAs pass no
 * token and let the browser send the session cookie. Every procedure, its input and its output are typed from
 * the server's router (`AppRouter`), so a changed procedure breaks the caller's build, not production.
 *
 * ```ts
 * const api = createClient({ url: "https://cadre.example.cn/trpc", token: process.env.CADRE_TOKEN })
 * const schemes = await api.schemes.list.query({})
 * ```
 */

export type { AppRouter, RouterInputs, RouterOutputs }

export interface ClientOptions {
  /** The tRPC endpoint, e.g. `http://localhost:3000/trpc`. */
  readonly url: string
  /** An integrator's API token (`cdr_…`), sent as `Authorization: Bearer …`. */
  readonly token?: string | undefined
  /** Language of error messages: "zh" (default) or "en". */
  readonly lang?: "zh" | "en" | undefined
  /** Send cookies cross-origin (SPAs served from another origin than the API). */
  readonly withCredentials?: boolean | undefined
  /** A fetch implementation (tests, proxies); the global one by default. */
  readonly fetch?: typeof fetch | undefined
  /** Extra headers on every request. */
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/** The typed client: `client.<router>.<procedure>.query(input)` / `.mutate(input)`. */
export type CadreClient = ReturnType<typeof createTRPCClient<AppRouter>>

/** Create a client. See the module comment and README.md. */
export const createClient = (options: ClientOptions): CadreClient => {
  const baseFetch = options.fetch ?? globalThis.fetch
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: options.url,
        headers: () => ({
          ...options.headers,
          ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
          ...(options.lang === undefined ? {} : { "x-lang": options.lang }),
        }),
        fetch: (input, init) =>
          baseFetch(input, {
            ...(init as RequestInit),
            ...(options.withCredentials === true ? { credentials: "include" } : {}),
          }),
      }),
    ],
  })
}

/** The explanation the server attaches to every error: tag, both languages, per-field issues, request id. */
export interface ErrorDetails {
  readonly code: string
  readonly tag: string
  readonly message: { readonly zh: string; readonly en: string }
  readonly issues: ReadonlyArray<{
    readonly path: ReadonlyArray<PropertyKey>
    readonly message: { zh: string; en: string }
  }>
  readonly requestId: string | null
  /** The refused rule's code when the failure has one (IllegalMove `past_deadline` …): what screens branch on. */
  readonly reason?: string
}

/** Read the server's explanation out of a thrown error; undefined for anything that is not an API error. */
export const errorDetails = (error: unknown): ErrorDetails | undefined => {
  if (!(error instanceof TRPCClientError)) return undefined
  const data = error.data as (Partial<ErrorDetails> & { code?: string }) | undefined
  if (data === undefined || data === null) return undefined
  return {
    code: data.code ?? "UNKNOWN",
    tag: data.tag ?? data.code ?? "UNKNOWN",
    message: data.message ?? { zh: error.message, en: error.message },
    issues: data.issues ?? [],
    requestId: data.requestId ?? null,
    ...(typeof data.reason === "string" ? { reason: data.reason } : {}),
  }
}

export { TRPCClientError }
