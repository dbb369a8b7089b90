import { getErrorShape, getTRPCErrorFromUnknown } from "@trpc/server"
import { getHTTPStatusCodeFromError } from "@trpc/server/http"
import type { Context } from "../context.js"
import { appRouter } from "../root.js"
import { createCallerFactory } from "../trpc.js"
import type { RestOperation } from "./document.js"

/**
 * The REST form of a procedure (`GET|POST /api/v1/<procedure>`) runs the procedure through tRPC's server-side
 * caller — the same middleware (who is calling, input decoded by the kernel Schema), the same service call and
 * audit — and answers what the tRPC endpoint would: on success the result itself, on failure the same error body
 * (the router's error formatter, `{ error: { message, code, data } }`) with the same HTTP status.
 */

const createCaller = createCallerFactory(appRouter)

export interface RestAnswer {
  readonly status: number
  readonly body: unknown
}

type Callable = (input: unknown) => Promise<unknown>

/** Run `op` with `input` (already read from the query string or the JSON body) for the request `ctx`. */
export const callRest = async (ctx: Context, op: RestOperation, input: unknown): Promise<RestAnswer> => {
  const caller = createCaller(ctx) as unknown as Record<string, Record<string, Callable>>
  const [routerKey = "", name = ""] = op.procedure.split(".")
  const call = caller[routerKey]?.[name]
  try {
    if (call === undefined) throw new Error(`no procedure ${op.procedure}`)
    return { status: 200, body: (await call(input)) ?? null }
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause)
    const shape = getErrorShape({
      config: appRouter._def._config,
      error,
      type: op.type,
      path: op.procedure,
      input,
      ctx,
    })
    return { status: getHTTPStatusCodeFromError(error), body: { error: shape } }
  }
}
