/**
 * The selection state machine: `transition(application, move, context)` returns the next application or says why
 * the move is illegal. Pure: the date (`on`), the caller, the campaign counts and the calendar are arguments.
 *
 * Invariants it guarantees (tested by property):
 * - the scheme id and version of an application never change, and every move is checked against the campaign's;
 * - a decided application is never decided again without a Return to a step before the decision;
 * - Appoint never exceeds the campaign's places; shortlisting never exceeds ratio × places;
 * - the step after a public notice (appointment, or the decision when the notice precedes it) is blocked until the
 *   notice's last working day has passed and every objection is resolved and none upheld;
 * - every legal move is appended to the history with the caller and the date.
 *
 * The context, the error type, a fresh application and the campaign counts are in selection/transition/Context.ts,
 * re-exported here.
 *
 * @since 0.1.0
 */

import { Either } from "effect"
import { addWorkingDays } from "../calendar/WorkCalendar.js"
import { compare } from "../shared/LocalDate.js"
import type { Text } from "../shared/Text.js"
import { findingsUnresolved, resolveFinding } from "./Findings.js"
import { IllegalMove, type IllegalReason } from "./IllegalMove.js"
import {
  type Application,
  type Move,
  type Notice,
  RECORD_OF,
  type Records,
  type StepRecord,
} from "./Model.js"
import { hasStep, nextStep, stepIndex } from "./Path.js"
import { ADVANCE_TARGETS, isReviewStep, isTerminal, REVIEW_STEPS, STATE_LABELS, type State } from "./State.js"
import { shortlistLimit, type TransitionContext, type TransitionError } from "./transition/Context.js"
import { outsideDeadline, overrideDeadline } from "./transition/Deadlines.js"

export * from "./transition/Context.js"
export * from "./transition/Deadlines.js"

const t = (zh: string, en: string): Text => ({ zh, en })

/** What each step record is called, for people (the tags are for code). */
const RECORD_LABELS: Readonly<Record<StepRecord["_tag"], Text>> = {
  QualificationReview: { zh: "资格审查意见", en: "a qualification review" },
  JointReview: { zh: "联审部门意见", en: "the joint review's opinions" },
  Inspection: { zh: "考察记录", en: "an inspection record" },
  Interview: { zh: "面试评分", en: "interview scores" },
}
const label = (s: State) => STATE_LABELS[s]

type Result = Either.Either<Application, TransitionError>

/**
 * Apply a move. Left: the move is illegal (or the calendar lacks a year); the application is unchanged.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Selection } from "@cadre/domain"
 *
 * declare const application: Selection.Application
 * declare const ctx: Selection.TransitionContext // path, campaign, calendar, date and caller
 *
 * const next = Selection.transition(application, { _tag: "Withdraw", reason: "moved away" }, ctx)
 * if (Either.isLeft(next)) {
 *   next.left._tag // "IllegalMove" (with a bilingual reason) or "CalendarYearUnknown"
 * } else {
 *   next.right.state // "withdrawn"; the move is appended to next.right.history
 * }
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const transition = (app: Application, move: Move, ctx: TransitionContext): Result => {
  const next = step(app, move, ctx)
  // Dates bite (issue 13): a legal move outside its stage's dates is refused unless the runner overrode them.
  const late =
    Either.isRight(next) && ctx.deadlines !== undefined
      ? outsideDeadline(app, move, ctx.path, ctx.deadlines, ctx.on)
      : undefined
  return late === undefined ? next : Either.left(late)
}

const step = (app: Application, move: Move, ctx: TransitionContext): Result => {
  const fail = (reason: IllegalReason, detail: Text): Result =>
    Either.left(new IllegalMove({ state: app.state, move: move._tag, reason, detail }))
  const ok = (to: State, patch: Partial<Application> = {}, base: Application = app): Result =>
    Either.right({
      ...base,
      ...patch,
      state: to,
      // Never from a patch: the version is fixed.
      schemeId: app.schemeId,
      schemeVersion: app.schemeVersion,
      history: [
        ...app.history,
        { move, from: app.state, to, by: ctx.by.accountId, role: ctx.by.role, on: ctx.on },
      ],
    })

  const { path, campaign } = ctx
  if (
    app.schemeId !== campaign.schemeId ||
    app.schemeVersion !== campaign.schemeVersion ||
    path.schemeId !== campaign.schemeId ||
    path.schemeVersion !== campaign.schemeVersion
  )
    return fail(
      "version_mismatch",
      t(
        `方案版本不一致（报名 ${app.schemeId} v${app.schemeVersion}，批次 ${campaign.schemeId} v${campaign.schemeVersion}，路径 v${path.schemeVersion}）`,
        `scheme version mismatch (application ${app.schemeId} v${app.schemeVersion}, campaign ${campaign.schemeId} v${campaign.schemeVersion}, path v${path.schemeVersion})`,
      ),
    )
  if (isTerminal(app.state) || app.state === "reported_in")
    return fail("closed", t("该报名已办结，不能再操作", "the application is closed; no further moves"))

  const s = app.state
  const next = nextStep(path, s)
  const wrongState = (zhWhat: string, enWhat: string) =>
    fail("wrong_state", t(`此操作只能在${zhWhat}时进行`, `this move is only possible ${enWhat}`))
  const needNext = (target: State): Result | undefined =>
    next === target
      ? undefined
      : fail(
          "not_next_step",
          next === undefined
            ? t(
                `本方案的办理路径在“${label(s).zh}”之后没有下一环节`,
                `the path has no step after "${label(s).en}"`,
              )
            : t(
                `本方案的下一环节是“${label(next).zh}”，不是“${label(target).zh}”`,
                `the next step on this scheme's path is "${label(next).en}", not "${label(target).en}"`,
              ),
        )

  /** Checks for leaving the current step; `record` is one supplied by the move itself. */
  const leave = (record?: StepRecord): Result | undefined => {
    if (s === "screened") {
      if (app.verdict === undefined)
        return fail("ineligible", t("尚无资格审查结论", "there is no verdict yet"))
      if (app.verdict.outcome === "ineligible")
        return fail(
          "ineligible",
          t(
            "资格审查结论为不符合条件；可经批准放宽限制后重新比对，或退回、不予通过",
            "the verdict is ineligible; a waiver may be granted and the candidate re-screened, or the application returned or rejected",
          ),
        )
    }
    if (isReviewStep(s)) {
      const tag = RECORD_OF[s]
      const r = record ?? app.records[s]
      if (r === undefined)
        return fail(
          "record_missing",
          t(`“${label(s).zh}”环节尚未登记结果`, `"${label(s).en}" has no record yet`),
        )
      if (r._tag !== tag)
        return fail(
          "record_mismatch",
          t(
            `“${label(s).zh}”环节需要${RECORD_LABELS[tag].zh}，收到的是${RECORD_LABELS[r._tag].zh}`,
            `"${label(s).en}" needs ${RECORD_LABELS[tag].en}, got ${RECORD_LABELS[r._tag].en}`,
          ),
        )
      if (r._tag === "QualificationReview" && !r.passed)
        return fail("review_failed", t("资格审查未通过", "the qualification review did not pass"))
      if (r._tag === "JointReview") {
        // Issue 13 (001 四（二）2): an opinion from every department the scheme lists; a disagreement blocks until
        // the deciding body overrides it with a recorded reason.
        const stages = path.steps.find((x) => x.state === "joint_review")?.stages ?? []
        const required = [...new Set(stages.flatMap((x) => x.departments ?? []))]
        const clause =
          stages[0]?.citation === undefined
            ? ""
            : `${stages[0].citation.document} ${stages[0].citation.clause}`
        const where =
          clause === "" ? { zh: "", en: "" } : { zh: `（依据：${clause}）`, en: ` (per ${clause})` }
        const given = new Set(r.opinions.map((o) => o.department))
        const missing = required.filter((dep) => !given.has(dep))
        if (missing.length > 0)
          return fail(
            "opinions_missing",
            t(
              `联审须征求${required.join("、")}${required.length}个部门意见，尚缺${missing.join("、")}${where.zh}`,
              `joint review needs the opinion of each of ${required.length} department(s) (${required.join(", ")}); missing: ${missing.join(", ")}${where.en}`,
            ),
          )
        const overridden = new Set((r.overrides ?? []).map((o) => o.department))
        const against = r.opinions
          .filter((o) => !o.agree && !overridden.has(o.department))
          .map((o) => o.department)
        if (against.length > 0)
          return fail(
            "opinion_disagrees",
            t(
              `${against.join("、")}不同意，须由决定机关记录理由后否决该意见，或退回、不予通过${where.zh}`,
              `${against.join(", ")} disagree(s): the deciding body must override with a recorded reason, or the application be returned or rejected${where.en}`,
            ),
          )
      }
    }
    if (s === "public_notice") {
      const n = app.notice
      if (n === undefined)
        return fail("notice_running", t("公示尚未开始", "the public notice has not started"))
      if (compare(ctx.on, n.lastDay) <= 0)
        return fail(
          "notice_running",
          t(
            `公示期至 ${n.lastDay} 结束，期满后方可进行下一步`,
            `the public notice runs until ${n.lastDay} inclusive`,
          ),
        )
      const open = n.objections.filter((o) => o.resolution === undefined)
      if (open.length > 0)
        return fail(
          "objection_open",
          t(
            `尚有 ${open.length} 件异议未办结：${open.map((o) => o.id).join("、")}`,
            `${open.length} objection(s) unresolved: ${open.map((o) => o.id).join(", ")}`,
          ),
        )
      const upheld = n.objections.filter((o) => o.resolution?.upheld === true)
      if (upheld.length > 0)
        return fail(
          "objection_upheld",
          t(
            `异议经核查属实（${upheld.map((o) => o.id).join("、")}），应退回或不予通过`,
            `objection(s) upheld (${upheld.map((o) => o.id).join(", ")}): return or reject the application`,
          ),
        )
    }
    return undefined
  }

  /**
   * A joint-review record adds to the opinions already in (each department's latest stands; an override lapses when
   * its department gives a new opinion); every other record replaces the step's.
   */
  const merged = (st: State, record: StepRecord): StepRecord => {
    const prev = isReviewStep(st) ? app.records[st] : undefined
    if (record._tag !== "JointReview" || prev === undefined || prev._tag !== "JointReview") return record
    const fresh = new Set(record.opinions.map((o) => o.department))
    const [first, ...rest] = [...prev.opinions.filter((o) => !fresh.has(o.department)), ...record.opinions]
    if (first === undefined) return record
    const overrides = [
      ...(prev.overrides ?? []).filter((o) => !fresh.has(o.department)),
      ...(record.overrides ?? []),
    ]
    return { _tag: "JointReview", opinions: [first, ...rest], ...(overrides.length > 0 ? { overrides } : {}) }
  }

  switch (move._tag) {
    case "Submit": {
      if (s !== "draft") return wrongState("草稿状态", "in draft")
      const schemeOpen = path.channels._tag === "Unspecified" || path.channels.value.includes(move.channel)
      if (!campaign.channels.includes(move.channel) || !schemeOpen)
        return fail(
          "channel_closed",
          t(
            `本批次未开放此报名渠道（${move.channel}）`,
            `the channel ${move.channel} is not open in this campaign`,
          ),
        )
      if (move.channel === "unit_recommendation" && move.recommendation === undefined)
        return fail(
          "recommendation_missing",
          t(
            "单位推荐须载明推荐单位、会议及日期",
            "a unit recommendation must name the unit, its meeting and the date",
          ),
        )
      // A re-submission (after a Return to draft) replaces the earlier channel and recommendation.
      const { recommendation: _r, channel: _c, ...base } = app
      return ok(
        "submitted",
        move.recommendation === undefined
          ? { channel: move.channel }
          : { channel: move.channel, recommendation: move.recommendation },
        base,
      )
    }
    case "Screen":
    case "Waive": {
      if (move._tag === "Screen" ? s !== "submitted" && s !== "screened" : s !== "screened")
        return wrongState(
          move._tag === "Screen" ? "已提交或已比对" : "已比对",
          move._tag === "Screen" ? "when submitted or screened" : "when screened",
        )
      const v = move.verdict
      if (v.schemeId !== app.schemeId || v.schemeVersion !== app.schemeVersion)
        return fail(
          "version_mismatch",
          t(
            `审查结论依据的方案版本（${v.schemeId} v${v.schemeVersion}）与本批次（v${app.schemeVersion}）不一致`,
            `the verdict is for ${v.schemeId} v${v.schemeVersion}, the campaign uses v${app.schemeVersion}`,
          ),
        )
      if (v.personId !== app.personId)
        return fail("person_mismatch", t("审查结论不是本人的", "the verdict is for another person"))
      if (move._tag === "Waive" && !v.findings.some((f) => f.status === "waived")) {
        // Say why each asked-for waiver was not applied (not waivable, did not fail, no such rule).
        const why = v.refusedWaivers.map((r) => r.message)
        return fail(
          "no_waiver",
          why.length === 0
            ? t("该结论未含任何放宽限制", "the verdict applies no waiver")
            : t(
                `该结论未含任何放宽限制：${why.map((m) => m.zh).join("；")}`,
                `the verdict applies no waiver: ${why.map((m) => m.en).join("; ")}`,
              ),
        )
      }
      return ok("screened", { verdict: v })
    }
    case "Advance": {
      if (move.from !== s)
        return fail(
          "stale_state",
          t(
            `该报名已处于“${label(s).zh}”，不在“${label(move.from).zh}”`,
            `the application is at "${label(s).en}", not "${label(move.from).en}"`,
          ),
        )
      if (!ADVANCE_TARGETS.includes(move.to))
        return fail(
          "wrong_state",
          t(
            `进入“${label(move.to).zh}”须使用专门的操作`,
            `"${label(move.to).en}" is entered by its own move`,
          ),
        )
      const bad = needNext(move.to) ?? leave(move.record === undefined ? undefined : merged(s, move.record))
      if (bad !== undefined) return bad
      if (move.to === "shortlisted") {
        const limit = shortlistLimit(path, campaign.places)
        if (campaign.shortlisted >= limit)
          return fail(
            "shortlist_full",
            t(
              `初步人选已达上限：${campaign.places} 个名额 × 比例 ${path.shortlistRatio?.value.candidates}:${path.shortlistRatio?.value.places} = ${limit} 人`,
              `the shortlist is full: ${campaign.places} place(s) × ratio ${path.shortlistRatio?.value.candidates}:${path.shortlistRatio?.value.places} = ${limit}`,
            ),
          )
      }
      const records: Records =
        move.record !== undefined && isReviewStep(s)
          ? { ...app.records, [s]: merged(s, move.record) }
          : app.records
      return ok(move.to, { records })
    }
    case "Record": {
      if (!isReviewStep(s))
        return wrongState(
          "审查、联审、考察或面试环节",
          "at a review, joint review, inspection or interview step",
        )
      if (move.record._tag !== RECORD_OF[s])
        return fail(
          "record_mismatch",
          t(`“${label(s).zh}”环节需要${RECORD_OF[s]}记录`, `"${label(s).en}" needs a ${RECORD_OF[s]} record`),
        )
      return ok(s, { records: { ...app.records, [s]: merged(s, move.record) } })
    }
    case "Return": {
      const from = stepIndex(path, s)
      const to = stepIndex(path, move.to)
      if (to < 0 || to >= from)
        return fail(
          "not_earlier_step",
          t(
            `只能退回到本方案路径上“${label(s).zh}”之前的环节`,
            `a return goes to a step before "${label(s).en}" on this scheme's path`,
          ),
        )
      // Work done at or after the step returned to must be redone; the history keeps what it was.
      const records: Records = Object.fromEntries(
        REVIEW_STEPS.flatMap((st) => {
          const r = app.records[st]
          const i = stepIndex(path, st)
          return r !== undefined && i >= 0 && i < to ? [[st, r]] : []
        }),
      )
      const before = (st: State) => hasStep(path, st) && to < stepIndex(path, st)
      const { verdict, decision, notice, postId, appointedOn, ...base } = app
      const kept: Application = {
        ...base,
        records,
        ...(verdict !== undefined && !before("screened") ? { verdict } : {}),
        ...(decision !== undefined && !before("decided") ? { decision } : {}),
        ...(notice !== undefined && !before("public_notice") ? { notice } : {}),
        ...(postId !== undefined && !before("appointed") ? { postId } : {}),
        ...(appointedOn !== undefined && !before("appointed") ? { appointedOn } : {}),
      }
      return ok(move.to, {}, kept)
    }
    case "Withdraw": {
      if (ctx.by.role !== "applicant")
        return fail("not_applicant", t("只有报名人本人可以撤回", "only the applicant may withdraw"))
      const d = stepIndex(path, "decided")
      if (app.decision !== undefined || stepIndex(path, s) >= d)
        return fail(
          "after_decision",
          t("研究决定后不能撤回", "an application cannot be withdrawn after the decision"),
        )
      return ok("withdrawn")
    }
    case "Reject": {
      if (s === "draft" || stepIndex(path, s) >= stepIndex(path, "appointed"))
        return wrongState("提交后、任职前", "between submission and appointment")
      return ok("rejected")
    }
    case "Decide": {
      if (app.decision !== undefined || stepIndex(path, s) >= stepIndex(path, "decided"))
        return fail(
          "after_decision",
          t(
            "已研究决定；须先退回到决定之前的环节才能重新决定",
            "already decided; return to a step before the decision to decide again",
          ),
        )
      const bad = needNext("decided") ?? leave()
      if (bad !== undefined) return bad
      if (compare(move.date, ctx.on) > 0)
        return fail(
          "future_date",
          t(`会议日期 ${move.date} 晚于今天`, `the meeting date ${move.date} is in the future`),
        )
      // Issue 13: every finding the screening left as needs_review is confirmed or refused by a reviewer first.
      const open = findingsUnresolved(app.verdict)
      if (open !== undefined) return Either.left(open)
      // A reviewer's refusal fails its rule: the candidate is ineligible and cannot be approved (unless waived).
      if (move.outcome === "approved" && app.verdict?.outcome === "ineligible")
        return fail(
          "ineligible",
          t(
            "资格审查结论为不符合条件（含审核否定的项），不能决定任用；可经批准放宽限制后重新比对，或不予通过",
            "the verdict is ineligible (a finding was refused on review); it cannot be approved — waive and re-screen, or decide not to approve",
          ),
        )
      const decision = { outcome: move.outcome, meeting: move.meeting, date: move.date }
      return ok(move.outcome === "approved" ? "decided" : "rejected", { decision })
    }
    case "StartNotice": {
      const bad = needNext("public_notice") ?? leave()
      if (bad !== undefined) return bad
      // A notice publishes the decision before it: starting earlier would close its objection window unseen.
      if (app.decision !== undefined && compare(move.start, app.decision.date) < 0)
        return fail(
          "notice_before_decision",
          t(
            `公示开始日期（${move.start}）不能早于所公示的研究决定日期（${app.decision.date}）`,
            `the public notice cannot start (${move.start}) before the decision it publishes (${app.decision.date})`,
          ),
        )
      const end = addWorkingDays(ctx.calendar, move.start, move.days, { countFrom: move.countFrom })
      if (Either.isLeft(end)) return Either.left(end.left)
      const notice: Notice = {
        start: move.start,
        days: move.days,
        countFrom: move.countFrom,
        lastDay: end.right,
        objections: [],
      }
      return ok("public_notice", { notice })
    }
    case "FileObjection":
    case "ResolveObjection": {
      const n = app.notice
      if (s !== "public_notice" || n === undefined) return wrongState("公示期间", "during the public notice")
      if (move._tag === "FileObjection") {
        // The notice opens the day after `start` when counted from the next day.
        const opens = compare(ctx.on, n.start) > (n.countFrom === "day_after" ? 0 : -1)
        if (!opens || compare(ctx.on, n.lastDay) > 0)
          return fail(
            "notice_closed",
            t(
              `不在公示期内（公示期至 ${n.lastDay}）`,
              `outside the public notice (which ends on ${n.lastDay})`,
            ),
          )
        if (n.objections.some((o) => o.id === move.objectionId))
          return fail(
            "duplicate_objection",
            t(`异议编号 ${move.objectionId} 已存在`, `objection ${move.objectionId} exists`),
          )
        const objection = {
          id: move.objectionId,
          summary: move.summary,
          filedOn: ctx.on,
          filedBy: ctx.by.accountId,
        }
        return ok(s, { notice: { ...n, objections: [...n.objections, objection] } })
      }
      const target = n.objections.find((o) => o.id === move.objectionId)
      if (target === undefined || target.resolution !== undefined)
        return fail(
          "unknown_objection",
          t(`没有待办结的异议 ${move.objectionId}`, `no unresolved objection ${move.objectionId}`),
        )
      const resolution = {
        finding: move.finding,
        upheld: move.upheld,
        resolvedOn: ctx.on,
        resolvedBy: ctx.by.accountId,
      }
      const objections = n.objections.map((o) => (o.id === move.objectionId ? { ...o, resolution } : o))
      return ok(s, { notice: { ...n, objections } })
    }
    case "OverrideOpinion": {
      if (s !== "joint_review") return wrongState("联审环节", "at the joint review")
      const r = app.records.joint_review
      const overridden = new Set((r?.overrides ?? []).map((o) => o.department))
      if (
        r === undefined ||
        !r.opinions.some((o) => o.department === move.department && !o.agree) ||
        overridden.has(move.department)
      )
        return fail(
          "no_disagreement",
          t(
            `${move.department}没有待否决的不同意意见`,
            `${move.department} has no disagreeing opinion to override`,
          ),
        )
      if (compare(move.date, ctx.on) > 0)
        return fail(
          "future_date",
          t(`会议日期 ${move.date} 晚于今天`, `the meeting date ${move.date} is in the future`),
        )
      const override = {
        department: move.department,
        reason: move.reason,
        meeting: move.meeting,
        date: move.date,
        by: ctx.by.accountId,
      }
      return ok(s, {
        records: { ...app.records, joint_review: { ...r, overrides: [...(r.overrides ?? []), override] } },
      })
    }
    case "ResolveFinding": {
      // Between screening and the decision: a decided application's verdict is what was decided on.
      if (
        s === "draft" ||
        app.decision !== undefined ||
        stepIndex(path, s) >= stepIndex(path, "decided") ||
        app.verdict === undefined
      )
        return wrongState("资格比对后、研究决定前", "after screening and before the decision")
      if (compare(move.date, ctx.on) > 0)
        return fail(
          "future_date",
          t(`认定日期 ${move.date} 晚于今天`, `the review date ${move.date} is in the future`),
        )
      const verdict = resolveFinding(app.verdict, move.ruleId, {
        outcome: move.outcome,
        reason: move.reason,
        date: move.date,
        by: ctx.by.accountId,
        role: ctx.by.role,
      })
      if (verdict === undefined)
        return fail(
          "finding_not_open",
          t(
            `资格审查结论中没有待审核的“${move.ruleId}”项`,
            `the verdict has no finding "${move.ruleId}" awaiting review`,
          ),
        )
      return ok(s, { verdict })
    }
    case "OverrideDeadline": {
      const o = overrideDeadline(app, move, ctx.deadlines, ctx.by.accountId, ctx.on)
      return Either.isLeft(o) ? Either.left(o.left) : ok(s, { deadlineOverrides: o.right })
    }
    case "Appoint": {
      const bad = needNext("appointed") ?? leave()
      if (bad !== undefined) return bad
      if (campaign.appointed >= campaign.places)
        return fail(
          "places_full",
          t(
            `名额已满：${campaign.places} 个名额已任职 ${campaign.appointed} 人`,
            `all places are filled: ${campaign.appointed} appointed for ${campaign.places} place(s)`,
          ),
        )
      return ok("appointed", { postId: move.postId, appointedOn: ctx.on })
    }
    case "ReportIn": {
      const bad = needNext("reported_in")
      if (bad !== undefined) return bad
      if (compare(move.date, ctx.on) > 0)
        return fail(
          "future_date",
          t(`报到日期 ${move.date} 晚于今天`, `the report-in date ${move.date} is in the future`),
        )
      if (app.appointedOn !== undefined && compare(move.date, app.appointedOn) < 0)
        return fail(
          "future_date",
          t(
            `报到日期早于任职日期 ${app.appointedOn}`,
            `the report-in date precedes the appointment on ${app.appointedOn}`,
          ),
        )
      return ok("reported_in", { reportedInOn: move.date })
    }
  }
}
