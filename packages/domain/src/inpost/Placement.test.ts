import { Either } from "effect"
import { describe, expect, it } from "vitest"
import type { Role } from "../access/Access.js"
import type { Scheme } from "../scheme/Scheme.js"
import {
  assessment,
  ctxFor,
  d,
  decision,
  drive,
  placed,
  SCHEMES,
  yangpuInTerm,
  yangpuOnProbation,
} from "./fixtures.js"
import {
  fullTimeRules,
  type IllegalPlacementMove,
  isConfirmed,
  PLACEMENT_STATES,
  type Placement,
  type PlacementMove,
  type PlacementMoveTag,
  type PlacementState,
  probationAssessor,
  transition,
} from "./Placement.js"

const Y = SCHEMES.yangpu

const run = (p: Placement, m: PlacementMove, on: string, role: Role, scheme: Scheme = Y) =>
  transition(p, m, ctxFor(scheme, on, role))

const refused = (r: Either.Either<Placement, IllegalPlacementMove>): IllegalPlacementMove => {
  if (Either.isRight(r)) throw new Error(`expected a refusal, got state ${r.right.state}`)
  return r.left
}
const moved = (r: Either.Either<Placement, IllegalPlacementMove>): Placement => {
  if (Either.isLeft(r)) throw new Error(r.left.message)
  return r.right
}

// ------------------------------------------------------------------------------------------ every state × move

const ON = "2026-03-01"
const extended = () =>
  drive(
    yangpuOnProbation(),
    [
      [
        {
          _tag: "ExtendProbation",
          until: d("2022-06-30"),
          assessment: assessment("2021-11-30", "not_competent"),
        },
        "2021-12-01",
      ],
    ],
    Y,
  )
const termEnded = () => drive(yangpuInTerm(), [[{ _tag: "EndTerm" }, "2026-01-15"]], Y)

const IN_STATE: Readonly<Record<PlacementState, () => Placement>> = {
  placed: () => placed(Y),
  on_probation: yangpuOnProbation,
  probation_extended: extended,
  in_term: yangpuInTerm,
  term_ended: termEnded,
  returned_to_unit: () =>
    drive(
      yangpuOnProbation(),
      [
        [
          {
            _tag: "ReturnToUnit",
            date: d("2021-12-01"),
            assessment: assessment("2021-11-30", "not_competent"),
          },
          "2021-12-01",
        ],
      ],
      Y,
    ),
  adjusted: () =>
    drive(
      yangpuInTerm(),
      [
        [
          {
            _tag: "Adjust",
            triggerId: "area_merged",
            outcome: "adjust",
            reason: "居民区撤并",
            decision: decision("2023-05-10"),
          },
          "2023-05-10",
        ],
      ],
      Y,
    ),
  recalled: () =>
    drive(
      yangpuInTerm(),
      [[{ _tag: "Recall", evidence: "经组织部研究", decision: decision("2023-05-10") }, "2023-05-10"]],
      Y,
    ),
  exited: () =>
    drive(termEnded(), [[{ _tag: "Exit", date: d("2026-01-20"), reason: "期满" }, "2026-01-20"]], Y),
}

const MOVES: Readonly<Record<PlacementMoveTag, readonly [PlacementMove, Role]>> = {
  TakeUp: [{ _tag: "TakeUp", date: d("2021-01-15") }, "street_admin"],
  Confirm: [
    { _tag: "Confirm", electedOn: d("2021-11-20"), assessment: assessment("2021-11-10") },
    "street_admin",
  ],
  ExtendProbation: [
    {
      _tag: "ExtendProbation",
      until: d("2026-12-31"),
      assessment: assessment("2026-01-20", "not_competent"),
    },
    "street_admin",
  ],
  ReturnToUnit: [
    { _tag: "ReturnToUnit", date: d("2026-02-01"), assessment: assessment("2026-01-20", "not_competent") },
    "street_admin",
  ],
  RecordRelation: [{ _tag: "RecordRelation", relation: "party", date: d("2021-01-20") }, "street_admin"],
  EndTerm: [{ _tag: "EndTerm" }, "street_admin"],
  StayOn: [{ _tag: "StayOn", cadreWishes: true, decision: decision("2026-02-20") }, "org_dept_admin"],
  Recall: [{ _tag: "Recall", evidence: "经组织部研究", decision: decision("2026-02-20") }, "org_dept_admin"],
  Adjust: [
    {
      _tag: "Adjust",
      triggerId: "illness_or_hardship",
      outcome: "adjust",
      reason: "因病",
      decision: decision("2026-02-20"),
    },
    "org_dept_admin",
  ],
  // 000 has no admonish trigger: in post the move is refused as unknown_trigger (003/004 tests cover the measure).
  Admonish: [
    {
      _tag: "Admonish",
      triggerId: "neg_slack_style",
      measures: ["criticism_education"],
      reason: "作风不实",
      decision: decision("2026-02-20"),
    },
    "org_dept_admin",
  ],
  Exit: [{ _tag: "Exit", date: d("2026-02-28"), reason: "期满" }, "street_admin"],
}

type Outcome = PlacementState | IllegalPlacementMove["reason"]
const W = "wrong_state" as const
const PROBATION_ROW = {
  TakeUp: W,
  Confirm: "in_term",
  ExtendProbation: "probation_extended",
  ReturnToUnit: "returned_to_unit",
  EndTerm: W,
  StayOn: W,
  Recall: "recalled",
  Adjust: "adjusted",
  Admonish: "unknown_trigger",
  Exit: W,
} as const
const CLOSED_ROW = Object.fromEntries(Object.keys(MOVES).map((k) => [k, "closed"])) as Record<
  PlacementMoveTag,
  Outcome
>

/** What each move does in each state (000 scheme, on 2026-03-01; term end 2026-01-15). */
const TABLE: Readonly<Record<PlacementState, Readonly<Record<PlacementMoveTag, Outcome>>>> = {
  placed: {
    TakeUp: "on_probation",
    Confirm: W,
    ExtendProbation: W,
    ReturnToUnit: W,
    RecordRelation: "placed",
    EndTerm: W,
    StayOn: W,
    Recall: W,
    Adjust: W,
    Admonish: W,
    Exit: W,
  },
  on_probation: { ...PROBATION_ROW, RecordRelation: "on_probation" },
  probation_extended: { ...PROBATION_ROW, RecordRelation: "probation_extended" },
  in_term: {
    TakeUp: W,
    Confirm: W,
    ExtendProbation: W,
    ReturnToUnit: W,
    RecordRelation: "in_term",
    EndTerm: "term_ended",
    StayOn: W,
    Recall: "recalled",
    Adjust: "adjusted",
    Admonish: "unknown_trigger",
    Exit: W,
  },
  term_ended: {
    TakeUp: W,
    Confirm: W,
    ExtendProbation: W,
    ReturnToUnit: W,
    RecordRelation: "term_ended",
    EndTerm: W,
    StayOn: "in_term",
    Recall: W,
    Adjust: W,
    Admonish: W,
    Exit: "exited",
  },
  returned_to_unit: CLOSED_ROW,
  adjusted: CLOSED_ROW,
  recalled: CLOSED_ROW,
  exited: CLOSED_ROW,
}

describe("placement: every move in every state (000 三（一）–（四）, 一)", () => {
  it("the fixtures reach every state", () => {
    for (const s of PLACEMENT_STATES) expect(IN_STATE[s]().state).toBe(s)
  })
  for (const s of PLACEMENT_STATES)
    for (const tag of Object.keys(MOVES) as Array<PlacementMoveTag>) {
      const want = TABLE[s][tag]
      it(`${s} + ${tag} → ${want}`, () => {
        const p = IN_STATE[s]()
        const [m, role] = MOVES[tag]
        const r = run(p, m, ON, role)
        if ((PLACEMENT_STATES as ReadonlyArray<string>).includes(want)) {
          const next = moved(r)
          expect(next.state).toBe(want)
          expect(next.history.length).toBe(p.history.length + 1)
          expect(next.history.at(-1)).toEqual({
            move: m,
            from: s,
            to: want,
            by: `acct-${role}`,
            role,
            on: ON,
            schemeVersion: 1,
          })
        } else {
          const e = refused(r)
          expect(e.reason).toBe(want)
          expect(e.state).toBe(s)
          expect(e.text.zh.length).toBeGreaterThan(0)
          expect(e.text.en.length).toBeGreaterThan(0)
        }
      })
    }
})

// ------------------------------------------------------------------------------------------ probation

describe("000 三（一）: probation as deputy secretary, confirmed by election on the street's assessment", () => {
  it("000 三（一）: taking up the post starts probation as deputy secretary; 000 sets no length, so no end date", () => {
    const p = yangpuOnProbation()
    expect(p.state).toBe("on_probation")
    expect(p.startedOn).toBe("2021-01-15")
    expect(p.probation).toEqual({
      asRole: { zh: "居民区党组织副书记", en: "deputy secretary of the residential-area Party organisation" },
    })
    expect(probationAssessor(Y)).toBe("street")
  })

  it("000 三（一）: confirmation records the election date and the street's assessment", () => {
    const p = yangpuInTerm()
    expect(p.state).toBe("in_term")
    expect(p.confirmation).toEqual({ electedOn: "2021-11-20", assessment: assessment("2021-11-10") })
    expect(p.assessments).toEqual([{ purpose: "confirmation", assessment: assessment("2021-11-10") }])
    expect(isConfirmed(p)).toBe(true)
    expect(isConfirmed(yangpuOnProbation())).toBe(false)
  })

  it("000 三（一）: an assessment by the dispatching unit cannot confirm (the street assesses)", () => {
    const e = refused(
      run(
        yangpuOnProbation(),
        {
          _tag: "Confirm",
          electedOn: d("2021-11-20"),
          assessment: assessment("2021-11-10", "competent", "dispatching_unit"),
        },
        "2021-11-22",
        "dispatching_unit_admin",
      ),
    )
    expect(e.reason).toBe("wrong_assessor")
    expect(e.text.zh).toContain("街道")
  })

  it("000 三（一）: the org dept's account cannot record the street's assessment", () => {
    const e = refused(
      run(
        yangpuOnProbation(),
        { _tag: "Confirm", electedOn: d("2021-11-20"), assessment: assessment("2021-11-10") },
        "2021-11-22",
        "org_dept_admin",
      ),
    )
    expect(e.reason).toBe("not_authorised")
  })

  it("000 三（一）: an assessment finding the cadre unsuited cannot confirm; one finding them competent cannot extend", () => {
    const p = yangpuOnProbation()
    expect(
      refused(
        run(
          p,
          {
            _tag: "Confirm",
            electedOn: d("2021-11-20"),
            assessment: assessment("2021-11-10", "not_competent"),
          },
          "2021-11-22",
          "street_admin",
        ),
      ).reason,
    ).toBe("conclusion_mismatch")
    expect(
      refused(
        run(
          p,
          { _tag: "ExtendProbation", until: d("2022-06-30"), assessment: assessment("2021-11-10") },
          "2021-11-22",
          "street_admin",
        ),
      ).reason,
    ).toBe("conclusion_mismatch")
  })

  it("000 三（一）: election dates: today is allowed, tomorrow is not, nor a day before the start", () => {
    const p = yangpuOnProbation()
    const confirm = (electedOn: string) =>
      run(
        p,
        { _tag: "Confirm", electedOn: d(electedOn), assessment: assessment("2021-11-10") },
        "2021-11-22",
        "street_admin",
      )
    expect(moved(confirm("2021-11-22")).state).toBe("in_term")
    expect(refused(confirm("2021-11-23")).reason).toBe("future_date")
    expect(moved(confirm("2021-01-15")).state).toBe("in_term")
    expect(refused(confirm("2021-01-14")).reason).toBe("before_start")
  })

  it("000 三（一）: an extension must end after today and after the current end; it can be extended again", () => {
    const p = extended()
    expect(p.probation?.endsOn).toBe("2022-06-30")
    const extend = (until: string, on: string) =>
      run(
        p,
        { _tag: "ExtendProbation", until: d(until), assessment: assessment(on, "not_competent") },
        on,
        "street_admin",
      )
    expect(refused(extend("2022-06-30", "2022-03-01")).reason).toBe("not_extending")
    expect(moved(extend("2022-07-01", "2022-03-01")).probation?.endsOn).toBe("2022-07-01")
    // After the current end has passed, the new end must be after today.
    expect(refused(extend("2022-08-01", "2022-08-01")).reason).toBe("not_extending")
    expect(moved(extend("2022-08-02", "2022-08-01")).assessments.map((a) => a.purpose)).toEqual([
      "extension",
      "extension",
    ])
  })

  it("000 三（一）: return to the unit ends the placement with the assessment's summary as the reason", () => {
    const p = moved(
      run(
        yangpuOnProbation(),
        {
          _tag: "ReturnToUnit",
          date: d("2021-12-01"),
          assessment: assessment("2021-11-30", "not_competent"),
        },
        "2021-12-02",
        "street_admin",
      ),
    )
    expect(p.state).toBe("returned_to_unit")
    expect(p.ending).toEqual({
      kind: "returned_to_unit",
      date: "2021-12-01",
      reason: "综合考评 / comprehensive assessment",
    })
    expect(p.assessments.map((a) => a.purpose)).toEqual(["return"])
  })

  it("000 三（一）: a scheme whose probation offers no extension refuses one", () => {
    const noExtension: Scheme = {
      ...Y,
      term: {
        ...Y.term,
        probation:
          Y.term.probation._tag === "Cited"
            ? { ...Y.term.probation, value: { ...Y.term.probation.value, otherwise: ["return_to_unit"] } }
            : Y.term.probation,
      },
    }
    const e = refused(
      run(
        yangpuOnProbation(),
        {
          _tag: "ExtendProbation",
          until: d("2022-06-30"),
          assessment: assessment("2021-11-30", "not_competent"),
        },
        "2021-12-01",
        "street_admin",
        noExtension,
      ),
    )
    expect(e.reason).toBe("not_allowed_by_scheme")
    expect(e.text.zh).toContain("延长见习期")
  })

  it("002 三（一）: a scheme without probation (Da'an) puts the cadre straight into the term", () => {
    const p = drive(
      placed(SCHEMES.daan),
      [[{ _tag: "TakeUp", date: d("2021-03-01") }, "2021-03-01"]],
      SCHEMES.daan,
    )
    expect(p.state).toBe("in_term")
    expect(p.probation).toBeUndefined()
    // A placement on probation under a scheme with none (e.g. data from elsewhere) cannot be confirmed.
    const odd: Placement = { ...p, state: "on_probation" }
    expect(
      refused(
        run(
          odd,
          { _tag: "Confirm", electedOn: d("2021-05-01"), assessment: assessment("2021-05-01") },
          "2021-05-02",
          "street_admin",
          SCHEMES.daan,
        ),
      ).reason,
    ).toBe("no_probation")
  })
})

// ------------------------------------------------------------------------------------------ term

const takeUp = (scheme: Scheme, date: string, termEnd?: string) =>
  run(
    placed(scheme, "2020-01-01"),
    termEnd === undefined
      ? { _tag: "TakeUp", date: d(date) }
      : { _tag: "TakeUp", date: d(date), termEnd: d(termEnd) },
    date,
    "street_admin",
    scheme,
  )

describe("term end from the scheme's Term.length (期满日 = start + length, month-end clamped)", () => {
  it("000 一: 5 years in principle — 2021-01-15 → 2026-01-15", () => {
    expect(moved(takeUp(Y, "2021-01-15")).terms).toEqual([
      { number: 1, start: "2021-01-15", end: "2026-01-15" },
    ])
  })
  it("002 三（一）: 2 years generally — 2020-02-29 → 2022-02-28 (no 29 February in 2022)", () => {
    expect(moved(takeUp(SCHEMES.daan, "2020-02-29")).terms[0]?.end).toBe("2022-02-28")
  })
  it("004 安丘 导语: 1 year — 2024-02-29 → 2025-02-28; 2023-03-01 → 2024-03-01", () => {
    expect(moved(takeUp(SCHEMES.anqiu, "2024-02-29")).terms[0]?.end).toBe("2025-02-28")
    expect(moved(takeUp(SCHEMES.anqiu, "2023-03-01")).terms[0]?.end).toBe("2024-03-01")
  })
  it("004 江东 一: 6 months — 31 Aug 2023 → 29 Feb 2024 (leap), 31 Aug 2022 → 28 Feb 2023, 31 Mar → 30 Sep", () => {
    expect(moved(takeUp(SCHEMES.jiangdong, "2023-08-31")).terms[0]?.end).toBe("2024-02-29")
    expect(moved(takeUp(SCHEMES.jiangdong, "2022-08-31")).terms[0]?.end).toBe("2023-02-28")
    expect(moved(takeUp(SCHEMES.jiangdong, "2023-03-31")).terms[0]?.end).toBe("2023-09-30")
  })
  it("004 安丘 导语: the 1-year term is unqualified, so the appointment cannot state another end", () => {
    const e = refused(takeUp(SCHEMES.anqiu, "2023-03-01", "2024-06-30"))
    expect(e.reason).toBe("term_end_fixed")
    expect(e.text.zh).toContain("2024-03-01")
    expect(e.text.zh).toContain("安丘 导语")
    // Stating the computed end is fine.
    expect(moved(takeUp(SCHEMES.anqiu, "2023-03-01", "2024-03-01")).terms[0]?.end).toBe("2024-03-01")
  })
  it("004 江东 一: “一般” 6 months admits a stated end; it must still be after the start", () => {
    expect(moved(takeUp(SCHEMES.jiangdong, "2023-03-01", "2023-12-31")).terms[0]?.end).toBe("2023-12-31")
    expect(refused(takeUp(SCHEMES.jiangdong, "2023-03-01", "2023-03-01")).reason).toBe("before_start")
  })
  it("004 晋城: no term length, so the appointment must state the end", () => {
    const e = refused(takeUp(SCHEMES.jincheng, "2023-03-01"))
    expect(e.reason).toBe("term_end_required")
    expect(e.text.en).toContain("the appointment must state the end date")
    expect(moved(takeUp(SCHEMES.jincheng, "2023-03-01", "2024-02-29")).terms[0]?.end).toBe("2024-02-29")
  })
  it("taking up: not before the appointment decision, not in the future, not by an applicant", () => {
    const p = placed(Y, "2021-01-08")
    expect(
      refused(run(p, { _tag: "TakeUp", date: d("2021-01-07") }, "2021-01-15", "street_admin")).reason,
    ).toBe("before_start")
    expect(
      refused(run(p, { _tag: "TakeUp", date: d("2021-01-16") }, "2021-01-15", "street_admin")).reason,
    ).toBe("future_date")
    expect(refused(run(p, { _tag: "TakeUp", date: d("2021-01-15") }, "2021-01-15", "applicant")).reason).toBe(
      "not_authorised",
    )
  })
})

describe("000 一: term end, stay-on (留任) and exit", () => {
  it("000 一: the term cannot be ended the day before its end date, and can on it", () => {
    const p = yangpuInTerm()
    expect(refused(run(p, { _tag: "EndTerm" }, "2026-01-14", "street_admin")).reason).toBe("term_not_over")
    expect(moved(run(p, { _tag: "EndTerm" }, "2026-01-15", "street_admin")).state).toBe("term_ended")
  })

  it("002 三（二）: the term-end assessment is kept on record", () => {
    const a = assessment("2026-01-15", "competent", "org_dept")
    const p = moved(run(yangpuInTerm(), { _tag: "EndTerm", assessment: a }, "2026-01-16", "org_dept_admin"))
    expect(p.assessments.at(-1)).toEqual({ purpose: "term_end", assessment: a })
  })

  it("000 一: staying on starts a second 5-year term at the first one's end", () => {
    const p = moved(
      run(
        termEnded(),
        { _tag: "StayOn", cadreWishes: true, decision: decision("2026-01-20") },
        "2026-01-20",
        "org_dept_admin",
      ),
    )
    expect(p.state).toBe("in_term")
    expect(p.terms).toEqual([
      { number: 1, start: "2021-01-15", end: "2026-01-15" },
      { number: 2, start: "2026-01-15", end: "2031-01-15" },
    ])
  })

  it("000 一: stay-on is the org dept's decision: the street's is refused, and a street account cannot record it", () => {
    const p = termEnded()
    expect(
      refused(
        run(
          p,
          { _tag: "StayOn", cadreWishes: true, decision: decision("2026-01-20", "street") },
          "2026-01-20",
          "street_admin",
        ),
      ).reason,
    ).toBe("wrong_decider")
    expect(
      refused(
        run(
          p,
          { _tag: "StayOn", cadreWishes: true, decision: decision("2026-01-20") },
          "2026-01-20",
          "street_admin",
        ),
      ).reason,
    ).toBe("not_authorised")
  })

  it("004 晋城: a stay-on under a scheme with no term length needs its own end date", () => {
    const J = SCHEMES.jincheng
    const p = drive(
      placed(J, "2023-01-01"),
      [
        [{ _tag: "TakeUp", date: d("2023-03-01"), termEnd: d("2024-03-01") }, "2023-03-01"],
        [{ _tag: "EndTerm" }, "2024-03-01"],
      ],
      J,
    )
    const stay = (until?: string) =>
      run(
        p,
        until === undefined
          ? { _tag: "StayOn", cadreWishes: true, decision: decision("2024-03-02") }
          : { _tag: "StayOn", cadreWishes: true, decision: decision("2024-03-02"), until: d(until) },
        "2024-03-02",
        "org_dept_admin",
        J,
      )
    expect(refused(stay()).reason).toBe("term_end_required")
    expect(moved(stay("2025-03-01")).terms.at(-1)).toEqual({
      number: 2,
      start: "2024-03-01",
      end: "2025-03-01",
    })
  })

  it("exit: only after the term has ended, dated on or after the term end", () => {
    const p = termEnded()
    expect(
      refused(run(p, { _tag: "Exit", date: d("2026-01-14"), reason: "期满" }, "2026-01-20", "street_admin"))
        .reason,
    ).toBe("before_start")
    const out = moved(
      run(p, { _tag: "Exit", date: d("2026-01-15"), reason: "期满" }, "2026-01-20", "street_admin"),
    )
    expect(out.ending).toEqual({ kind: "exited", date: "2026-01-15", reason: "期满" })
  })
})

// ------------------------------------------------------------------------------------------ recall and adjustment

describe("000 三（四）: adjustment or return, decided by the org dept", () => {
  const TRIGGERS = ["illness_or_hardship", "unfit_failed_annual", "area_merged", "other"] as const
  for (const id of TRIGGERS) {
    it(`000 三（四） ${id}: the org dept's decision adjusts; a return goes back to the unit`, () => {
      const adjust = (outcome: "adjust" | "return_to_unit") =>
        run(
          yangpuInTerm(),
          { _tag: "Adjust", triggerId: id, outcome, reason: "见情形", decision: decision("2023-05-10") },
          "2023-05-11",
          "org_dept_admin",
        )
      const a = moved(adjust("adjust"))
      expect(a.state).toBe("adjusted")
      expect(a.ending).toEqual({
        kind: "adjusted",
        date: "2023-05-10",
        reason: "见情形",
        triggerId: id,
        decision: decision("2023-05-10"),
      })
      expect(moved(adjust("return_to_unit")).state).toBe("returned_to_unit")
    })

    it(`000 三（四） ${id}: the street cannot decide it (须报区委组织部…研究决定)`, () => {
      const e = refused(
        run(
          yangpuInTerm(),
          {
            _tag: "Adjust",
            triggerId: id,
            outcome: "adjust",
            reason: "见情形",
            decision: decision("2023-05-10", "street"),
          },
          "2023-05-11",
          "street_admin",
        ),
      )
      expect(e.reason).toBe("wrong_decider")
      expect(e.text.zh).toContain("组织部门")
      expect(e.text.zh).toContain("000 三（四）")
    })
  }

  it("000 三（四）: the org dept's meeting (部务会) decides as the org dept; a street account cannot record it", () => {
    const m: PlacementMove = {
      _tag: "Adjust",
      triggerId: "other",
      outcome: "adjust",
      reason: "其它情况",
      decision: decision("2023-05-10", "org_dept_meeting"),
    }
    expect(moved(run(yangpuInTerm(), m, "2023-05-11", "org_dept_admin")).state).toBe("adjusted")
    expect(refused(run(yangpuInTerm(), m, "2023-05-11", "street_admin")).reason).toBe("not_authorised")
  })

  it("000 三（四）: an unknown reason is refused, listing the scheme's", () => {
    const e = refused(
      run(
        yangpuInTerm(),
        {
          _tag: "Adjust",
          triggerId: "bored",
          outcome: "adjust",
          reason: "x",
          decision: decision("2023-05-10"),
        },
        "2023-05-11",
        "org_dept_admin",
      ),
    )
    expect(e.reason).toBe("unknown_trigger")
    expect(e.text.en).toContain("illness_or_hardship, unfit_failed_annual, area_merged, other")
  })

  it("000 三（四）: a decision dated tomorrow or before the cadre started is refused", () => {
    const adjust = (date: string) =>
      run(
        yangpuInTerm(),
        { _tag: "Adjust", triggerId: "other", outcome: "adjust", reason: "x", decision: decision(date) },
        "2023-05-11",
        "org_dept_admin",
      )
    expect(refused(adjust("2023-05-12")).reason).toBe("future_date")
    expect(refused(adjust("2021-01-14")).reason).toBe("before_start")
    expect(moved(adjust("2023-05-11")).state).toBe("adjusted")
  })
})

describe("002 三（二）: recall", () => {
  const D = SCHEMES.daan
  const inTerm = () =>
    drive(placed(D, "2021-02-01"), [[{ _tag: "TakeUp", date: d("2021-03-01") }, "2021-03-01"]], D)

  it("002 三（二）: dissatisfaction above 30% recalls, with the evidence and the trigger on record", () => {
    const p = moved(
      run(
        inTerm(),
        {
          _tag: "Recall",
          triggerId: "dissatisfaction",
          evidence: "不满意率 31.0%",
          decision: decision("2022-01-10"),
        },
        "2022-01-10",
        "org_dept_admin",
        D,
      ),
    )
    expect(p.state).toBe("recalled")
    expect(p.ending).toEqual({
      kind: "recalled",
      date: "2022-01-10",
      reason: "不满意率 31.0%",
      triggerId: "dissatisfaction",
      decision: decision("2022-01-10"),
    })
  })

  it("002 三（二）: an adjustment needs an adjustment trigger: Da'an's are recall triggers", () => {
    const e = refused(
      run(
        inTerm(),
        {
          _tag: "Adjust",
          triggerId: "incompetent",
          outcome: "adjust",
          reason: "x",
          decision: decision("2022-01-10"),
        },
        "2022-01-10",
        "org_dept_admin",
        D,
      ),
    )
    expect(e.reason).toBe("trigger_action_mismatch")
  })

  it("000 三（四）: a recall cannot cite an adjustment trigger", () => {
    const e = refused(
      run(
        yangpuInTerm(),
        { _tag: "Recall", triggerId: "illness_or_hardship", evidence: "x", decision: decision("2023-01-10") },
        "2023-01-10",
        "org_dept_admin",
      ),
    )
    expect(e.reason).toBe("trigger_action_mismatch")
  })

  it("002 三（二）: a recall without a trigger is the org dept's decision, not the street's", () => {
    const e = refused(
      run(
        inTerm(),
        { _tag: "Recall", evidence: "x", decision: decision("2022-01-10", "street") },
        "2022-01-10",
        "street_admin",
        D,
      ),
    )
    expect(e.reason).toBe("wrong_decider")
  })

  it("004 淮上 目标考核 三是: the township committee (street) decides the recall there", () => {
    const H = SCHEMES.huaishang
    const p = drive(
      placed(H, "2021-01-01"),
      [[{ _tag: "TakeUp", date: d("2021-02-01"), termEnd: d("2024-02-01") }, "2021-02-01"]],
      H,
    )
    const trigger = H.recall.triggers.find((x) => x.action === "recall")
    expect(trigger?.decidedBy).toBe("street")
    const recall = (by: "street" | "org_dept", role: Role) =>
      run(
        p,
        {
          _tag: "Recall",
          triggerId: trigger?.id ?? "",
          evidence: "满意率 49%",
          decision: decision("2021-12-30", by),
        },
        "2021-12-30",
        role,
        H,
      )
    expect(moved(recall("street", "street_admin")).state).toBe("recalled")
    expect(refused(recall("org_dept", "org_dept_admin")).reason).toBe("wrong_decider")
  })
})

// ------------------------------------------------------------------------------------------ relations, version

describe("000 一（二）1: relations — the Party relation moves, administrative and pay relations stay", () => {
  it("000 一（二）1: the scheme's rule is copied onto the placement", () => {
    expect(placed(Y).relations).toEqual({ party: "moves", administrative: "stays", pay: "stays" })
    expect(placed(SCHEMES.huaishang).relations).toEqual({ administrative: "stays", pay: "stays" })
    expect(placed(SCHEMES.jincheng).relations).toEqual({})
  })

  it("000 一（二）1: moving the Party relation is recorded once; moving the pay relation is refused", () => {
    const p = moved(
      run(
        yangpuOnProbation(),
        { _tag: "RecordRelation", relation: "party", date: d("2021-01-20") },
        "2021-01-20",
        "street_admin",
      ),
    )
    expect(p.relationsMoved).toEqual({ party: "2021-01-20" })
    expect(p.state).toBe("on_probation")
    expect(
      refused(
        run(
          p,
          { _tag: "RecordRelation", relation: "party", date: d("2021-01-21") },
          "2021-01-21",
          "street_admin",
        ),
      ).reason,
    ).toBe("relation_recorded")
    const e = refused(
      run(
        p,
        { _tag: "RecordRelation", relation: "pay", date: d("2021-01-21") },
        "2021-01-21",
        "street_admin",
      ),
    )
    expect(e.reason).toBe("relation_stays")
    expect(e.text.zh).toContain("000 一（二）1")
  })

  it("004 晋城: a scheme silent on relations lets the region record what it does", () => {
    const J = SCHEMES.jincheng
    const p = run(
      placed(J),
      { _tag: "RecordRelation", relation: "administrative", date: d("2021-01-20") },
      "2021-01-20",
      "street_admin",
      J,
    )
    expect(moved(p).relationsMoved).toEqual({ administrative: "2021-01-20" })
  })

  it("000 三（三）: the full-time rule is recorded with the placement's scheme", () => {
    expect(fullTimeRules(Y).map((x) => x.citation.clause)).toEqual(["三（三）"])
    expect(fullTimeRules(SCHEMES.daan).map((x) => x.citation.clause)).toEqual(["三（一）"])
  })

  it("issue 13: a later version of its scheme may govern a move (the one in force on its date), recorded on it", () => {
    const next = moved(
      run(yangpuInTerm(), { _tag: "EndTerm" }, "2026-02-01", "street_admin", { ...Y, version: 2 }),
    )
    expect(next.schemeVersion).toBe(1)
    expect(next.history.at(-1)?.schemeVersion).toBe(2)
  })

  it("an older version, or another scheme, is refused", () => {
    const p = { ...yangpuInTerm(), schemeVersion: 2 }
    const e = refused(run(p, { _tag: "EndTerm" }, "2026-02-01", "street_admin", Y))
    expect(e.reason).toBe("version_mismatch")
    expect(e.text.en).toContain("v1")
    expect(e.text.en).toContain("v2")
    const other = refused(
      run(yangpuInTerm(), { _tag: "EndTerm" }, "2026-02-01", "street_admin", { ...Y, id: "other" as never }),
    )
    expect(other.reason).toBe("version_mismatch")
  })

  it("IllegalPlacementMove reads in both languages, naming the state and the move", () => {
    const e = refused(run(placed(Y), { _tag: "EndTerm" }, "2026-02-01", "street_admin"))
    expect(e.text.zh).toBe("任职状态“已安排，待到岗”下不能“任期届满”：此操作只能在任职期间进行")
    expect(e.text.en).toBe(
      'Cannot end the term while "placed, not yet in post": this move is only possible in term',
    )
    expect(e.message).toBe(`${e.text.zh} / ${e.text.en}`)
  })
})
