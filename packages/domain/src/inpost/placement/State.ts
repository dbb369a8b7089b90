/**
 * Where a placement stands: its states in lifecycle order, the terminal ones, and their labels.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Text } from "../../shared/Text.js"

/**
 * The states of a placement, in lifecycle order; the source of {@link PlacementState}.
 *
 * @category constants
 * @since 0.1.0
 */
export const PLACEMENT_STATES = [
  "placed", // 已安排（待到岗）
  "on_probation", // 见习
  "probation_extended", // 延长见习
  "in_term", // 任职（见习后经选举正式任职，或无见习期）
  "term_ended", // 任期届满
  "returned_to_unit", // 返回派出单位
  "adjusted", // 调整
  "recalled", // 召回
  "exited", // 期满退出
] as const
/**
 * Where a placement stands in its lifecycle (one value of {@link PLACEMENT_STATES}).
 *
 * @category schemas
 * @since 0.1.0
 */
export const PlacementState = Schema.Literal(...PLACEMENT_STATES).annotations({
  identifier: "PlacementState",
  title: "任职状态 / placement state",
})
/**
 * The decoded value of the {@link PlacementState} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PlacementState = typeof PlacementState.Type

/**
 * The states after which nothing more happens to a placement.
 *
 * @category constants
 * @since 0.1.0
 */
export const TERMINAL_PLACEMENT_STATES: ReadonlyArray<PlacementState> = [
  "returned_to_unit",
  "adjusted",
  "recalled",
  "exited",
]
/**
 * Whether the placement has ended (returned, adjusted, recalled or exited).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isClosed = (s: PlacementState): boolean => TERMINAL_PLACEMENT_STATES.includes(s)

/**
 * Display labels of each placement state, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const PLACEMENT_STATE_LABELS: Readonly<Record<PlacementState, Text>> = {
  placed: { zh: "已安排，待到岗", en: "placed, not yet in post" },
  on_probation: { zh: "见习", en: "on probation" },
  probation_extended: { zh: "延长见习", en: "probation extended" },
  in_term: { zh: "任职中", en: "in term" },
  term_ended: { zh: "任期届满", en: "term ended" },
  returned_to_unit: { zh: "已返回派出单位", en: "returned to the dispatching unit" },
  adjusted: { zh: "已调整", en: "adjusted" },
  recalled: { zh: "已召回", en: "recalled" },
  exited: { zh: "已期满离任", en: "exited at the end of the term" },
}
