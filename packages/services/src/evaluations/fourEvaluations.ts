import { evaluationQueries, type placementQueries } from "@cadre/db"
import { Assessment, type LocalDate, type Scheme, type Text } from "@cadre/domain"
import { Effect, Either } from "effect"
import { entry } from "../shared/inpost.js"
import { checkPeriod, clauseOf, requireStarted, type Saving, t } from "./rules.js"

/**
 * 003 四 做实履职评估 四评: the next part recorded on the placement's record for the period (self → residents on
 * 德能勤绩廉 → street → org dept, in the scheme's order), with the residents' favourable rates where the scheme
 * gives the answer options — else undetermined with the note.
 */
export const fourEvaluations = (
  scheme: Scheme.Scheme,
  rec: placementQueries.PlacementRecord,
  input: {
    readonly period: string
    readonly on: LocalDate.LocalDate
    readonly part: Scheme.EvaluationPart
    readonly by: Scheme.Actor
    readonly summary: string
    readonly votes?: Assessment.ResidentVotes | undefined
  },
  existing: evaluationQueries.EvaluationRow | undefined,
) =>
  Effect.gen(function* () {
    const before: Assessment.EvaluationRecord =
      existing === undefined
        ? { period: input.period, entries: [] }
        : yield* evaluationQueries.fourEvaluationsRecordOf(existing)
    const fe = scheme.assessment.fourEvaluations
    const r = Assessment.recordEvaluation(fe, before, {
      part: input.part,
      by: input.by,
      on: input.on,
      summary: input.summary,
      ...(input.votes === undefined ? {} : { votes: input.votes }),
    })
    if (Either.isLeft(r)) return yield* Effect.fail(r.left)
    yield* checkPeriod(scheme, "four_evaluations", input.period)
    yield* requireStarted(rec, input.period)
    const record = r.right
    const parts = fe?._tag === "Cited" && fe.value.parts._tag === "Cited" ? fe.value.parts.value : []
    const label = parts.find((p) => p.part === input.part)?.label ?? t(input.part, input.part)
    const next = Assessment.nextEvaluationPart(fe, record)
    const nextLabel = parts.find((p) => p.part === next)
    const rates = input.votes === undefined ? undefined : Assessment.residentRates(fe, input.votes)
    type RatesOut =
      | { readonly _tag: "Undetermined"; readonly note: Text }
      | {
          readonly _tag: "Rates"
          readonly rates: ReadonlyArray<{ readonly dimension: string; readonly percent: string }>
        }
    const ratesOut: RatesOut | undefined =
      rates === undefined
        ? undefined
        : "_tag" in rates
          ? { _tag: "Undetermined", note: rates.note }
          : {
              _tag: "Rates",
              rates: rates.map((x) => ({ dimension: x.dimension, percent: x.percent })),
            }
    const previous = (existing?.body as { result?: { residentRates?: unknown } } | undefined)?.result
      ?.residentRates
    const text: Text =
      nextLabel === undefined
        ? t(`${label.zh}已完成；四个环节均已完成`, `${label.en} done; all parts done`)
        : t(
            `${label.zh}已完成；下一环节：${nextLabel.label.zh}`,
            `${label.en} done; next: ${nextLabel.label.en}`,
          )
    const rateText: Text | undefined =
      ratesOut === undefined
        ? undefined
        : ratesOut._tag === "Undetermined"
          ? t(`居民点评未计算好评率：${ratesOut.note.zh}`, `no favourable rate: ${ratesOut.note.en}`)
          : t(
              `居民点评好评率：${ratesOut.rates.map((x) => `${x.dimension} ${x.percent}`).join("，")}`,
              `favourable: ${ratesOut.rates.map((x) => `${x.dimension} ${x.percent}`).join(", ")}`,
            )
    const saving: Saving = {
      existing,
      kind: "four_evaluations",
      cycleId: "",
      period: input.period,
      pointsHundredths: null,
      outcome: next === undefined ? "done" : null,
      text: rateText === undefined ? text : t(`${text.zh}。${rateText.zh}`, `${text.en}. ${rateText.en}`),
      result: {
        record,
        next:
          nextLabel === undefined ? null : { part: nextLabel.part, by: nextLabel.by, label: nextLabel.label },
        residentRates: ratesOut ?? previous ?? null,
        clause: fe?._tag === "Cited" ? clauseOf(fe.citation) : null,
      },
      archive: entry(
        `four_evaluations/${rec.placement.id}/${input.period}/${input.part}`,
        input.on,
        "assessment",
        t(`履职评估（${input.period}）：${label.zh}`, `Four evaluations (${input.period}): ${label.en}`),
        { ref: rec.placement.id, ...(fe?._tag === "Cited" ? { citation: fe.citation } : {}) },
      ),
      on: input.on,
    }
    return saving
  })
