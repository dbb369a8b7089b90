import { describe, expect, it } from "vitest"
import { make as date } from "../../shared/LocalDate.js"
import { compileEncodedRule, makeProfile, ruleBase } from "../fixtures.js"

const rule = compileEncodedRule({
  _tag: "Attested",
  ...ruleBase("party_spirit", "000", "一（一）3"),
  item: "party_spirit_conduct_dedication",
})
const ref = { referenceDate: date("2020-12-18") }
const att = (
  by: "self" | "reviewer",
  result: boolean,
  d = "2020-12-10",
  item = "party_spirit_conduct_dedication",
) => ({
  item,
  result,
  by,
  date: d,
  ...(by === "reviewer" ? { reviewer: "李四" } : {}),
})

describe("Attested", () => {
  it("000 一（一）3: a reviewer's yes passes", () => {
    expect(rule(makeProfile({ attestations: [att("reviewer", true)] }), ref)).toMatchObject({
      status: "pass",
      actual: true,
    })
  })
  it("000 一（一）3: a reviewer's no fails and names the reviewer", () => {
    const f = rule(makeProfile({ attestations: [att("reviewer", false)] }), ref)
    expect(f.status).toBe("fail")
    expect(f.message.zh).toContain("李四")
  })
  it("000 一（一）3: a self-declaration alone needs review (the applicant cannot pass it alone)", () => {
    const f = rule(makeProfile({ attestations: [att("self", true)] }), ref)
    expect(f).toMatchObject({ status: "needs_review", actual: "self" })
  })
  it("000 一（一）3: an applicant's claim shows as claimed, awaiting review (source applicant); a reviewer's word is the reviewer's", () => {
    const claimed = rule(makeProfile({ attestations: [att("self", true)] }), ref)
    expect(claimed.source).toBe("applicant")
    expect(claimed.message.zh).toContain("本人申报，待审核")
    expect(claimed.message.en).toContain("Claimed by the applicant, awaiting review")
    expect(rule(makeProfile({ attestations: [att("reviewer", true)] }), ref).source).toBe("reviewer")
    expect(rule(makeProfile({ attestations: [att("reviewer", false)] }), ref).source).toBe("reviewer")
    expect(rule(makeProfile(), ref).source).toBeUndefined()
  })
  it("000 一（一）3: no attestation, or only for another item, needs review", () => {
    expect(rule(makeProfile(), ref).status).toBe("needs_review")
    expect(
      rule(makeProfile({ attestations: [att("reviewer", true, "2020-12-10", "health")] }), ref).status,
    ).toBe("needs_review")
  })
  it("000 一（一）3: the latest reviewer attestation wins; on the same day a no wins", () => {
    const later = [att("reviewer", false, "2020-12-01"), att("reviewer", true, "2020-12-10")]
    expect(rule(makeProfile({ attestations: later }), ref).status).toBe("pass")
    const sameDay = [att("reviewer", true), att("reviewer", false)]
    expect(rule(makeProfile({ attestations: sameDay }), ref).status).toBe("fail")
  })
})
