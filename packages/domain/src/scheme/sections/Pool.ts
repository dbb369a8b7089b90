/**
 * The scheme's reserve-pool part: the roles of the pool and its composition.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Param } from "../../shared/Cited.js"
import { Text } from "../../shared/Text.js"
import { Ratio } from "./Basics.js"

/**
 * A role of a reserve pool (正职, 副职), with its label.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PoolRole = Schema.Struct({ key: Schema.NonEmptyTrimmedString, label: Text })
/**
 * The decoded value of the {@link PoolRole} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PoolRole = typeof PoolRole.Type

/**
 * Reserve-pool composition (001: ≥ 2 per community, principal and deputy; aged ≤ 35 at least 40%).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Pool = Schema.Struct({
  minPerCommunity: Param(Schema.Int.pipe(Schema.positive())),
  roles: Param(Schema.NonEmptyArray(PoolRole)),
  /** "35岁以下达到40%以上": maxAge 35 (以下 includes), share 40/100 at least (a floor: ceil). */
  youngShare: Param(Schema.Struct({ maxAge: Schema.NonNegativeInt, atLeast: Ratio })),
}).annotations({ identifier: "Pool", title: "队伍结构 / pool composition" })
/**
 * The decoded value of the {@link Pool} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Pool = typeof Pool.Type
