import type { Text } from "@cadre/domain"
import { Data } from "effect"

/**
 * A request that is well-formed but cannot be carried out as asked; the message explains (both languages). The
 * router maps it to BAD_REQUEST (errors.ts) and re-exports it for its own refusals.
 */
export class Rejected extends Data.TaggedError("Rejected")<{ readonly message: Text }> {}
