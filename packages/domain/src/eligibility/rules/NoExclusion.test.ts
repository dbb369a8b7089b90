import { describe, expect, it } from "vitest"
import { make as date } from "../../shared/LocalDate.js"
import { compileEncodedRule, makeProfile, ruleBase } from "../fixtures.js"
import { CONDUCT_KINDS } from "./NoExclusion.js"

const ref = { referenceDate: date("2019-07-12") }
const record = (kind: string, d: string, closed?: string) => ({
  kind,
  date: d,
  ...(closed === undefined ? {} : { closed }),
  description: "记录",
})

const criminal = compileEncodedRule({
  _tag: "NoExclusion",
  ...ruleBase("no_criminal", "001", "三 不宜（1）"),
  kinds: [CONDUCT_KINDS.criminalPunishment],
  description: { zh: "受过刑事处罚", en: "a criminal punishment" },
})
const recentViolation = compileEncodedRule({
  _tag: "NoExclusion",
  ...ruleBase("no_recent_violation", "001", "三 不宜（3）"),
  kinds: [CONDUCT_KINDS.violation],
  withinYears: 3,
  openKinds: [CONDUCT_KINDS.investigation],
  description: {
    zh: "近三年内有违法违纪行为或正在接受立案审查",
    en: "a violation in the last three years, or an open investigation",
  },
})

describe("NoExclusion", () => {
  it("001 三 不宜（1）: a criminal punishment at any time before the reference date excludes", () => {
    const f = criminal(makeProfile({ conduct: [record("criminal_punishment", "1999-01-01")] }), ref)
    expect(f.status).toBe("fail")
    expect(f.actual).toEqual(["criminal_punishment 1999-01-01"])
  })
  it("001 三 不宜（1）: a clean record passes; other kinds do not count", () => {
    expect(criminal(makeProfile(), ref).status).toBe("pass")
    expect(criminal(makeProfile({ conduct: [record("violation", "2019-01-01")] }), ref).status).toBe("pass")
  })
  it("001 三 不宜（3）: a violation exactly three years back is within 近三年内; one day earlier is not", () => {
    expect(recentViolation(makeProfile({ conduct: [record("violation", "2016-07-12")] }), ref).status).toBe(
      "fail",
    )
    expect(recentViolation(makeProfile({ conduct: [record("violation", "2016-07-11")] }), ref).status).toBe(
      "pass",
    )
  })
  it("001 三 不宜（3）: an investigation still open excludes, however old; a closed one does not", () => {
    expect(
      recentViolation(makeProfile({ conduct: [record("investigation", "2010-01-01")] }), ref).status,
    ).toBe("fail")
    expect(
      recentViolation(makeProfile({ conduct: [record("investigation", "2019-01-01", "2019-03-01")] }), ref)
        .status,
    ).toBe("pass")
    // Closed only after the reference date: it was still open then.
    expect(
      recentViolation(makeProfile({ conduct: [record("investigation", "2019-01-01", "2019-08-01")] }), ref)
        .status,
    ).toBe("fail")
  })
  it("001 三 不宜（3）: records dated after the reference date are not counted", () => {
    expect(recentViolation(makeProfile({ conduct: [record("violation", "2019-08-01")] }), ref).status).toBe(
      "pass",
    )
  })
})
