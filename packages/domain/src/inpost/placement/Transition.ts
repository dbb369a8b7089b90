/**
 * The placement's checked state machine: `transition(placement, move, ctx)` is pure and refuses an illegal move
 * with a bilingual explanation; every legal move is appended to the history. The lifecycle it enforces is drawn
 * in inpost/Placement.ts.
 *
 * @since 0.1.0
 */

import { Either } from "effect"
import type { Role } from "../../access/Access.js"
import type { Actor, RecallTrigger, Scheme } from "../../scheme/Scheme.js"
import type { Citation } from "../../shared/Citation.js"
import { compare, type LocalDate } from "../../shared/LocalDate.js"
import type { Text } from "../../shared/Text.js"
import { ACTOR_LABELS, actsAs, decidesAs, managesCadres } from "../Actors.js"
import { addDuration } from "../Dates.js"
import { probationAssessor, probationOf, termEndFor } from "./FromScheme.js"
import { ADMONISH_MEASURE_LABELS } from "../../assessment/Recall.js"
import { type AssessmentPurpose, currentTerm, type Placement } from "./Model.js"
import { IllegalPlacementMove, type PlacementIllegalReason, type PlacementMove } from "./Moves.js"
import { type OnRecordAssessment, type PlacementDecision, RELATION_LABELS } from "./Records.js"
import { isClosed, type PlacementState } from "./State.js"

const PROBATION_STATES: ReadonlyArray<PlacementState> = ["on_probation", "probation_extended"]
const SERVING_STATES: ReadonlyArray<PlacementState> = [...PROBATION_STATES, "in_term"]

/** The org dept and the bodies above it decide recalls and stay-ons when the scheme names no one else. */
const ORG_DEPT_BODIES: ReadonlyArray<Actor> = ["org_dept", "org_dept_meeting", "standing_committee"]

const t = (zh: string, en: string): Text => ({ zh, en })

/**
 * What a placement move is checked against: the scheme version, the date and the caller.
 *
 * @category models
 * @since 0.1.0
 */
export interface PlacementContext {
  /**
   * The version of the placement's scheme in force on the move's date (issue 13: a recall decided in 2027 follows
   * the version in force in 2027, not the one the placement was made under; Scheme.versionInForce). The
   * placement's own version or a later one, never an earlier one nor another scheme.
   */
  readonly scheme: Scheme
  /** Today, as the caller's clock says. */
  readonly on: LocalDate
  readonly by: { readonly accountId: string; readonly role: Role }
}

type Result = Either.Either<Placement, IllegalPlacementMove>

/**
 * Apply a move. Left: the move is illegal; the placement is unchanged.
 *
 * @example
 * ```ts
 * import { Either, Schema } from "effect"
 * import { InPost, LocalDate, Person, Scheme } from "@cadre/domain"
 *
 * const scheme = Scheme.loadPreset(Scheme.yangpuCommunitySecretary)
 * const placement = InPost.newPlacement({
 *   id: "pl-1",
 *   personId: Schema.decodeSync(Person.PersonId)("p-1"),
 *   postId: "post-1",
 *   placedOn: LocalDate.make("2021-01-08"),
 *   scheme,
 * })
 * const next = InPost.transition(
 *   placement,
 *   { _tag: "TakeUp", date: LocalDate.make("2021-01-11") },
 *   { scheme, on: LocalDate.make("2021-01-11"), by: { accountId: "a-1", role: "street_admin" } },
 * )
 * Either.map(next, (p) => p.state) // Either.right("on_probation"): the scheme starts with probation
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const transition = (p: Placement, move: PlacementMove, ctx: PlacementContext): Result => {
  const { scheme, on } = ctx
  const role = ctx.by.role
  const s = p.state
  const fail = (reason: PlacementIllegalReason, detail: Text): Result =>
    Either.left(new IllegalPlacementMove({ state: s, move: move._tag, reason, detail }))
  const ok = (to: PlacementState, patch: Partial<Placement> = {}): Result =>
    Either.right({
      ...p,
      ...patch,
      state: to,
      schemeId: p.schemeId,
      schemeVersion: p.schemeVersion,
      history: [
        ...p.history,
        { move, from: s, to, by: ctx.by.accountId, role, on, schemeVersion: scheme.version },
      ],
    })
  const wrongState = (zhWhen: string, enWhen: string) =>
    fail("wrong_state", t(`此操作只能在${zhWhen}进行`, `this move is only possible ${enWhen}`))
  const notFuture = (d: LocalDate, zhWhat: string, enWhat: string): Result | undefined =>
    compare(d, on) > 0
      ? fail("future_date", t(`${zhWhat} ${d} 晚于今天 ${on}`, `${enWhat} ${d} is after today (${on})`))
      : undefined
  const notBefore = (d: LocalDate, floor: LocalDate, zhWhat: string, enWhat: string): Result | undefined =>
    compare(d, floor) < 0
      ? fail("before_start", t(`${zhWhat} ${d} 早于 ${floor}`, `${enWhat} ${d} is before ${floor}`))
      : undefined
  const mustActAs = (actor: Actor): Result | undefined =>
    actsAs(role, actor)
      ? undefined
      : fail(
          "not_authorised",
          t(
            `须由${ACTOR_LABELS[actor].zh}的账号办理`,
            `only an account of ${ACTOR_LABELS[actor].en} may record this`,
          ),
        )
  const mustManage = (): Result | undefined =>
    managesCadres(role)
      ? undefined
      : fail(
          "not_authorised",
          t(
            "须由组织部门、街道、接收单位或派出单位办理",
            "only the org dept, the street, the host or the dispatching unit may record this",
          ),
        )

  // Another scheme, or a version older than the one the placement was made under, cannot govern its moves.
  if (p.schemeId !== scheme.id || scheme.version < p.schemeVersion)
    return fail(
      "version_mismatch",
      t(
        `方案版本不一致（任职安排 ${p.schemeId} v${p.schemeVersion}，给出的方案 ${scheme.id} v${scheme.version}）`,
        `scheme version mismatch (placement ${p.schemeId} v${p.schemeVersion}, scheme given ${scheme.id} v${scheme.version})`,
      ),
    )
  if (isClosed(s))
    return fail("closed", t("该任职安排已结束，不能再操作", "the placement has ended; no further moves"))

  const started = p.startedOn ?? p.placedOn
  const probation = probationOf(scheme)

  /** Checks on a probation-ending assessment (000 三（一） 经街道综合考评). */
  const checkAssessment = (a: OnRecordAssessment, want: OnRecordAssessment["conclusion"]) => {
    const assessor = probationAssessor(scheme)
    if (assessor !== undefined && a.by !== assessor)
      return fail(
        "wrong_assessor",
        t(
          `见习考评应由${ACTOR_LABELS[assessor].zh}作出，不是${ACTOR_LABELS[a.by].zh}`,
          `the probation assessment is ${ACTOR_LABELS[assessor].en}'s, not ${ACTOR_LABELS[a.by].en}'s`,
        ),
      )
    if (a.conclusion !== want)
      return fail(
        "conclusion_mismatch",
        want === "competent"
          ? t(
              "考评结论为不适合，不能据此正式任职",
              "the assessment found the cadre unsuited; it cannot confirm",
            )
          : t(
              "考评结论为能胜任，应正式任职而不是延长见习或返回",
              "the assessment found the cadre competent; confirm rather than extend or return",
            ),
      )
    return (
      mustActAs(a.by) ??
      notFuture(a.date, "考评日期", "the assessment date") ??
      notBefore(a.date, started, "考评日期", "the assessment date")
    )
  }
  const withAssessment = (purpose: AssessmentPurpose, assessment: OnRecordAssessment) => [
    ...p.assessments,
    { purpose, assessment },
  ]

  /** The trigger `id` of the scheme, checked against the action the move takes. */
  const trigger = (
    id: string,
    action: RecallTrigger["action"],
  ): Either.Either<RecallTrigger, IllegalPlacementMove> => {
    const found = scheme.recall.triggers.find((x) => x.id === id)
    if (found === undefined)
      return Either.left(
        new IllegalPlacementMove({
          state: s,
          move: move._tag,
          reason: "unknown_trigger",
          detail: t(
            `方案 ${scheme.id} v${scheme.version} 中没有情形“${id}”；可用：${
              scheme.recall.triggers
                .filter((x) => x.action === action)
                .map((x) => x.id)
                .join("、") || "无"
            }`,
            `scheme ${scheme.id} v${scheme.version} has no trigger "${id}"; available: ${
              scheme.recall.triggers
                .filter((x) => x.action === action)
                .map((x) => x.id)
                .join(", ") || "none"
            }`,
          ),
        }),
      )
    if (found.action !== action)
      return Either.left(
        new IllegalPlacementMove({
          state: s,
          move: move._tag,
          reason: "trigger_action_mismatch",
          detail: t(
            `情形“${found.label.zh}”（${found.citation.document} ${found.citation.clause}）规定的处理是 ${found.action}，不是 ${action}`,
            `trigger "${found.label.en}" (${found.citation.document} ${found.citation.clause}) calls for ${found.action}, not ${action}`,
          ),
        }),
      )
    return Either.right(found)
  }
  /** The decision must be by `required` (or the org dept bodies when nobody is named) and the caller speak for it. */
  const checkDecision = (d: PlacementDecision, required: Actor | undefined, citation?: Citation) => {
    const allowed = required === undefined ? ORG_DEPT_BODIES : [required]
    if (!allowed.some((r) => decidesAs(r, d.by)))
      return fail(
        "wrong_decider",
        t(
          `须由${allowed.map((a) => ACTOR_LABELS[a].zh).join("或")}研究决定${citation === undefined ? "" : `（${citation.document} ${citation.clause}）`}，不是${ACTOR_LABELS[d.by].zh}`,
          `the decision is for ${allowed.map((a) => ACTOR_LABELS[a].en).join(" or ")}${citation === undefined ? "" : ` (${citation.document} ${citation.clause})`}, not ${ACTOR_LABELS[d.by].en}`,
        ),
      )
    return (
      mustActAs(d.by) ??
      notFuture(d.date, "决定日期", "the decision date") ??
      notBefore(d.date, started, "决定日期", "the decision date")
    )
  }

  switch (move._tag) {
    case "TakeUp": {
      if (s !== "placed") return wrongState("到岗之前", "before the cadre has taken up the post")
      const bad =
        mustManage() ??
        notFuture(move.date, "到岗日期", "the start date") ??
        notBefore(move.date, p.placedOn, "到岗日期", "the start date")
      if (bad !== undefined) return bad
      const end = termEndFor(scheme.term.length, move.date, move.termEnd)
      if (Either.isLeft(end)) return fail(end.left.reason, end.left.detail)
      const terms = [{ number: 1, start: move.date, end: end.right }]
      if (probation === undefined) return ok("in_term", { startedOn: move.date, terms })
      const endsOn =
        probation.length._tag === "Cited" ? addDuration(move.date, probation.length.value) : undefined
      return ok("on_probation", {
        startedOn: move.date,
        terms,
        probation: endsOn === undefined ? { asRole: probation.asRole } : { asRole: probation.asRole, endsOn },
      })
    }
    case "Confirm":
    case "ExtendProbation":
    case "ReturnToUnit": {
      if (!PROBATION_STATES.includes(s)) return wrongState("见习期间", "during probation")
      if (probation === undefined)
        return fail("no_probation", t("本方案未设见习期", "this scheme sets no probation"))
      if (move._tag === "Confirm") {
        const bad =
          checkAssessment(move.assessment, "competent") ??
          notFuture(move.electedOn, "选举日期", "the election date") ??
          notBefore(move.electedOn, started, "选举日期", "the election date")
        if (bad !== undefined) return bad
        return ok("in_term", {
          confirmation: { electedOn: move.electedOn, assessment: move.assessment },
          assessments: withAssessment("confirmation", move.assessment),
        })
      }
      const outcome = move._tag === "ExtendProbation" ? "extend_probation" : "return_to_unit"
      if (!probation.otherwise.includes(outcome))
        return fail(
          "not_allowed_by_scheme",
          t(
            `本方案见习期满未通过的处理不包括“${outcome === "extend_probation" ? "延长见习期" : "返回派出单位"}”`,
            `the scheme does not provide for ${outcome === "extend_probation" ? "extending probation" : "a return to the unit"} after probation`,
          ),
        )
      const bad = checkAssessment(move.assessment, "not_competent")
      if (bad !== undefined) return bad
      if (move._tag === "ExtendProbation") {
        const current = p.probation?.endsOn
        const floor = current !== undefined && compare(current, on) > 0 ? current : on
        if (compare(move.until, floor) <= 0)
          return fail(
            "not_extending",
            t(
              `延长后的见习期须晚于 ${floor}（现为 ${current ?? "未定"}）`,
              `the extended probation must end after ${floor} (now ${current ?? "open"})`,
            ),
          )
        return ok("probation_extended", {
          probation: { asRole: p.probation?.asRole ?? probation.asRole, endsOn: move.until },
          assessments: withAssessment("extension", move.assessment),
        })
      }
      const badDate =
        notFuture(move.date, "返回日期", "the return date") ??
        notBefore(move.date, started, "返回日期", "the return date")
      if (badDate !== undefined) return badDate
      return ok("returned_to_unit", {
        assessments: withAssessment("return", move.assessment),
        ending: { kind: "returned_to_unit", date: move.date, reason: move.assessment.summary },
      })
    }
    case "RecordRelation": {
      const bad =
        mustManage() ??
        notFuture(move.date, "转接日期", "the transfer date") ??
        notBefore(move.date, p.placedOn, "转接日期", "the transfer date")
      if (bad !== undefined) return bad
      const label = RELATION_LABELS[move.relation]
      if (p.relations[move.relation] === "stays")
        return fail(
          "relation_stays",
          t(
            `方案规定${label.zh}不转（${scheme.relations?._tag === "Cited" ? `${scheme.relations.citation.document} ${scheme.relations.citation.clause}` : ""}）`,
            `the scheme keeps the ${label.en} with the unit (${scheme.relations?._tag === "Cited" ? `${scheme.relations.citation.document} ${scheme.relations.citation.clause}` : ""})`,
          ),
        )
      const done = p.relationsMoved[move.relation]
      if (done !== undefined)
        return fail(
          "relation_recorded",
          t(`${label.zh}已于 ${done} 转接`, `the ${label.en} was moved on ${done}`),
        )
      return ok(s, { relationsMoved: { ...p.relationsMoved, [move.relation]: move.date } })
    }
    case "EndTerm": {
      if (s !== "in_term") return wrongState("任职期间", "in term")
      const term = currentTerm(p)
      const bad = mustManage()
      if (bad !== undefined) return bad
      if (term === undefined || compare(on, term.end) < 0)
        return fail(
          "term_not_over",
          t(`任期至 ${term?.end} 届满，届满前不能办理`, `the term is complete on ${term?.end}, not before`),
        )
      const a = move.assessment
      if (a !== undefined) {
        const badA = mustActAs(a.by) ?? notFuture(a.date, "考核日期", "the assessment date")
        if (badA !== undefined) return badA
        return ok("term_ended", { assessments: withAssessment("term_end", a) })
      }
      return ok("term_ended")
    }
    case "StayOn": {
      if (s !== "term_ended") return wrongState("任期届满后", "after the term has ended")
      const prev = currentTerm(p)
      if (prev === undefined) return wrongState("任期届满后", "after the term has ended")
      const bad = checkDecision(move.decision, undefined)
      if (bad !== undefined) return bad
      const end = termEndFor(scheme.term.length, prev.end, move.until)
      if (Either.isLeft(end)) return fail(end.left.reason, end.left.detail)
      return ok("in_term", {
        terms: [...p.terms, { number: prev.number + 1, start: prev.end, end: end.right }],
      })
    }
    case "Exit": {
      if (s !== "term_ended")
        return wrongState(
          "任期届满后（任期内离开须经召回或调整）",
          "after the term has ended (leaving earlier is a recall or an adjustment)",
        )
      const term = currentTerm(p)
      const bad =
        mustManage() ??
        notFuture(move.date, "离任日期", "the exit date") ??
        (term === undefined ? undefined : notBefore(move.date, term.end, "离任日期", "the exit date"))
      if (bad !== undefined) return bad
      return ok("exited", { ending: { kind: "exited", date: move.date, reason: move.reason } })
    }
    case "Recall": {
      if (!SERVING_STATES.includes(s)) return wrongState("见习或任职期间", "while on probation or in term")
      let required: Actor | undefined
      let citation: Citation | undefined
      if (move.triggerId !== undefined) {
        const tr = trigger(move.triggerId, "recall")
        if (Either.isLeft(tr)) return Either.left(tr.left)
        required = tr.right.decidedBy
        citation = tr.right.citation
      }
      const bad = checkDecision(move.decision, required, citation)
      if (bad !== undefined) return bad
      return ok("recalled", {
        ending: {
          kind: "recalled",
          date: move.decision.date,
          reason: move.evidence,
          ...(move.triggerId === undefined ? {} : { triggerId: move.triggerId }),
          decision: move.decision,
        },
      })
    }
    case "Adjust": {
      if (!SERVING_STATES.includes(s)) return wrongState("见习或任职期间", "while on probation or in term")
      const tr = trigger(move.triggerId, "adjust_or_return")
      if (Either.isLeft(tr)) return Either.left(tr.left)
      const bad = checkDecision(move.decision, tr.right.decidedBy, tr.right.citation)
      if (bad !== undefined) return bad
      const kind = move.outcome === "adjust" ? "adjusted" : "returned_to_unit"
      return ok(kind, {
        ending: {
          kind,
          date: move.decision.date,
          reason: move.reason,
          triggerId: move.triggerId,
          decision: move.decision,
        },
      })
    }
    case "Admonish": {
      // 003 五 强化负面惩戒 "及时批评教育,促其整改"; 004 淮上 目标考核 三是 "诫勉谈话": a measure on record, the
      // placement goes on.
      if (!SERVING_STATES.includes(s)) return wrongState("见习或任职期间", "while on probation or in term")
      const tr = trigger(move.triggerId, "admonish")
      if (Either.isLeft(tr)) return Either.left(tr.left)
      const named = tr.right.measures
      const stray = named === undefined ? [] : move.measures.filter((m) => !named.includes(m))
      if (named !== undefined && stray.length > 0)
        return fail(
          "measure_not_in_clause",
          t(
            `情形“${tr.right.label.zh}”（${tr.right.citation.document} ${tr.right.citation.clause}）规定的措施是${named.map((m) => ADMONISH_MEASURE_LABELS[m].zh).join("、")}，不包括${stray.map((m) => ADMONISH_MEASURE_LABELS[m].zh).join("、")}`,
            `"${tr.right.label.en}" (${tr.right.citation.document} ${tr.right.citation.clause}) names ${named.map((m) => ADMONISH_MEASURE_LABELS[m].en).join(", ")}, not ${stray.map((m) => ADMONISH_MEASURE_LABELS[m].en).join(", ")}`,
          ),
        )
      const bad = checkDecision(move.decision, tr.right.decidedBy, tr.right.citation)
      if (bad !== undefined) return bad
      return ok(s, {
        admonishments: [
          ...(p.admonishments ?? []),
          {
            triggerId: move.triggerId,
            measures: move.measures,
            reason: move.reason,
            decision: move.decision,
            citation: tr.right.citation,
          },
        ],
      })
    }
  }
}

/**
 * Apply moves in order, stopping at the first illegal one.
 *
 * @category rules
 * @since 0.1.0
 */
export const applyAll = (
  p: Placement,
  moves: ReadonlyArray<readonly [PlacementMove, PlacementContext]>,
): Result =>
  moves.reduce<Result>((acc, [m, c]) => Either.flatMap(acc, (x) => transition(x, m, c)), Either.right(p))
