import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { make } from "../shared/LocalDate.js"
import { person, SCHEMES } from "./fixtures.js"
import {
  endPairing,
  type MentoringRefused,
  menteesInYear,
  mentorLoad,
  type Pairing,
  pair,
} from "./Mentoring.js"

const CAP = SCHEMES.team.mentorCapacity
const mentor = person("mentor")
const p = (id: string, mentee: string, from: string, to?: string): Pairing => ({
  id,
  mentorId: mentor,
  menteeId: person(mentee),
  from: make(from),
  ...(to === undefined ? {} : { to: make(to) }),
})
const ok = (r: Either.Either<ReadonlyArray<Pairing>, MentoringRefused>) => {
  if (Either.isLeft(r)) throw new Error(r.left.message)
  return r.right
}
const no = (r: Either.Either<ReadonlyArray<Pairing>, MentoringRefused>) => {
  if (Either.isRight(r)) throw new Error("expected a refusal")
  return r.left
}
const four = [
  p("a", "m1", "2024-01-10"),
  p("b", "m2", "2024-02-10"),
  p("c", "m3", "2024-03-10"),
  p("d", "m4", "2024-04-10"),
]

describe("003 三 推行结对帮带: a mentor takes 3–4 mentees a year", () => {
  it("003 三 推行结对帮带: the scheme's capacity is 3 to 4, cited", () => {
    expect(CAP?._tag === "Cited" && CAP.value).toEqual({ min: 3, max: 4 })
  })

  it("003 三 推行结对帮带: the 4th mentee is accepted, the 5th refused with the arithmetic", () => {
    const three = four.slice(0, 3)
    expect(ok(pair(three, p("d", "m4", "2024-04-10"), CAP))).toHaveLength(4)
    const e = no(pair(four, p("e", "m5", "2024-05-10"), CAP))
    expect(e.reason).toBe("over_capacity")
    expect(e.text.zh).toBe(
      "不能结对：导师 2024 年已帮带 4 人，方案规定每年帮带 3—4 人（003 三 推行结对帮带），再增 1 人为 5 人，超过上限 4",
    )
  })

  it("003 三 推行结对帮带: capacity counts the calendar year — a pairing ended in 2023 frees a place in 2024", () => {
    const withOld = [p("old", "m0", "2023-01-10", "2023-12-31"), ...four.slice(0, 3)]
    expect(menteesInYear(withOld, mentor, 2024)).toHaveLength(3)
    expect(ok(pair(withOld, p("d", "m4", "2024-04-10"), CAP))).toHaveLength(5)
    // …but one that ran into 2024 still counts in 2024.
    const spill = [p("old", "m0", "2023-01-10", "2024-01-01"), ...four.slice(0, 3)]
    expect(no(pair(spill, p("d", "m4", "2024-04-10"), CAP)).reason).toBe("over_capacity")
  })

  it("003 三 推行结对帮带: re-pairing a mentee already counted this year does not count twice", () => {
    const ended = [...four.slice(0, 3), p("d", "m4", "2024-04-10", "2024-06-30")]
    expect(ok(pair(ended, p("d2", "m4", "2024-09-01"), CAP))).toHaveLength(5)
  })

  it("003 三 推行结对帮带: loads — 2 is below the minimum, 3 within, 4 full", () => {
    expect(mentorLoad(four.slice(0, 2), mentor, 2024, CAP).status).toBe("below_min")
    expect(mentorLoad(four.slice(0, 3), mentor, 2024, CAP).status).toBe("within")
    expect(mentorLoad(four, mentor, 2024, CAP)).toEqual({
      mentorId: mentor,
      year: 2024,
      mentees: 4,
      capacity: { min: 3, max: 4 },
      status: "full",
    })
  })

  it("000 二（三）: pairing without a stated number refuses nothing on capacity", () => {
    const cap = SCHEMES.yangpu.mentorCapacity
    expect(cap?._tag).toBe("Unspecified")
    expect(ok(pair(four, p("e", "m5", "2024-05-10"), cap))).toHaveLength(5)
    expect(mentorLoad(four, mentor, 2024, cap).status).toBe("no_capacity")
  })

  it("self-pairing, a running duplicate, a reused id and an end before the start are refused", () => {
    expect(no(pair([], { ...p("x", "mentor", "2024-01-01") }, CAP)).reason).toBe("self")
    expect(no(pair(four, p("x", "m1", "2024-06-01"), CAP)).reason).toBe("duplicate")
    expect(no(pair(four, p("a", "m9", "2024-06-01"), CAP)).reason).toBe("duplicate")
    expect(no(pair([], p("x", "m1", "2024-06-01", "2024-05-01"), CAP)).reason).toBe("bad_dates")
  })

  it("ending a pairing: on or after its start, only a running one", () => {
    const ended = ok(endPairing(four, "a", make("2024-06-30")))
    expect(ended.find((x) => x.id === "a")?.to).toBe("2024-06-30")
    expect(no(endPairing(ended, "a", make("2024-07-30"))).reason).toBe("unknown_pairing")
    expect(no(endPairing(four, "b", make("2024-02-09"))).reason).toBe("bad_dates")
  })
})
