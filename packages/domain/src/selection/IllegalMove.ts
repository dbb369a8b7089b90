/**
 * The refusal of the selection state machine: why a move is illegal, in both languages.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Text } from "../shared/Text.js"
import type { MoveTag } from "./Model.js"
import { STATE_LABELS, State } from "./State.js"

/**
 * Why a move was refused; the UI and the API may switch on it, people read `detail`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const IllegalReason = Schema.Literal(
  "closed", // terminal or reported in: nothing more happens
  "wrong_state", // the move does not apply in this state
  "stale_state", // Advance names a `from` that is no longer the state (someone else moved first)
  "not_next_step", // not the next step on the scheme's path
  "not_earlier_step", // Return must go back to an earlier step on the path
  "version_mismatch", // scheme id/version differs from the campaign's
  "person_mismatch",
  "channel_closed",
  "recommendation_missing",
  "ineligible",
  "no_waiver",
  "record_missing",
  "record_mismatch",
  "review_failed",
  "not_applicant",
  "after_decision",
  "future_date",
  "notice_running",
  "notice_closed",
  "notice_before_decision",
  "objection_open",
  "objection_upheld",
  "unknown_objection",
  "duplicate_objection",
  "places_full",
  "shortlist_full",
  "finding_not_open", // ResolveFinding names no finding awaiting review
  "opinions_missing", // joint review left without an opinion from every department the scheme lists
  "opinion_disagrees", // joint review left while a department disagrees and the deciding body has not overridden it
  "no_disagreement", // OverrideOpinion names a department that did not disagree (or was overridden already)
  "past_deadline", // the stage's deadline has passed and no override is recorded (issue 13, "dates bite")
  "no_deadline", // OverrideDeadline names a stage without a date, or one already overridden
)
/**
 * The decoded value of the {@link IllegalReason} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type IllegalReason = typeof IllegalReason.Type

/**
 * Display labels of each selection move, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const MOVE_LABELS: Readonly<Record<MoveTag, Text>> = {
  Submit: { zh: "提交报名/推荐", en: "Submit" },
  Screen: { zh: "资格比对", en: "Screen" },
  Waive: { zh: "放宽限制", en: "Waive" },
  Advance: { zh: "进入下一环节", en: "Advance" },
  Record: { zh: "登记环节结果", en: "Record" },
  Return: { zh: "退回", en: "Return" },
  Withdraw: { zh: "撤回", en: "Withdraw" },
  Reject: { zh: "不予通过", en: "Reject" },
  Decide: { zh: "研究决定", en: "Decide" },
  StartNotice: { zh: "开始公示", en: "Start the public notice" },
  FileObjection: { zh: "提出异议", en: "File an objection" },
  ResolveObjection: { zh: "办结异议", en: "Resolve an objection" },
  ResolveFinding: { zh: "审核认定", en: "Resolve a finding" },
  OverrideOpinion: { zh: "否决联审意见", en: "Override an opinion" },
  OverrideDeadline: { zh: "逾期补办", en: "Override a deadline" },
  Appoint: { zh: "任职", en: "Appoint" },
  ReportIn: { zh: "报到", en: "Report in" },
}

/**
 * A move the kernel refuses, naming the state and the move, with the reason in both languages.
 *
 * @category errors
 * @since 0.1.0
 */
export class IllegalMove extends Schema.TaggedError<IllegalMove>()("IllegalMove", {
  state: State,
  move: Schema.String,
  reason: IllegalReason,
  detail: Text,
}) {
  /** The message in both languages, zh-CN first. */
  get text(): Text {
    const s = STATE_LABELS[this.state]
    const m = MOVE_LABELS[this.move as MoveTag] ?? { zh: this.move, en: this.move }
    return {
      zh: `当前环节“${s.zh}”不能“${m.zh}”：${this.detail.zh}`,
      en: `Cannot ${m.en} in state "${s.en}": ${this.detail.en}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}
