/**
 * The building blocks every part of a scheme uses: durations, ratios, the actors who act, decide or report,
 * and the cadence at which something falls due.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Text } from "../../shared/Text.js"

/**
 * The unit of a {@link Duration}: days, months or years.
 *
 * @category schemas
 * @since 0.1.0
 */
export const DurationUnit = Schema.Literal("day", "month", "year")
/**
 * A length of time as documents state it ("5年", "6个月", "3天").
 *
 * @category schemas
 * @since 0.1.0
 */
export const Duration = Schema.Struct({
  amount: Schema.Int.pipe(Schema.positive()),
  unit: DurationUnit,
}).annotations({ identifier: "Duration", title: "期限 / duration" })
/**
 * The decoded value of the {@link Duration} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Duration = typeof Duration.Type

/**
 * A share such as 20% (20/100) or 1:2; integers, so quota arithmetic is exact.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Ratio = Schema.Struct({
  numerator: Schema.NonNegativeInt,
  denominator: Schema.Int.pipe(Schema.positive()),
}).annotations({ identifier: "Ratio", title: "比例 / ratio" })
/**
 * The decoded value of the {@link Ratio} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Ratio = typeof Ratio.Type

/**
 * Who acts at a stage, receives a report or decides (POLICIES "Actors").
 *
 * @category schemas
 * @since 0.1.0
 */
export const Actor = Schema.Literal(
  "org_dept", // 区委组织部
  "org_dept_meeting", // 部务会 / 部长办公会
  "standing_committee", // 常委会
  "street", // 街道党工委 / 乡镇党委
  "dispatching_unit", // 派出单位（党委/党组）
  "host_unit", // 接收单位 / 居民区 / 村 / 社区
  "community_party_org", // 社区党组织
  "joint_review", // 联审部门
  "applicant", // 本人
  "residents", // 居民代表、党员
).annotations({ identifier: "Actor", title: "主体 / actor" })
/**
 * The decoded value of the {@link Actor} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Actor = typeof Actor.Type

/**
 * How often a report falls due: every interval, at year end, at term end, on an event.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Cadence = Schema.Union(
  Schema.TaggedStruct("Every", { interval: Duration }),
  Schema.TaggedStruct("YearEnd", {}),
  Schema.TaggedStruct("TermEnd", {}),
  Schema.TaggedStruct("OnEvent", { event: Text }),
).annotations({ identifier: "Cadence", title: "频次 / cadence" })
/**
 * The decoded value of the {@link Cadence} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Cadence = typeof Cadence.Type
