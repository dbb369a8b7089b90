import { callRest, type Context as RouterContext, operationAt, queryInput } from "@cadre/router"
import type { Context } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import type { AppEnv } from "./app.js"
import { EDGE, type EdgeError } from "./envelope.js"

/**
 * The REST form of the procedures in /openapi.json: `GET /api/v1/<procedure>?field=…` for a query, `POST
 * /api/v1/<procedure>` with a JSON body for a command. The path, the method and how each query parameter is read
 * come from the same operations table the document is written from (@cadre/router's openapi/document.ts); the
 * call goes through the tRPC caller (callRest), so access, audit and errors are the tRPC endpoint's. A path that
 * is not in the document is 404, the other method 405, a body that is not JSON 400 — each with the one error body.
 */
export const restHandler =
  (options: {
    readonly context: (c: Context<AppEnv>) => RouterContext
    readonly fail: (c: Context<AppEnv>, e: EdgeError) => Response
  }) =>
  async (c: Context<AppEnv>): Promise<Response> => {
    const op = operationAt(c.req.path)
    if (op === undefined) return options.fail(c, EDGE.notFound)
    if (c.req.method.toLowerCase() !== op.method) {
      c.header("Allow", op.method.toUpperCase())
      return options.fail(c, EDGE.methodNotSupported)
    }
    let input: unknown
    if (op.method === "get") input = queryInput(op, new URL(c.req.url).searchParams)
    else {
      const text = await c.req.text()
      if (text.trim() !== "")
        try {
          input = JSON.parse(text)
        } catch {
          return options.fail(c, EDGE.parseError)
        }
    }
    const ctx = options.context(c)
    const answer = await callRest(ctx, op, input)
    for (const [name, value] of ctx.resHeaders) c.header(name, value, { append: true })
    return c.json(answer.body as object, answer.status as ContentfulStatusCode)
  }
