import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { PersonId } from "../person/Profile.js"
import { ShortlistRatio } from "../scheme/sections/Stages.js"
import { campaignFor, contextFor, date, drive, fullPath, RECOMMENDATION, verdictFor } from "./fixtures.js"
import type { Move } from "./Model.js"
import type { Path } from "./Path.js"
import { newApplication, transition } from "./Transition.js"

/**
 * Issue 13, "dates bite" and "ratios must be positive": a 公示 may not start before the decision it publishes
 * (its objection window would be over before anyone saw it), and a shortlist ratio of 0:0 or −2:1 — which let
 * 4 be shortlisted for 1 place — no longer decodes.
 */

/** A short path: screened, then the decision, then its public notice. */
const path: Path = {
  ...fullPath(),
  steps: (["draft", "submitted", "screened", "decided", "public_notice", "appointed"] as const).map(
    (state) => ({
      state,
      stages: [],
    }),
  ),
  shortlistRatio: undefined,
}
const campaign = campaignFor(path)
const person = Schema.decodeSync(PersonId)("p-1")
const on = (d: string) => contextFor(path, campaign, d)

/** An application screened eligible, next to be decided. */
const screened = () => {
  const a = newApplication({ id: "a-1", personId: person, campaign })
  return drive(a, [
    [{ _tag: "Submit", channel: "unit_recommendation", recommendation: RECOMMENDATION }, on("2025-09-02")],
    [{ _tag: "Screen", verdict: verdictFor(a) }, on("2025-09-03")],
  ])
}

describe("a public notice starts no earlier than the decision it publishes", () => {
  const decide: Move = {
    _tag: "Decide",
    outcome: "approved",
    meeting: { body: "org_dept_meeting" },
    date: date("2025-09-22"),
  }
  const notice = (start: string): Move => ({
    _tag: "StartNotice",
    days: 5,
    start: date(start),
    countFrom: "day_after",
  })

  it("refuses a notice dated before the decision, naming both dates", () => {
    const app = Either.getOrThrow(transition(screened(), decide, on("2025-09-22")))
    const early = transition(app, notice("2025-09-20"), on("2025-09-22"))
    expect(Either.isLeft(early)).toBe(true)
    if (Either.isLeft(early)) {
      expect(early.left._tag).toBe("IllegalMove")
      expect((early.left as { reason?: string }).reason).toBe("notice_before_decision")
      expect((early.left as { detail: { zh: string } }).detail.zh).toContain("2025-09-22")
    }
  })

  it("accepts a notice from the decision's own day on", () => {
    const app = Either.getOrThrow(transition(screened(), decide, on("2025-09-22")))
    expect(Either.isRight(transition(app, notice("2025-09-22"), on("2025-09-22")))).toBe(true)
    expect(Either.isRight(transition(app, notice("2025-09-26"), on("2025-09-26")))).toBe(true)
  })
})

describe("a shortlist ratio is positive, with no fewer candidates than places", () => {
  const decode = Schema.decodeUnknownEither(ShortlistRatio)
  it.each([
    [0, 0],
    [-2, 1],
    [2, 0],
    [1, 2],
  ])("refuses %i:%i", (candidates, places) => {
    expect(Either.isLeft(decode({ candidates, places }))).toBe(true)
  })
  it.each([
    [1, 1],
    [2, 1],
    [5, 3],
  ])("accepts %i:%i", (candidates, places) => {
    expect(Either.isRight(decode({ candidates, places }))).toBe(true)
  })
})
