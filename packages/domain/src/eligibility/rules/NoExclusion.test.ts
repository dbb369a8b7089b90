import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { asClaims, withRecorded } from "../../person/Record.js"
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

describe("NoExclusion sees what staff and departments recorded (issue 13: facts carry their source)", () => {
  const staffSanction = {
    kind: "violation",
    date: date("2018-05-01"),
    description: "违反工作纪律，党内警告",
    source: "staff" as const,
    document: "区纪委〔2018〕5号",
  }
  it("001 三 不宜（3）: an applicant who declared nothing is excluded by a sanction staff recorded; the finding names the source and the document", () => {
    const declared = makeProfile()
    const f = recentViolation(withRecorded(declared, [staffSanction]), ref)
    expect(f.status).toBe("fail")
    expect(f.source).toBe("staff")
    expect(f.actual).toEqual(["violation 2018-05-01"])
    expect(f.message.zh).toContain("区纪委〔2018〕5号")
    expect(f.message.zh).toContain("001 三 不宜（3）")
    expect(f.message.en).toContain("recorded by staff")
  })
  it("001 三 不宜（3）: an open investigation a department reported in joint review excludes (source joint_review, its department)", () => {
    const opened = {
      kind: "investigation",
      date: date("2019-06-01"),
      description: "立案审查",
      source: "joint_review" as const,
      department: "纪检",
      document: "纪立〔2019〕12号",
    }
    const f = recentViolation(withRecorded(makeProfile(), [opened]), ref)
    expect(f.status).toBe("fail")
    expect(f.source).toBe("joint_review")
    expect(f.message.zh).toContain("纪检")
  })
  it("001 三 不宜（3）: any violation staff recorded within 近三年内 before the reference date excludes, whatever was declared (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1095 }), fc.boolean(), (daysBack, declaredOne) => {
        const d = new Date(Date.UTC(2019, 6, 12 - daysBack)).toISOString().slice(0, 10)
        if (d < "2016-07-12") return
        const declared = makeProfile({ conduct: declaredOne ? [record("commendation", "2018-01-01")] : [] })
        const f = recentViolation(withRecorded(declared, [{ ...staffSanction, date: date(d) }]), ref)
        expect(f.status).toBe("fail")
        expect(f.source).toBe("staff")
      }),
    )
  })
  it("a clean record keeps no source; the applicant's own declaration is the applicant's", () => {
    expect(recentViolation(withRecorded(makeProfile(), []), ref).source).toBeUndefined()
    const own = recentViolation(asClaims(makeProfile({ conduct: [record("violation", "2018-01-01")] })), ref)
    expect(own.status).toBe("fail")
    expect(own.source).toBe("applicant")
  })
})
