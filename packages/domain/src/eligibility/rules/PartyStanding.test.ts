import { describe, expect, it } from "vitest"
import { make as date } from "../../shared/LocalDate.js"
import { compileEncodedRule, makeProfile, ruleBase } from "../fixtures.js"

const rule = compileEncodedRule({
  _tag: "PartyStanding",
  ...ruleBase("party_standing", "000", "一（一）1"),
  minYears: 3,
})
const ref = { referenceDate: date("2020-12-18") }
const full = (fullMemberSince: string) =>
  makeProfile({ party: { _tag: "Full", joined: "2010-01-01", fullMemberSince } })

describe("PartyStanding", () => {
  it("000 一（一）1: full member exactly three years on the deadline passes (满三年 includes 3)", () => {
    expect(rule(full("2017-12-18"), ref)).toMatchObject({ status: "pass", actual: 3 })
  })
  it("000 一（一）1: one day short of three years fails and says why", () => {
    const f = rule(full("2017-12-19"), ref)
    expect(f).toMatchObject({ status: "fail", actual: 2 })
    expect(f.message.zh).toContain("不满3年")
  })
  it("POLICIES: standing counts from full membership, not from joining", () => {
    const p = makeProfile({ party: { _tag: "Full", joined: "2010-01-01", fullMemberSince: "2019-01-01" } })
    expect(rule(p, ref)).toMatchObject({ status: "fail", actual: 1 })
  })
  it("000 一（一）1: a probationary member fails with a message saying they are not yet full", () => {
    const f = rule(makeProfile({ party: { _tag: "Probationary", joined: "2015-01-01" } }), ref)
    expect(f).toMatchObject({ status: "fail", actual: "probationary" })
    expect(f.message.zh).toContain("预备党员")
  })
  it("000 一（一）1: a non-member fails", () => {
    expect(rule(makeProfile({ party: { _tag: "NotMember" } }), ref)).toMatchObject({
      status: "fail",
      actual: "not_member",
    })
  })
})
