import { createHash, randomBytes } from "node:crypto"

/**
 * API tokens for integrators: `cdr_` + 32 random bytes (base64url). Only the SHA-256 of a token is stored — a
 * token has 256 bits of entropy, so a fast hash is enough (unlike passwords) and lookups stay one index probe.
 */
export const TOKEN_PREFIX = "cdr_"

/** A new token: the secret (shown once) and what is stored. */
export const newToken = (): { readonly token: string; readonly hash: string; readonly prefix: string } => {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) }
}

/** What the database stores for a token. */
export const hashToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex")

/** The bearer token of an `Authorization` header, if it is one of ours. */
export const bearerToken = (headers: Headers): string | undefined => {
  const header = headers.get("authorization")
  if (header === null) return undefined
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim())
  const token = match?.[1]
  return token?.startsWith(TOKEN_PREFIX) === true ? token : undefined
}
