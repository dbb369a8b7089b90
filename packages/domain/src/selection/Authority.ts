/**
 * Who may make each move of the selection procedure: the body the scheme names for the step, never anyone who
 * merely holds a permission (issue 13, "every move has an owner, from the scheme"). One predicate, used by the
 * services before every move and by the screens to offer only the moves the caller may make.
 *
 * - A step's owners are the actors of the scheme stages that switch it on (Path.ts): 000 杨浦 interview → the org
 *   dept, decide → 部务会, placement → the street; 004 安丘 decide → 市委常委会.
 * - `"campaign"` is whoever runs the campaign (the org dept or street of the campaign's region): it owns what no
 *   stage names (screening, waivers, returns, rejections, objections' findings).
 * - A caller speaks for an owner by role (InPost.ACTS_AS: an org dept admin records its meetings' decisions and
 *   the joint review's opinions; a street admin speaks for the street …); reviewers work the review steps of the
 *   body that owns them. Scope: the org dept's bodies act in campaigns they run; a street, unit or community acts
 *   in campaigns they run or on applications from within their scope; an applicant only on their own.
 * - A decision names its deciding body, which must be the scheme's (部务会 may stand for the org dept).
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import {
  type Actor as Caller,
  ownUnit,
  pathWithin,
  ROLE_LABELS,
  type Role,
  unitOf,
} from "../access/Access.js"
import { ACTOR_LABELS, actsAs, decidesAs } from "../inpost/Actors.js"
import type { Actor, Channel } from "../scheme/Scheme.js"
import type { Citation } from "../shared/Citation.js"
import { Text } from "../shared/Text.js"
import { MOVE_LABELS } from "./IllegalMove.js"
import type { DecidingBody, MoveTag } from "./Model.js"
import type { Path, StageRef } from "./Path.js"
import type { ProcedureState, State } from "./State.js"

/**
 * An owner of a move: a body the scheme names, or whoever runs the campaign.
 *
 * @since 0.1.0
 * @category models
 */
export type Owner = Actor | "campaign"

/**
 * Why the caller may not make the move.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AuthorityReason = Schema.Literal("not_owner", "out_of_scope", "wrong_body")
/**
 * The decoded value of the {@link AuthorityReason} schema.
 *
 * @since 0.1.0
 * @category models
 */
export type AuthorityReason = typeof AuthorityReason.Type

/**
 * The move belongs to another body (or lies outside the caller's scope): refused with the clause.
 *
 * @since 0.1.0
 * @category errors
 */
export class MoveNotYours extends Schema.TaggedError<MoveNotYours>()("MoveNotYours", {
  move: Schema.String,
  reason: AuthorityReason,
  owners: Schema.Array(Schema.String),
  clause: Schema.NullOr(Schema.String),
  message: Text,
}) {}

/**
 * What the predicate reads of a move: its tag, and the channel of a Submit, the step an Advance enters, the body
 * a Decide records. Every {@link Move} is one, so screens can ask about a move before its details (a verdict, a
 * record) exist.
 *
 * @since 0.1.0
 * @category models
 */
export type MoveShape =
  | { readonly _tag: "Submit"; readonly channel: Channel }
  | { readonly _tag: "Advance"; readonly to: State }
  | { readonly _tag: "Decide"; readonly meeting: { readonly body: typeof DecidingBody.Type } }
  | { readonly _tag: "OverrideOpinion"; readonly meeting: { readonly body: typeof DecidingBody.Type } }
  | { readonly _tag: Exclude<MoveTag, "Submit" | "Advance" | "Decide" | "OverrideOpinion"> }

/**
 * What the predicate needs to know about the campaign and the application.
 *
 * @since 0.1.0
 * @category models
 */
export interface AuthorityContext {
  readonly path: Path
  /** Region path of the campaign (its runner's scope). */
  readonly campaignPath: string
  /** The application, when the move is on one: its own region (recommending unit's, nominating community's). */
  readonly application?:
    | {
        readonly state: State
        readonly personId: string
        readonly regionPath: string
        /**
         * The units the application belongs to (recommending unit, person's unit, post's host unit): a unit
         * account acts only on its own (Access.ownUnit); absent, none.
         */
        readonly unitIds?: ReadonlyArray<string | null> | undefined
      }
    | undefined
}

const ORG_BODIES: ReadonlyArray<Owner> = [
  "campaign",
  "org_dept",
  "org_dept_meeting",
  "standing_committee",
  "joint_review",
]

/** Roles that run a campaign of their region. */
const RUNNERS: ReadonlyArray<Role> = ["org_dept_admin", "street_admin", "integrator"]

const stagesOf = (path: Path, state: ProcedureState): ReadonlyArray<StageRef> =>
  path.steps.find((s) => s.state === state)?.stages ?? []

const actorsOf = (path: Path, state: ProcedureState): ReadonlyArray<Owner> => {
  const actors = [...new Set(stagesOf(path, state).map((s) => s.actor))]
  return actors.length === 0 ? ["campaign"] : actors
}

/**
 * A step the cadre performs (000 二（二）: 报到 to the street) is recorded by the body that receives it: the
 * campaign's runner, or the body that places the cadre.
 */
const recordedBy = (path: Path, state: ProcedureState): ReadonlyArray<Owner> => {
  const actors = actorsOf(path, state)
  if (!actors.includes("applicant")) return orRunner(actors)
  const placing = actorsOf(path, "appointed").filter((a) => a !== "applicant")
  return [...new Set<Owner>(["campaign", ...placing, ...actors.filter((a) => a !== "applicant")])]
}

/** Bodies beneath the one running a campaign, whose steps it may record on their behalf (reported up to it). */
const GRASSROOTS: ReadonlyArray<Owner> = [
  "street",
  "dispatching_unit",
  "host_unit",
  "community_party_org",
  "residents",
]

/**
 * A grassroots body's step (001 四（二）1: each community publicises its nominees, then reports them to the street)
 * may also be recorded by the body running the campaign, to which it is reported. Never a decision, a joint-review
 * opinion, or a step of a body above or beside the runner: those stay with the body the scheme names.
 */
const orRunner = (owners: ReadonlyArray<Owner>): ReadonlyArray<Owner> =>
  owners.some((o) => GRASSROOTS.includes(o)) && !owners.includes("campaign")
    ? [...owners, "campaign"]
    : owners

/**
 * The owners of a move and the clause that names them.
 *
 * @since 0.1.0
 * @category rules
 */
export const ownersOf = (
  move: MoveShape,
  ctx: AuthorityContext,
): { readonly owners: ReadonlyArray<Owner>; readonly citation: Citation | undefined } => {
  const { path } = ctx
  const cite = (state: ProcedureState) => stagesOf(path, state)[0]?.citation
  const current = ctx.application?.state
  const procedureState = (s: State | undefined): ProcedureState | undefined =>
    s === undefined || s === "withdrawn" || s === "rejected" ? undefined : s
  switch (move._tag) {
    case "Submit": {
      if (move.channel === "self_registration") return { owners: ["applicant"], citation: cite("submitted") }
      if (move.channel === "organisation_recommendation")
        return { owners: ["campaign"], citation: cite("submitted") }
      const units = actorsOf(path, "submitted").filter((a) => a !== "applicant" && a !== "campaign")
      return {
        owners: units.length === 0 ? ["dispatching_unit", "street"] : units,
        citation: cite("submitted"),
      }
    }
    case "Withdraw":
      return { owners: ["applicant"], citation: undefined }
    case "Advance": {
      const to = procedureState(move.to)
      return {
        owners: to === undefined ? ["campaign"] : recordedBy(path, to),
        citation: to === undefined ? undefined : cite(to),
      }
    }
    case "Record": {
      const s = procedureState(current)
      return {
        owners: s === undefined ? ["campaign"] : recordedBy(path, s),
        citation: s === undefined ? undefined : cite(s),
      }
    }
    case "Decide":
      return { owners: actorsOf(path, "decided"), citation: cite("decided") }
    case "StartNotice":
      return { owners: orRunner(actorsOf(path, "public_notice")), citation: cite("public_notice") }
    case "FileObjection":
      return {
        owners: [...new Set<Owner>(["campaign", ...actorsOf(path, "public_notice")])],
        citation: cite("public_notice"),
      }
    case "Appoint":
      return { owners: recordedBy(path, "appointed"), citation: cite("appointed") }
    case "ReportIn":
      return { owners: recordedBy(path, "reported_in"), citation: cite("reported_in") }
    case "OverrideOpinion":
      // Issue 13: only the deciding body sets a department's disagreement aside (001 四（二）3: the street's
      // enlarged working-committee meeting), at the joint-review step the opinion belongs to.
      return { owners: actorsOf(path, "decided"), citation: cite("joint_review") ?? cite("decided") }
    case "ResolveFinding":
      // Issue 13: a finding awaiting review is confirmed or refused for the body running the campaign's review
      // (its reviewers, or the runner itself), never by the applicant or the recommending unit.
      return {
        owners: ["campaign"],
        citation: cite("qualification_review") ?? cite("screened"),
      }
    case "OverrideDeadline":
      // Issue 13, "dates bite": only the body running the campaign (the org dept, or the street running its own)
      // lets a late move through, with a reason; never a reviewer, a unit or the deciding body's clerk for it.
      return { owners: ["campaign"], citation: undefined }
    case "Screen":
    case "Waive":
    case "Return":
    case "Reject":
    case "ResolveObjection":
      return { owners: ["campaign"], citation: undefined }
  }
}

/**
 * Does a caller of `role` speak for `owner`? Reviewers work the review steps of the body that owns them.
 *
 * @since 0.1.0
 * @category rules
 */
export const speaksFor = (role: Role, owner: Owner, move: MoveTag): boolean => {
  if (owner === "campaign") return RUNNERS.includes(role) || (role === "reviewer" && REVIEWER_MOVES.has(move))
  // The departments give their opinions to whoever runs the campaign, who records them (001 四（二）2: the
  // street's working group 征求纪检、公安、综治、计生等部门意见).
  if (owner === "joint_review" && RUNNERS.includes(role)) return true
  if (role === "reviewer") return REVIEWER_MOVES.has(move) && owner !== "applicant" && owner !== "residents"
  return actsAs(role, owner)
}

/**
 * The moves of the review steps, which reviewers make for the body that owns them: recording and moving on, and
 * for the runner's review (资格审查) sending back or turning down.
 */
const REVIEWER_MOVES: ReadonlySet<MoveTag> = new Set<MoveTag>([
  "Record",
  "Advance",
  "Reject",
  "Return",
  "ResolveFinding",
])

/** Is the campaign or the application within the caller's reach for `owner`? */
const inScope = (caller: Caller, owner: Owner, move: MoveTag, ctx: AuthorityContext): boolean => {
  if (owner === "applicant")
    return (
      caller.role === "applicant" &&
      caller.scope._tag === "SelfScope" &&
      (ctx.application === undefined || caller.scope.personId === ctx.application.personId)
    )
  if (caller.role === "applicant" || caller.scopePath.length === 0) return false
  // A unit account runs no campaign: it recommends into one above or beside it, and acts only on its own
  // unit's applications (issue 13, "units see their own").
  if (unitOf(caller) !== null) {
    if (move === "Submit")
      return (
        (pathWithin(ctx.campaignPath, caller.scopePath) || pathWithin(caller.scopePath, ctx.campaignPath)) &&
        (ctx.application === undefined || ownUnit(caller, ctx.application.unitIds ?? []))
      )
    return (
      !ORG_BODIES.includes(owner) &&
      ctx.application !== undefined &&
      (pathWithin(caller.scopePath, ctx.application.regionPath) ||
        pathWithin(caller.scopePath, ctx.campaignPath)) &&
      ownUnit(caller, ctx.application.unitIds ?? [])
    )
  }
  const runs = pathWithin(caller.scopePath, ctx.campaignPath)
  if (ORG_BODIES.includes(owner)) return runs
  // A unit or street recommending into a campaign of a region above it (000: the district's campaign).
  if (move === "Submit") return runs || pathWithin(ctx.campaignPath, caller.scopePath)
  return runs || (ctx.application !== undefined && pathWithin(caller.scopePath, ctx.application.regionPath))
}

const ownerLabel = (o: Owner): Text =>
  o === "campaign"
    ? { zh: "本批次的组织部门（主办单位）", en: "the body running this campaign" }
    : ACTOR_LABELS[o]

const join = (owners: ReadonlyArray<Owner>, lang: "zh" | "en") =>
  owners.map((o) => ownerLabel(o)[lang]).join(lang === "zh" ? "、" : " or ")

const clauseOf = (c: Citation | undefined): string | null =>
  c === undefined ? null : `${c.document} ${c.clause}`.trim()

/**
 * May `caller` make `move` in this campaign (on this application)? Right: yes. Left: who may, and the clause
 * that says so, in both languages.
 *
 * @example
 * ```ts
 * import { Selection } from "@cadre/domain"
 * const r = Selection.authorise(streetAdmin, { _tag: "Reject", reason: "…" }, { path, campaignPath, application })
 * // Left(MoveNotYours): "“不予通过”由本批次的组织部门（主办单位）办理，街道（乡镇）管理员不能办理"
 * ```
 *
 * @since 0.1.0
 * @category rules
 */
export const authorise = (
  caller: Caller,
  move: MoveShape,
  ctx: AuthorityContext,
): Either.Either<void, MoveNotYours> => {
  const { owners, citation } = ownersOf(move, ctx)
  const clause = clauseOf(citation)
  const where: Text =
    clause === null ? { zh: "", en: "" } : { zh: `（依据：${clause}）`, en: ` (per ${clause})` }
  const refuse = (reason: AuthorityReason, text: Text) =>
    Either.left(new MoveNotYours({ move: move._tag, reason, owners: [...owners], clause, message: text }))
  const moveLabel = MOVE_LABELS[move._tag]
  const speaking = owners.filter((o) => speaksFor(caller.role, o, move._tag))
  if (speaking.length === 0)
    return refuse("not_owner", {
      zh: `“${moveLabel.zh}”由${join(owners, "zh")}办理，${ROLE_LABELS[caller.role].zh}不能办理${where.zh}`,
      en: `"${moveLabel.en}" is for ${join(owners, "en")}; a ${ROLE_LABELS[caller.role].en} cannot make it${where.en}`,
    })
  if (!speaking.some((o) => inScope(caller, o, move._tag, ctx))) {
    // The campaign's own bodies act only where it runs; a grassroots body also where the applicant belongs.
    const runnersOnly = speaking.every((o) => ORG_BODIES.includes(o))
    const whose: Text = runnersOnly
      ? { zh: "本批次所属区域的", en: "of this campaign's region" }
      : { zh: "本批次所属区域或申请人所在单位的", en: "of this campaign's region or of the applicant's unit" }
    const who = (lang: "zh" | "en") =>
      speaking.includes("campaign") ? ownerLabel("campaign")[lang] : join(speaking, lang)
    return refuse("out_of_scope", {
      zh: `“${moveLabel.zh}”只能由${runnersOnly && speaking.includes("campaign") ? "" : whose.zh}${who("zh")}办理，不在您的管辖范围内${where.zh}`,
      en: `"${moveLabel.en}" is for ${who("en")}${runnersOnly && speaking.includes("campaign") ? "" : ` ${whose.en}`}; it is outside your scope${where.en}`,
    })
  }
  if (move._tag === "Decide" || move._tag === "OverrideOpinion") {
    const bodies = owners.filter((o): o is Actor => o !== "campaign")
    if (bodies.length > 0 && !bodies.some((b) => decidesAs(b, move.meeting.body)))
      return refuse("wrong_body", {
        zh: `研究决定应由${join(bodies, "zh")}作出，不能记录为${ACTOR_LABELS[move.meeting.body].zh}的决定${where.zh}`,
        en: `the decision is for ${join(bodies, "en")}; it cannot be recorded as one of ${ACTOR_LABELS[move.meeting.body].en}${where.en}`,
      })
  }
  return Either.void
}

/**
 * The moves `caller` may make (for screens offering only those); whether the procedure allows each now is the
 * transition's to say.
 *
 * @since 0.1.0
 * @category rules
 */
export const movesFor = <M extends MoveShape>(
  caller: Caller,
  moves: ReadonlyArray<M>,
  ctx: AuthorityContext,
): ReadonlyArray<M> => moves.filter((m) => Either.isRight(authorise(caller, m, ctx)))

/**
 * The tags of the moves `caller` may make on the application in `ctx` by authority alone: Advance into the next
 * step of the path, a decision as the campaign's deciding body, and every other move. The admin's campaign
 * screen offers only these (the same predicate the services enforce).
 *
 * @since 0.1.0
 * @category rules
 */
export const yourMoves = (
  caller: Caller,
  ctx: AuthorityContext,
  decidingBody: typeof DecidingBody.Type,
): ReadonlyArray<MoveTag> => {
  const state = ctx.application?.state
  const at = ctx.path.steps.findIndex((s) => s.state === state)
  const next = at < 0 ? undefined : ctx.path.steps[at + 1]?.state
  const shapes: ReadonlyArray<MoveShape> = [
    ...(next === undefined ? [] : [{ _tag: "Advance", to: next } as const]),
    { _tag: "Record" },
    { _tag: "Decide", meeting: { body: decidingBody } },
    { _tag: "StartNotice" },
    { _tag: "FileObjection" },
    { _tag: "ResolveObjection" },
    { _tag: "ResolveFinding" },
    { _tag: "OverrideOpinion", meeting: { body: decidingBody } },
    { _tag: "OverrideDeadline" },
    { _tag: "Appoint" },
    { _tag: "ReportIn" },
    { _tag: "Return" },
    { _tag: "Reject" },
    { _tag: "Screen" },
    { _tag: "Waive" },
    { _tag: "Withdraw" },
  ]
  return movesFor(caller, shapes, ctx).map((m) => m._tag)
}
