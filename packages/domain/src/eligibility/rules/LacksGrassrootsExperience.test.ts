import { describe, expect, it } from "vitest"
import { make as date } from "../../shared/LocalDate.js"
import { compileEncodedRule, makeProfile, ruleBase } from "../fixtures.js"

// 004 安丘（5）"缺乏基层工作经历": the seed gives no number of months, so these tests use 12 as a scheme setting.
const rule = compileEncodedRule({
  _tag: "LacksGrassrootsExperience",
  ...ruleBase("no_grassroots", "004", "安丘（5）"),
  thresholdMonths: 12,
})
const ref = { referenceDate: date("2021-01-01") }
const period = (from: string, to: string | undefined, grassroots = true) => ({
  from,
  ...(to === undefined ? {} : { to }),
  organisation: "某街道",
  position: "科员",
  grassroots,
})

describe("LacksGrassrootsExperience", () => {
  it("004 安丘（5）: no grassroots work at all passes (0 months)", () => {
    expect(rule(makeProfile({ workHistory: [period("2010-01-01", undefined, false)] }), ref)).toMatchObject({
      status: "pass",
      actual: 0,
    })
  })
  it("004 安丘（5）: 11 whole months passes, 12 fails (the threshold is exclusive: 不足12个月)", () => {
    expect(rule(makeProfile({ workHistory: [period("2019-01-01", "2019-11-30")] }), ref)).toMatchObject({
      status: "pass",
      actual: 11,
    })
    expect(rule(makeProfile({ workHistory: [period("2019-01-01", "2019-12-31")] }), ref)).toMatchObject({
      status: "fail",
      actual: 12,
    })
  })
  it("004 安丘（5）: an open period runs to the reference date", () => {
    expect(rule(makeProfile({ workHistory: [period("2020-06-01", undefined)] }), ref)).toMatchObject({
      status: "pass",
      actual: 7,
    })
    expect(
      rule(makeProfile({ workHistory: [period("2020-06-01", undefined)] }), {
        referenceDate: date("2021-06-01"),
      }),
    ).toMatchObject({ status: "fail", actual: 12 })
  })
  it("004 安丘（5）: overlapping periods count once; separate periods add up", () => {
    const overlapping = [period("2020-01-01", "2020-06-30"), period("2020-03-01", "2020-08-31")]
    expect(rule(makeProfile({ workHistory: overlapping }), ref).actual).toBe(8)
    const separate = [period("2018-01-01", "2018-06-30"), period("2020-01-01", "2020-06-30")]
    expect(rule(makeProfile({ workHistory: separate }), ref)).toMatchObject({ status: "fail", actual: 12 })
  })
  it("004 安丘（5）: work after the reference date is not counted", () => {
    expect(rule(makeProfile({ workHistory: [period("2021-02-01", undefined)] }), ref).actual).toBe(0)
  })
})
