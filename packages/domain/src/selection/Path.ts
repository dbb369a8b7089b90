/**
 * The path an application takes under one scheme version: the procedure states the scheme switches on, in order,
 * each citing the scheme stages that switch it on. Derived, never stored: the campaign keeps its scheme version,
 * and the path follows from it.
 *
 * ## Stage → state mapping (scheme-independent)
 * Scheme stages are matched by their id (stable snake_case keys), then by their actor:
 *
 * | stage id (or actor)                                          | state                          |
 * | ------------------------------------------------------------ | ------------------------------ |
 * | apply, register, recommend, unit_recommend, nominate, mobilise (actor applicant) | submitted (entry)  |
 * | qualification_review, qualification                          | qualification_review           |
 * | joint_review (actor joint_review)                            | joint_review                   |
 * | inspect, inspection                                          | inspection                     |
 * | interview                                                    | interview                      |
 * | shortlist, or any stage with a `shortlistRatio`              | shortlisted                    |
 * | decide, decision, approve, selection (actor org_dept_meeting, standing_committee) | decided    |
 * | public_notice, notice, publish, or a stage whose label names 公示 | public_notice             |
 * | appoint, placement                                           | appointed                      |
 * | report_in, report_to_street                                  | reported_in                    |
 * | announce, deploy, submit_forms, report, host_proposal, district_filing, archive | the campaign as a whole |
 *
 * `draft`, `submitted`, `screened` (the kernel's verdict), `decided` and `appointed` are on every path.
 * The public notice sits after the decision (任前公示) unless the scheme's notice stage comes before its decision
 * stage: then the notice keeps its place in the scheme's order, after screening and before the first step a later
 * stage switches on (001: the community publicises its nominees, 四（二）1, before the street's joint review and
 * inspection, 四（二）2, and the street's meeting decides, 四（二）3 — issue 20: it used to run just before the
 * decision, after the inspection).
 *
 * @since 0.1.0
 */

import type { Actor, Channel, Scheme, Stage } from "../scheme/Scheme.js"
import type { Citation } from "../shared/Citation.js"
import type { Cited, Param } from "../shared/Cited.js"
import type { Text } from "../shared/Text.js"
import { PROCEDURE, type ProcedureState, type State } from "./State.js"

/**
 * A scheme stage as a path step cites it.
 *
 * @category models
 * @since 0.1.0
 */
export interface StageRef {
  readonly id: string
  readonly label: Text
  readonly actor: Actor
  readonly citation: Citation
  /** A joint-review stage's departments, each of whose opinion it needs (001 四（二）2). */
  readonly departments?: ReadonlyArray<string>
}

/**
 * One step of a path: the state and the scheme stages that switch it on.
 *
 * @category models
 * @since 0.1.0
 */
export interface PathStep {
  readonly state: ProcedureState
  /** Scheme stages that switch this step on; empty for a step on every path that no stage names. */
  readonly stages: ReadonlyArray<StageRef>
}

/**
 * The path an application follows under one scheme version: its steps in order.
 *
 * @category models
 * @since 0.1.0
 */
export interface Path {
  readonly schemeId: string
  readonly schemeVersion: number
  readonly steps: ReadonlyArray<PathStep>
  /** The scheme's channels of entry (a campaign opens some of them). */
  readonly channels: Param<ReadonlyArray<Channel>>
  /** Candidates per place at the shortlist step (004 Anqiu 1:2), when the scheme states one. */
  readonly shortlistRatio: Cited<{ readonly candidates: number; readonly places: number }> | undefined
  /** Stages that concern the campaign as a whole (announcement, deployment, filing), not one application. */
  readonly campaignStages: ReadonlyArray<StageRef>
  /** Stages the mapping does not recognise: shown to the admin, not silently dropped. */
  readonly unmapped: ReadonlyArray<StageRef>
}

type Mapped = ReadonlyArray<ProcedureState> | "campaign" | "unmapped"

const BY_ID: Readonly<Record<string, ProcedureState | "campaign">> = {
  apply: "submitted",
  register: "submitted",
  recommend: "submitted",
  unit_recommend: "submitted",
  nominate: "submitted",
  mobilise: "submitted",
  qualification_review: "qualification_review",
  qualification: "qualification_review",
  joint_review: "joint_review",
  inspect: "inspection",
  inspection: "inspection",
  interview: "interview",
  shortlist: "shortlisted",
  decide: "decided",
  decision: "decided",
  approve: "decided",
  selection: "decided",
  public_notice: "public_notice",
  notice: "public_notice",
  publish: "public_notice",
  appoint: "appointed",
  placement: "appointed",
  report_in: "reported_in",
  report_to_street: "reported_in",
  announce: "campaign",
  deploy: "campaign",
  submit_forms: "campaign",
  report: "campaign",
  host_proposal: "campaign",
  district_filing: "campaign",
  archive: "campaign",
}

const BY_ACTOR: Partial<Readonly<Record<Actor, ProcedureState>>> = {
  applicant: "submitted",
  joint_review: "joint_review",
  org_dept_meeting: "decided",
  standing_committee: "decided",
}

/**
 * The states one scheme stage switches on (see the table above).
 *
 * @category getters
 * @since 0.1.0
 */
export const stageStates = (stage: Stage): Mapped => {
  const out = new Set<ProcedureState>()
  const byId = BY_ID[stage.id]
  if (byId === "campaign") return "campaign"
  const base = byId ?? BY_ACTOR[stage.actor]
  if (base !== undefined) out.add(base)
  if (stage.shortlistRatio !== undefined) out.add("shortlisted")
  if (stage.label.zh.includes("公示")) out.add("public_notice")
  return out.size === 0 ? "unmapped" : PROCEDURE.filter((s) => out.has(s))
}

const ALWAYS: ReadonlyArray<ProcedureState> = ["draft", "submitted", "screened", "decided", "appointed"]

const refOf = (s: Stage): StageRef => ({
  id: s.id,
  label: s.label,
  actor: s.actor,
  citation: s.citation,
  ...(s.departments === undefined ? {} : { departments: s.departments }),
})

/**
 * The path of a scheme version (see the mapping above).
 *
 * @category rules
 * @since 0.1.0
 */
export const derivePath = (scheme: Scheme): Path => {
  const cites = new Map<ProcedureState, Array<StageRef>>()
  const firstIndex = new Map<ProcedureState, number>()
  const campaignStages: Array<StageRef> = []
  const unmapped: Array<StageRef> = []
  let shortlistRatio: Path["shortlistRatio"]
  scheme.stages.forEach((stage, i) => {
    const m = stageStates(stage)
    if (m === "campaign") campaignStages.push(refOf(stage))
    else if (m === "unmapped") unmapped.push(refOf(stage))
    else
      for (const st of m) {
        cites.set(st, [...(cites.get(st) ?? []), refOf(stage)])
        if (!firstIndex.has(st)) firstIndex.set(st, i)
      }
    if (shortlistRatio === undefined && stage.shortlistRatio?._tag === "Cited")
      shortlistRatio = stage.shortlistRatio
  })
  const on = new Set<ProcedureState>([...ALWAYS, ...cites.keys()])
  const noticeAt = firstIndex.get("public_notice")
  const decideAt = firstIndex.get("decided")
  const noticeFirst = noticeAt !== undefined && decideAt !== undefined && noticeAt < decideAt
  const order: Array<ProcedureState> = PROCEDURE.filter((s) => on.has(s) && s !== "public_notice")
  if (on.has("public_notice")) {
    // Before the decision, the notice keeps its place among the scheme's stages: it goes before the first step
    // after screening that a later stage switches on (001: the community's notice, 四（二）1, comes before the
    // street's joint review and inspection, 四（二）2), at the latest just before the decision.
    const after = order.indexOf("screened") + 1
    const later = order.findIndex(
      (st, i) => i >= after && (st === "decided" || (firstIndex.get(st) ?? -1) > (noticeAt ?? 0)),
    )
    order.splice(noticeFirst ? later : order.indexOf("decided") + 1, 0, "public_notice")
  }
  return {
    schemeId: scheme.id,
    schemeVersion: scheme.version,
    steps: order.map((state) => ({ state, stages: cites.get(state) ?? [] })),
    channels: scheme.channels,
    shortlistRatio,
    campaignStages,
    unmapped,
  }
}

/**
 * Position of a state on the path, or -1 when the path does not include it (or it is terminal).
 *
 * @category getters
 * @since 0.1.0
 */
export const stepIndex = (path: Path, state: State): number => path.steps.findIndex((s) => s.state === state)

/**
 * The step after `state`, if any.
 *
 * @category rules
 * @since 0.1.0
 */
export const nextStep = (path: Path, state: State): ProcedureState | undefined => {
  const i = stepIndex(path, state)
  return i < 0 ? undefined : path.steps[i + 1]?.state
}

/**
 * Whether the path includes the state.
 *
 * @category predicates
 * @since 0.1.0
 */
export const hasStep = (path: Path, state: State): boolean => stepIndex(path, state) >= 0

/**
 * Whether the path runs its public notice before the decision (001) rather than after it.
 *
 * @category predicates
 * @since 0.1.0
 */
export const noticeBeforeDecision = (path: Path): boolean =>
  hasStep(path, "public_notice") && stepIndex(path, "public_notice") < stepIndex(path, "decided")
