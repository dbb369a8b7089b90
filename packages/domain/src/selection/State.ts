/**
 * The states of an application: the procedure's steps in order, the terminal states, and their labels.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Text } from "../shared/Text.js"

/**
 * The states of an application (报名/推荐) on its way through a selection campaign. The procedure states in their
 * canonical order; a scheme switches the optional ones on or off (Path.ts). `withdrawn` and `rejected` are
 * terminal and can be reached from many states.
 *
 * @category constants
 * @since 0.1.0
 */
export const PROCEDURE = [
  "draft", // 草稿
  "submitted", // 已报名/已推荐
  "screened", // 资格初审（系统比对）
  "qualification_review", // 资格审查
  "joint_review", // 联审
  "inspection", // 考察
  "interview", // 面试
  "shortlisted", // 确定初步人选
  "decided", // 会议研究决定
  "public_notice", // 公示
  "appointed", // 任职/安排岗位
  "reported_in", // 报到
] as const
/**
 * A state of the procedure (one value of {@link PROCEDURE}).
 *
 * @category models
 * @since 0.1.0
 */
export type ProcedureState = (typeof PROCEDURE)[number]

/**
 * The states an application ends in without an appointment: withdrawn or rejected.
 *
 * @category constants
 * @since 0.1.0
 */
export const TERMINAL = ["withdrawn", "rejected"] as const

/**
 * The state of an application: a step of the procedure or a terminal state.
 *
 * @category schemas
 * @since 0.1.0
 */
export const State = Schema.Literal(...PROCEDURE, ...TERMINAL).annotations({
  identifier: "ApplicationState",
  title: "办理环节 / application state",
})
/**
 * The decoded value of the {@link State} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type State = typeof State.Type

/**
 * States that only exist when the scheme has a stage for them. The others are on every path.
 *
 * @category constants
 * @since 0.1.0
 */
export const OPTIONAL: ReadonlyArray<ProcedureState> = [
  "qualification_review",
  "joint_review",
  "inspection",
  "interview",
  "shortlisted",
  "public_notice",
  "reported_in",
]

/**
 * Review steps that are entered by `Advance` and need a record before they are left.
 *
 * @category constants
 * @since 0.1.0
 */
export const REVIEW_STEPS = ["qualification_review", "joint_review", "inspection", "interview"] as const
/**
 * A review step (one value of {@link REVIEW_STEPS}).
 *
 * @category models
 * @since 0.1.0
 */
export type ReviewStep = (typeof REVIEW_STEPS)[number]
/**
 * Whether the state is a review step.
 *
 * @category guards
 * @since 0.1.0
 */
export const isReviewStep = (s: State): s is ReviewStep => (REVIEW_STEPS as ReadonlyArray<State>).includes(s)

/**
 * States entered by the generic `Advance` move (the others have their own moves).
 *
 * @category constants
 * @since 0.1.0
 */
export const ADVANCE_TARGETS: ReadonlyArray<State> = [...REVIEW_STEPS, "shortlisted"]

/**
 * Whether the application has ended (withdrawn or rejected).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isTerminal = (s: State): boolean => s === "withdrawn" || s === "rejected"

/**
 * Display labels of each application state, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const STATE_LABELS: Readonly<Record<State, Text>> = {
  draft: { zh: "草稿", en: "draft" },
  submitted: { zh: "已报名/已推荐", en: "submitted" },
  screened: { zh: "已资格比对", en: "screened" },
  qualification_review: { zh: "资格审查", en: "qualification review" },
  joint_review: { zh: "联审", en: "joint review" },
  inspection: { zh: "考察", en: "inspection" },
  interview: { zh: "面试", en: "interview" },
  shortlisted: { zh: "初步人选", en: "shortlisted" },
  decided: { zh: "已研究决定", en: "decided" },
  public_notice: { zh: "公示中", en: "public notice" },
  appointed: { zh: "已任职", en: "appointed" },
  reported_in: { zh: "已报到", en: "reported in" },
  withdrawn: { zh: "已撤回", en: "withdrawn" },
  rejected: { zh: "未通过", en: "rejected" },
}
