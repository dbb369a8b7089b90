import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import { yangpuCommunitySecretary } from "../scheme/presets/index.js"
import { cite } from "../shared/Citation.js"
import { cited, unspecified } from "../shared/Cited.js"
import { addDays, make } from "../shared/LocalDate.js"
import { referenceDateFor, schemeReferenceDate, screeningDate } from "./ReferenceDate.js"
import { scheduleOf } from "./Schedule.js"

/**
 * Issue 13, "dates bite": a campaign could type a reference date contradicting its scheme's rule, so the same
 * person was eligible or not depending on what was typed. The rule is the scheme's. Seed 000 does not fix it (its
 * preset says "the campaign sets it, usually the 18 December recommendation deadline", 二（一）); a district that
 * writes that into its scheme (StageDeadline "recommend") leaves the campaign nothing to choose.
 */

const base = loadPreset(yangpuCommunitySecretary)
const fixed = {
  ...base,
  eligibility: {
    ...base.eligibility,
    referenceDate: cited({ _tag: "StageDeadline", stageId: "recommend" } as const, cite("000", "二（一）")),
  },
}
const deadlines = (overrides: Record<string, string> = {}) =>
  Either.getOrThrow(scheduleOf(base, { startYear: 2026, overrides: overrides as never })).entries

describe("a scheme that fixes the reference date: the campaign may repeat it or leave it out, never contradict it", () => {
  it("the recommendation deadline (18 December 2026), with the clause", () => {
    expect(Either.getOrThrow(schemeReferenceDate(fixed, deadlines()))).toEqual({
      date: "2026-12-18",
      clause: "000 二（一）",
    })
    expect(Either.getOrThrow(referenceDateFor(fixed, deadlines(), undefined))).toBe("2026-12-18")
    expect(Either.getOrThrow(referenceDateFor(fixed, deadlines(), make("2026-12-18")))).toBe("2026-12-18")
  })

  it("property: any other typed date is refused, naming the scheme's date, the typed one and the clause", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -800, max: 800 }).filter((n) => n !== 0),
        (n) => {
          const typed = addDays(make("2026-12-18"), n)
          const r = referenceDateFor(fixed, deadlines(), typed)
          return (
            Either.isLeft(r) &&
            r.left.reason === "contradicts_scheme" &&
            r.left.message.zh.includes("2026-12-18") &&
            r.left.message.zh.includes(typed) &&
            r.left.message.zh.includes("000 二（一）")
          )
        },
      ),
    )
  })

  it("property: screening measures on the scheme's date whatever a campaign stored", () => {
    fc.assert(
      fc.property(fc.integer({ min: -800, max: 800 }), (n) => {
        const stored = addDays(make("2026-12-18"), n)
        return screeningDate(fixed, deadlines(), stored) === "2026-12-18"
      }),
    )
  })

  it("the campaign's own date for the stage moves the reference date with it", () => {
    expect(
      Either.getOrThrow(referenceDateFor(fixed, deadlines({ recommend: "2026-12-25" }), undefined)),
    ).toBe("2026-12-25")
  })

  it("a stage the timetable leaves undated is a refusal, not a guess", () => {
    const onDecide = {
      ...base,
      eligibility: {
        ...base.eligibility,
        referenceDate: cited({ _tag: "StageDeadline", stageId: "decide" } as const, cite("x", "1")),
      },
    }
    const r = referenceDateFor(onDecide, deadlines(), make("2026-12-18"))
    expect(Either.isLeft(r) && r.left.reason).toBe("stage_undated")
  })
})

describe("a scheme that leaves it open: the campaign's date, which must be given", () => {
  it("000 as written (Unspecified): the campaign's", () => {
    expect(base.eligibility.referenceDate._tag).toBe("Unspecified")
    expect(Either.getOrThrow(referenceDateFor(base, deadlines(), make("2026-11-30")))).toBe("2026-11-30")
    const missing = referenceDateFor(base, deadlines(), undefined)
    expect(Either.isLeft(missing) && missing.left.reason).toBe("missing")
    expect(screeningDate(base, deadlines(), make("2026-11-30"))).toBe("2026-11-30")
  })

  it("a fixed date is the scheme's too", () => {
    const onDate = {
      ...base,
      eligibility: {
        ...base.eligibility,
        referenceDate: cited({ _tag: "FixedDate", date: make("2026-12-31") } as const, cite("x", "2")),
      },
    }
    expect(Either.isLeft(referenceDateFor(onDate, deadlines(), make("2026-12-30")))).toBe(true)
    expect(
      screeningDate(
        { ...base, eligibility: { ...base.eligibility, referenceDate: unspecified({ zh: "-", en: "-" }) } },
        deadlines(),
        make("2026-01-01"),
      ),
    ).toBe("2026-01-01")
  })
})
