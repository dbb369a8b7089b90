/**
 * Builders for tests of the selection state machine, here and in other packages' tests (router runs).
 * Nothing here is policy: the full path is synthetic (every optional step on, notice after the decision).
 *
 * @since 0.1.0
 */

import { Either } from "effect"
import type { Role } from "../access/Access.js"
import { OFFICIAL_2025_2026 } from "../calendar/fixtures.js"
import type { Verdict } from "../eligibility/Verdict.js"
import { cite } from "../shared/Citation.js"
import { cited } from "../shared/Cited.js"
import { type LocalDate, make } from "../shared/LocalDate.js"
import type { Application, Campaign, Move, StepRecord } from "./Model.js"
import type { Path } from "./Path.js"
import { PROCEDURE } from "./State.js"
import { type TransitionContext, type TransitionError, transition } from "./Transition.js"

/**
 * The scheme id every test campaign runs on.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const SCHEME_ID = "test-scheme"

/**
 * A path with every procedure step, a 2:1 shortlist ratio, every channel.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const fullPath = (schemeVersion = 1): Path => ({
  schemeId: SCHEME_ID,
  schemeVersion,
  steps: PROCEDURE.map((state) => ({ state, stages: [] })),
  channels: cited(
    ["self_registration", "unit_recommendation", "organisation_recommendation"],
    cite("test", "1"),
  ),
  shortlistRatio: cited({ candidates: 2, places: 1 }, cite("test", "2")),
  campaignStages: [],
  unmapped: [],
})

/**
 * A campaign on a path, with overrides.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const campaignFor = (path: Path, overrides: Partial<Campaign> = {}): Campaign => ({
  id: "c-1",
  schemeId: path.schemeId,
  schemeVersion: path.schemeVersion,
  places: 2,
  channels: ["self_registration", "unit_recommendation", "organisation_recommendation"],
  appointed: 0,
  shortlisted: 0,
  ...overrides,
})

/**
 * A verdict for the application's person and scheme version (no findings unless `waived`).
 *
 * @category fixtures
 * @since 0.1.0
 */
export const verdictFor = (
  app: Pick<Application, "personId" | "schemeId" | "schemeVersion">,
  outcome: Verdict["outcome"] = "eligible",
  options: { readonly waived?: boolean } = {},
): Verdict => ({
  personId: app.personId,
  schemeId: app.schemeId,
  schemeVersion: app.schemeVersion,
  referenceDate: make("2025-09-01"),
  targetRole: null,
  outcome,
  findings:
    outcome === "needs_review"
      ? [
          // A rule the screening could not decide (000 一（一）4: a person without a civil-service rank).
          {
            ruleId: "rank",
            kind: "RankIn",
            status: "needs_review",
            label: { zh: "职级", en: "rank" },
            actual: null,
            expected: { zh: "科级及以下", en: "section level or below" },
            citation: cite("000", "一（一）4"),
            waivable: false,
            message: { zh: "无公务员职级，需人工审核", en: "no civil-service rank; needs review" },
          },
        ]
      : options.waived === true
        ? [
            {
              ruleId: "age",
              kind: "AgeRange",
              status: "waived",
              label: { zh: "年龄", en: "age" },
              actual: 39,
              expected: { zh: "25—38周岁", en: "25–38" },
              citation: cite("000", "一（一）5"),
              waivable: true,
              message: { zh: "已放宽", en: "waived" },
            },
          ]
        : [],
  preferences: [],
  score: 0,
  refusedWaivers: [],
})

/**
 * A passing record for each review step.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const RECORDS = {
  qualification_review: { _tag: "QualificationReview", reviewer: "审核员甲", passed: true, note: "" },
  joint_review: {
    _tag: "JointReview",
    opinions: [
      { department: "纪检", agree: true, note: "" },
      { department: "公安", agree: true, note: "" },
      { department: "综治", agree: true, note: "" },
      { department: "计生", agree: true, note: "" },
    ],
  },
  inspection: {
    _tag: "Inspection",
    team: ["考察组甲", "考察组乙"],
    date: make("2025-09-10"),
    findings: { politics: "好", ability: "强", service: "好", standing: "群众公认" },
  },
  interview: {
    _tag: "Interview",
    scores: [
      { rater: "评委1", score: 88 },
      { rater: "评委2", score: 91 },
    ],
  },
} as const satisfies Record<string, StepRecord>

/**
 * A unit recommendation for Submit moves.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const RECOMMENDATION = { body: "区某局党委", meeting: "党委会议", meetingDate: make("2025-09-01") }

/**
 * A transition context on a path, for a role and a date.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const contextFor = (
  path: Path,
  campaign: Campaign,
  on: string,
  role: Role = "org_dept_admin",
): TransitionContext => ({
  path,
  campaign,
  calendar: OFFICIAL_2025_2026,
  on: make(on),
  by: { accountId: role === "applicant" ? "acc-applicant" : "acc-admin", role },
})

/**
 * Apply moves in order, throwing on the first illegal one (for building fixtures in a given state).
 *
 * @category fixtures
 * @since 0.1.0
 */
export const drive = (
  app: Application,
  steps: ReadonlyArray<readonly [Move, TransitionContext]>,
): Application =>
  steps.reduce((a, [move, ctx]) => {
    const r: Either.Either<Application, TransitionError> = transition(a, move, ctx)
    if (Either.isLeft(r)) throw new Error(`fixture move ${move._tag} failed: ${r.left.message}`)
    return r.right
  }, app)

/**
 * A {@link LocalDate} from a literal.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const date = (s: string): LocalDate => make(s)
