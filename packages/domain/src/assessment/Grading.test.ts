import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import { daanFirstSecretary, yangpuCommunitySecretary } from "../scheme/presets/index.js"
import type { AssessmentCycle } from "../scheme/Scheme.js"
import { make } from "../shared/LocalDate.js"
import {
  applyGrading,
  type GradingMove,
  type GradingRecord,
  gradingSteps,
  gradingSummary,
  newGrading,
  nextGradingStep,
} from "./Grading.js"

const yangpu = loadPreset(yangpuCommunitySecretary)
const annual = yangpu.assessment.cycles.find((c) => c.id === "annual") as AssessmentCycle
const d = make

const run = (
  cycle: AssessmentCycle,
  moves: ReadonlyArray<GradingMove>,
): Either.Either<GradingRecord, unknown> => {
  let r: GradingRecord = newGrading(cycle, "2024")
  for (const m of moves) {
    const next = applyGrading(cycle, r, m)
    if (Either.isLeft(next)) return next
    r = next.right
  }
  return Either.right(r)
}
const refusal = (cycle: AssessmentCycle, moves: ReadonlyArray<GradingMove>) => {
  const r = run(cycle, moves)
  if (Either.isRight(r)) throw new Error("expected a refusal")
  return r.left as { reason: string; text: { zh: string; en: string } }
}

const opinion: GradingMove = {
  _tag: "GiveFirstOpinion",
  by: "street",
  on: d("2024-12-20"),
  opinion: "履职良好",
  proposed: "excellent",
}
const decide: GradingMove = {
  _tag: "DecideGrade",
  by: "dispatching_unit",
  on: d("2025-01-10"),
  grade: "excellent",
}
const report: GradingMove = { _tag: "Report", by: "dispatching_unit", on: d("2025-01-15") }

describe("Grading: 000 三（二） street first opinion → dispatching unit's grade → reported to the org dept", () => {
  it("000 三（二）: the steps come from the scheme, in order, with their actors", () => {
    expect(gradingSteps(annual)).toEqual([
      { step: "first_opinion", actor: "street" },
      { step: "graded", actor: "dispatching_unit" },
      { step: "reported", actor: "org_dept" },
    ])
  })

  it("000 三（二）: the full order succeeds and is summarised", () => {
    const r = run(annual, [opinion, decide, report])
    if (Either.isLeft(r)) throw r.left
    expect(r.right.decided).toEqual({ by: "dispatching_unit", on: "2025-01-10", grade: "excellent" })
    expect(r.right.reported).toEqual({ by: "dispatching_unit", to: "org_dept", on: "2025-01-15" })
    expect(nextGradingStep(annual, r.right)).toBeUndefined()
    expect(gradingSummary(r.right).zh).toBe(
      "街道（乡镇）党（工）委初评：优秀；派出单位确定：优秀；已报备区委组织部",
    )
  })

  it("000 三（二）: a grade before the street's first opinion is refused, in both languages, with the clause", () => {
    const e = refusal(annual, [decide])
    expect(e.reason).toBe("out_of_order")
    expect(e.text.zh).toBe("考核“annual”：须先提出初评意见，才能确定考核等次（000 三（二））")
    expect(e.text.en).toBe('assessment annual: "first opinion" comes before "grade decided" (000 三（二）)')
  })

  it("000 三（二）: a report before the grade is refused", () => {
    expect(refusal(annual, [opinion, report]).reason).toBe("out_of_order")
  })

  it("000 三（二）: the grade is the dispatching unit's, not the street's", () => {
    const e = refusal(annual, [opinion, { ...decide, by: "street" } as GradingMove])
    expect(e.reason).toBe("wrong_actor")
    expect(e.text.zh).toContain("确定考核等次应由派出单位进行，不是街道（乡镇）党（工）委")
  })

  it("000 三（二）: the first opinion is the street's", () => {
    expect(refusal(annual, [{ ...opinion, by: "dispatching_unit" } as GradingMove]).reason).toBe(
      "wrong_actor",
    )
  })

  it("000 三（二）: a step twice is refused; a step dated before the previous one is refused", () => {
    expect(refusal(annual, [opinion, opinion]).reason).toBe("already_done")
    expect(refusal(annual, [opinion, { ...decide, on: d("2024-12-19") } as GradingMove]).reason).toBe(
      "date_before_previous",
    )
    // Same day is fine.
    expect(Either.isRight(run(annual, [opinion, { ...decide, on: d("2024-12-20") } as GradingMove]))).toBe(
      true,
    )
  })

  it("002 三（二）: an annual cycle with no first opinion and no report: the grade is the only step", () => {
    const daan = loadPreset(daanFirstSecretary)
    const a = daan.assessment.cycles.find((c) => c.id === "annual") as AssessmentCycle
    expect(gradingSteps(a)).toEqual([{ step: "graded", actor: undefined }])
    expect(refusal(a, [opinion]).reason).toBe("no_such_step")
    expect(refusal(a, [decide, report]).reason).toBe("no_such_step")
    expect(Either.isRight(run(a, [{ ...decide, by: "org_dept" } as GradingMove]))).toBe(true)
  })

  it("a record of another cycle is refused", () => {
    const daan = loadPreset(daanFirstSecretary)
    const a = daan.assessment.cycles.find((c) => c.id === "term_end") as AssessmentCycle
    const r = applyGrading(a, newGrading(annual, "2024"), decide)
    expect(Either.isLeft(r) && r.left.reason).toBe("cycle_mismatch")
  })
})
