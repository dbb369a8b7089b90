import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Schema } from "effect"
import { makeProfile } from "../fixtures.js"
import { addDays, make as date } from "../../shared/LocalDate.js"
import { compileRule, Rule } from "./index.js"

const c = { document: "000", clause: "一（一）5" }
const rule = (min?: number, max?: number) =>
  compileRule(
    Schema.decodeUnknownSync(Rule)({
      _tag: "AgeRange",
      id: "age",
      citation: c,
      label: { zh: "年龄", en: "age" },
      waivable: true,
      ...(min === undefined ? {} : { min }),
      ...(max === undefined ? {} : { max }),
    }),
  )
const yangpu = rule(25, 38)
const on = (birthDate: string, ref: string) =>
  yangpu(makeProfile({ birthDate }), { referenceDate: date(ref) })

describe("AgeRange", () => {
  it("000 一（一）5: 38 on the 2020-12-18 deadline (birthday that day) is within 25—38", () => {
    const f = on("1982-12-18", "2020-12-18")
    expect(f.status).toBe("pass")
    expect(f.actual).toBe(38)
    expect(f.expected.zh).toBe("25—38周岁")
  })
  it("000 一（一）5: the day before the 39th birthday is still 38 (passes)", () => {
    expect(on("1981-12-19", "2020-12-18")).toMatchObject({ status: "pass", actual: 38 })
  })
  it("000 一（一）5: 39 on the deadline (birthday that day) fails, naming the clause", () => {
    const f = on("1981-12-18", "2020-12-18")
    expect(f).toMatchObject({ status: "fail", actual: 39, ruleId: "age", kind: "AgeRange" })
    expect(f.message.zh).toContain("超过38周岁")
    expect(f.message.zh).toContain("000 一（一）5")
    expect(f.message.en).toContain("above the maximum of 38")
  })
  it("000 一（一）5: 25 on the deadline passes, 24 (25th birthday the next day) fails", () => {
    expect(on("1995-12-18", "2020-12-18")).toMatchObject({ status: "pass", actual: 25 })
    expect(on("1995-12-19", "2020-12-18")).toMatchObject({ status: "fail", actual: 24 })
  })
  it("POLICIES: someone born on 29 February turns a year older on 1 March in a common year", () => {
    const cap = rule(undefined, 28)
    const p = makeProfile({ birthDate: "1992-02-29" })
    expect(cap(p, { referenceDate: date("2021-02-28") })).toMatchObject({ status: "pass", actual: 28 })
    expect(cap(p, { referenceDate: date("2021-03-01") })).toMatchObject({ status: "fail", actual: 29 })
    expect(cap(p, { referenceDate: date("2020-02-29") })).toMatchObject({ status: "pass", actual: 28 })
  })
  it("Civil Code art. 1259: 不满40周岁 is encoded as max 39 — 40 fails, 39 passes", () => {
    const under40 = rule(undefined, 39)
    expect(
      under40(makeProfile({ birthDate: "1980-12-18" }), { referenceDate: date("2020-12-18") }).status,
    ).toBe("fail")
    expect(
      under40(makeProfile({ birthDate: "1980-12-19" }), { referenceDate: date("2020-12-18") }).status,
    ).toBe("pass")
  })
  it("a range with min above max is refused when decoded", () => {
    expect(() => rule(40, 30)).toThrow(/min age must not exceed max age/)
  })
  it("a one-sided range describes itself (以上 / 以下)", () => {
    const p = makeProfile()
    expect(rule(25)(p, { referenceDate: date("2020-12-18") }).expected.zh).toBe("25周岁以上")
    expect(rule(undefined, 35)(p, { referenceDate: date("2020-12-18") }).expected.zh).toBe("35周岁以下")
  })
  it("property: past the maximum, a later reference date never turns a failure into a pass (monotone)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (birthOffset, refOffset, later) => {
          const birthDate = addDays(date("1930-01-01"), birthOffset)
          const p = makeProfile({ birthDate })
          const ref = addDays(birthDate, refOffset)
          const first = yangpu(p, { referenceDate: ref })
          const second = yangpu(p, { referenceDate: addDays(ref, later) })
          if (first.status === "fail" && (first.actual as number) > 38) expect(second.status).toBe("fail")
          expect(second.actual as number).toBeGreaterThanOrEqual(first.actual as number)
        },
      ),
    )
  })
})
