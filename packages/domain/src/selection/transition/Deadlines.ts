/**
 * Dates bite (issue 13): a move that performs a stage of the scheme is refused after the stage's deadline in the
 * campaign's timetable (Schedule.ts: "12月18日前" is the last day, inclusive; a period such as 000 二（二）
 * "明年1月中旬到街道报到" ends on its last day, 20 January) — unless the body running the campaign has recorded a
 * deadline override (逾期补办) with a reason for that application and stage. Doing a stage early is never refused:
 * the seeds' dates say by when the work is done (a campaign that moves its timetable sets its own dates).
 *
 * Which stages a move performs: a submission the entry stages (recommend, register …); Record and Advance the
 * review step being worked or left (资格审查, 联审, 考察, 面试), and Advance into the shortlist that stage; Decide the
 * decision stages; StartNotice the notice; Appoint the placement; ReportIn the report-in. Every other move (return,
 * reject, objections, findings, overrides) is not bitten: it corrects or closes the case. The date compared is the
 * act's own date when the move records one (the meeting of a Decide, the day of a ReportIn), else today.
 *
 * @since 0.1.0
 */

import { Either } from "effect"
import type { Citation } from "../../shared/Citation.js"
import { compare, type LocalDate } from "../../shared/LocalDate.js"
import type { Text } from "../../shared/Text.js"
import { IllegalMove } from "../IllegalMove.js"
import type { Application, Move } from "../Model.js"
import type { Path } from "../Path.js"
import { isReviewStep, PROCEDURE, type ProcedureState } from "../State.js"

/**
 * One stage's dates as a move is checked against them (a Schedule entry).
 *
 * @category models
 * @since 0.1.0
 */
export interface StageDeadline {
  readonly stageId: string
  readonly label: Text
  /** The last day (inclusive); none when neither the scheme nor the campaign dates the stage. */
  readonly date: LocalDate | undefined
  readonly citation: Citation
}

const isProcedure = (s: string): s is ProcedureState => (PROCEDURE as ReadonlyArray<string>).includes(s)

/**
 * The procedure steps whose stages `move` performs from the application's state, and the date it is done on.
 *
 * @category rules
 * @since 0.1.0
 */
export const performs = (
  app: Application,
  move: Move,
  on: LocalDate,
): { readonly steps: ReadonlyArray<ProcedureState>; readonly date: LocalDate } => {
  const s = app.state
  switch (move._tag) {
    case "Submit":
      return { steps: ["submitted"], date: on }
    case "Record":
      return { steps: isReviewStep(s) ? [s] : [], date: on }
    case "Advance":
      return {
        steps: [
          ...(isReviewStep(s) ? [s] : []),
          ...(isProcedure(move.to) && !isReviewStep(move.to) ? [move.to] : []),
        ],
        date: on,
      }
    case "Decide":
      return { steps: ["decided"], date: move.date }
    case "StartNotice":
      return { steps: ["public_notice"], date: on }
    case "Appoint":
      return { steps: ["appointed"], date: on }
    case "ReportIn":
      return { steps: ["reported_in"], date: move.date }
    default:
      return { steps: [], date: on }
  }
}

const clauseOf = (c: Citation): Text => {
  const clause = `${c.document} ${c.clause}`.trim()
  return clause === "" ? { zh: "", en: "" } : { zh: `（依据：${clause}）`, en: ` (per ${clause})` }
}

/**
 * The refusal of a move made after a stage's deadline without an override, or undefined when it is in time (or the
 * stage has no date, or the campaign's runner has recorded an override for it).
 *
 * @category rules
 * @since 0.1.0
 */
export const outsideDeadline = (
  app: Application,
  move: Move,
  path: Path,
  deadlines: ReadonlyArray<StageDeadline>,
  on: LocalDate,
): IllegalMove | undefined => {
  const { steps, date } = performs(app, move, on)
  const overridden = new Set((app.deadlineOverrides ?? []).map((o) => o.stageId))
  for (const step of steps)
    for (const stage of path.steps.find((x) => x.state === step)?.stages ?? []) {
      const d = deadlines.find((e) => e.stageId === stage.id)
      if (d === undefined || overridden.has(d.stageId)) continue
      const where = clauseOf(d.citation)
      const remedy: Text = {
        zh: "须由本批次的组织部门记录逾期补办理由后方可办理",
        en: "the body running the campaign must first record a deadline override with its reason",
      }
      if (d.date !== undefined && compare(date, d.date) > 0)
        return new IllegalMove({
          state: app.state,
          move: move._tag,
          reason: "past_deadline",
          detail: {
            zh: `“${d.label.zh}”环节的时限为 ${d.date}${where.zh}，${date} 已逾期；${remedy.zh}`,
            en: `"${d.label.en}" was due by ${d.date}${where.en}; ${date} is past it — ${remedy.en}`,
          },
        })
    }
  return undefined
}

/**
 * 逾期补办: record the runner's override of one stage's deadline on the application. Refused when the stage has no
 * date in the campaign's timetable (nothing to override) or is overridden already.
 *
 * @category rules
 * @since 0.1.0
 */
export const overrideDeadline = (
  app: Application,
  move: Extract<Move, { readonly _tag: "OverrideDeadline" }>,
  deadlines: ReadonlyArray<StageDeadline> | undefined,
  by: string,
  on: LocalDate,
): Either.Either<Application["deadlineOverrides"] & {}, IllegalMove> => {
  const d = deadlines?.find((e) => e.stageId === move.stageId)
  const refuse = (zh: string, en: string) =>
    Either.left(
      new IllegalMove({ state: app.state, move: move._tag, reason: "no_deadline", detail: { zh, en } }),
    )
  if (d?.date === undefined)
    return refuse(
      `本批次的时间安排中环节“${move.stageId}”没有时限，无需逾期补办`,
      `the stage "${move.stageId}" has no date in this campaign's timetable; there is nothing to override`,
    )
  const prior = app.deadlineOverrides ?? []
  const already = prior.find((o) => o.stageId === move.stageId)
  if (already !== undefined)
    return refuse(
      `“${d.label.zh}”环节已于 ${already.on} 记录逾期补办`,
      `a deadline override for "${d.label.en}" was recorded on ${already.on}`,
    )
  return Either.right([...prior, { stageId: move.stageId, reason: move.reason, by, on }])
}
