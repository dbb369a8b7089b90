import { Schema } from "effect"
import type { Text } from "../shared/Text.js"

/**
 * The states of an application (报名/推荐) on its way through a selection campaign. The procedure states in their
 * canonical order; a scheme switches the optional ones on or off (Path.ts). `withdrawn` and `rejected` are
 * terminal and can be reached from many states.
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
export type ProcedureState = (typeof PROCEDURE)[number]

export const TERMINAL = ["withdrawn", "rejected"] as const

export const State = Schema.Literal(...PROCEDURE, ...TERMINAL).annotations({
  identifier: "ApplicationState",
  title: "办理环节 / application state",
})
export type State = typeof State.Type

/** States that only exist when the scheme has a stage for them. The others are on every path. */
export const OPTIONAL: ReadonlyArray<ProcedureState> = [
  "qualification_review",
  "joint_review",
  "inspection",
  "interview",
  "shortlisted",
  "public_notice",
  "reported_in",
]

/** Review steps that are entered by `Advance` and need a record before they are left. */
export const REVIEW_STEPS = ["qualification_review", "joint_review", "inspection", "interview"] as const
export type ReviewStep = (typeof REVIEW_STEPS)[number]
export const isReviewStep = (s: State): s is ReviewStep => (REVIEW_STEPS as ReadonlyArray<State>).includes(s)

/** States entered by the generic `Advance` move (the others have their own moves). */
export const ADVANCE_TARGETS: ReadonlyArray<State> = [...REVIEW_STEPS, "shortlisted"]

export const isTerminal = (s: State): boolean => s === "withdrawn" || s === "rejected"

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
