/**
 * Provisions: the clauses of a scheme the software records but does not compute.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Citation } from "../../shared/Citation.js"
import { Text } from "../../shared/Text.js"

/**
 * A clause the software records but does not compute (full-time duty, relations, support, incentives…).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Provision = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  topic: Schema.Literal(
    "full_time",
    "relations",
    "pay",
    "mentoring",
    "training",
    "support",
    "incentive",
    "archive",
    "inspection",
    "handover",
    "other",
  ),
  text: Text,
  citation: Citation,
}).annotations({ identifier: "Provision", title: "其他规定 / provision" })
/**
 * The decoded value of the {@link Provision} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Provision = typeof Provision.Type
