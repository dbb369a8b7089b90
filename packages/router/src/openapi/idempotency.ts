/**
 * The `Idempotency-Key` header (docs/api.md § Idempotency-Key): its name and alphabet, shared by the HTTP layer that
 * honours it (apps/api) and the OpenAPI document that declares it on every command.
 */
export const IDEMPOTENCY_HEADER = "Idempotency-Key"
/** Printable, no spaces: letters, digits and `-_.:~+/=` (a UUID, a ULID, base64), 1–128 characters. */
export const IDEMPOTENCY_KEY_PATTERN = "^[A-Za-z0-9._:~+/=-]{1,128}$"
/** How long a key and its answer are kept. */
export const IDEMPOTENCY_TTL_HOURS = 24
