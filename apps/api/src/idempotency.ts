import { createHash } from "node:crypto"
import type { IdempotencyStore } from "@cadre/db"
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN } from "@cadre/router"
import type { Context } from "hono"
import type { AppEnv } from "./app.js"
import type { EdgeError } from "./envelope.js"

/**
 * `Idempotency-Key` on commands (issue 15, docs/api.md § Idempotency-Key): a signed-in caller that retries a POST
 * to /trpc/* or /api/v1/* with the same key gets the first answer (status and body) again instead of the command
 * running twice. Keys are kept per account with a hash of the request (method, path with its query, body): the same
 * key with another request is refused (422), a retry while the first is still running gets 409. An answer the
 * server failed to give (5xx, or a crash) is not kept, so the retry runs. Keys live 24 h.
 */

export { IDEMPOTENCY_HEADER }
/** Printable, no spaces: letters, digits and `-_.:~+/=` (a UUID, a ULID, base64), at most 128 (as the document says). */
export const IDEMPOTENCY_KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN, "u")

export const IDEMPOTENCY_ERRORS = {
  invalid: {
    status: 400,
    code: "BAD_REQUEST",
    tag: "IdempotencyKeyInvalid",
    message: {
      zh: "Idempotency-Key 请求头（幂等键）无效：应为 1–128 个字母、数字或 -_.:~+/= 字符",
      en: "Invalid Idempotency-Key header: 1–128 letters, digits or -_.:~+/= characters",
    },
  },
  reused: {
    status: 422,
    code: "UNPROCESSABLE_CONTENT",
    tag: "IdempotencyKeyReused",
    message: {
      zh: "该 Idempotency-Key（幂等键）已用于另一个不同的请求；每个新操作请使用新的键",
      en: "This Idempotency-Key was already used for a different request; use a new key for each new command",
    },
  },
  inProgress: {
    status: 409,
    code: "CONFLICT",
    tag: "IdempotencyKeyInProgress",
    message: {
      zh: "使用该 Idempotency-Key（幂等键）的请求仍在处理中，请稍后重试",
      en: "A request with this Idempotency-Key is still being processed; retry shortly",
    },
  },
} as const satisfies Record<string, EdgeError>

/** The hash a key is bound to: method, path with query, body. */
export const requestHash = (method: string, url: string, body: string): string => {
  const u = new URL(url)
  return createHash("sha256").update(`${method}\n${u.pathname}${u.search}\n`).update(body).digest("hex")
}

/** The header's value for a replayed answer. */
export const REPLAYED_HEADER = "Idempotency-Replayed"

export const idempotency =
  (options: {
    readonly store: IdempotencyStore
    readonly resolveActor: (headers: Headers) => Promise<{ readonly accountId: string } | null>
    readonly fail: (c: Context<AppEnv>, e: EdgeError) => Response
  }) =>
  async (c: Context<AppEnv>, next: () => Promise<void>): Promise<Response | undefined> => {
    const key = c.req.header(IDEMPOTENCY_HEADER)
    if (c.req.method !== "POST" || key === undefined) {
      await next()
      return undefined
    }
    if (!IDEMPOTENCY_KEY.test(key)) return options.fail(c, IDEMPOTENCY_ERRORS.invalid)
    // Keys belong to an account; a caller not signed in is answered as without a key (its command refuses it).
    const actor = await options.resolveActor(c.req.raw.headers)
    if (actor === null) {
      await next()
      return undefined
    }
    const body = await c.req.raw.clone().text()
    const claim = await options.store.claim({
      accountId: actor.accountId,
      key,
      requestHash: requestHash(c.req.method, c.req.url, body),
    })
    switch (claim._tag) {
      case "Mismatch":
        return options.fail(c, IDEMPOTENCY_ERRORS.reused)
      case "InProgress":
        return options.fail(c, IDEMPOTENCY_ERRORS.inProgress)
      case "Replay":
        return new Response(claim.body, {
          status: claim.status,
          headers: { "Content-Type": "application/json", [REPLAYED_HEADER]: "true" },
        })
      case "Claimed":
        break
    }
    const ref = { accountId: actor.accountId, key, claimId: claim.claimId }
    try {
      await next()
    } catch (e) {
      await options.store.release(ref)
      throw e
    }
    // A server failure is not an answer to keep (the command rolled back): the retry runs. So is a throttle.
    if (c.res.status >= 500 || c.res.status === 429) await options.store.release(ref)
    else await options.store.complete({ ...ref, status: c.res.status, body: await c.res.clone().text() })
    return undefined
  }
