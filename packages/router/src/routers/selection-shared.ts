import { Selection, type Text } from "@cadre/domain"
import type { ApplicationRecord, ApplicationView, CampaignRecord } from "@cadre/services"
import { Schema } from "effect"
import { Id } from "./shared.js"

/**
 * What the selection routers (campaigns, applications, exports) share: the output shapes of a campaign and an
 * application (personal data masked; the reasons with clauses) and the ids they take.
 */

const encodeApplication = Schema.encodeSync(Selection.Application)

/** What a reason is: a failing rule, a rule awaiting a reviewer, or a body's move (rejection, return, withdrawal). */
export type ReasonKind = "fail" | "review" | "move"

/**
 * The reference number an applicant quotes (报名序号): printed on the 报名表 and shown on the receipt. The first
 * eight characters of the application's id, upper case — unique enough to find it within a campaign, and no
 * personal data.
 */
export const referenceOf = (applicationId: string): string => applicationId.slice(0, 8).toUpperCase()

export const campaignOut = (c: CampaignRecord) => {
  const { counts, ...rest } = c
  return { ...rest, counts }
}

/**
 * Why an application is where it is, for the applicant and the staff: findings and reasons with clauses. `kind`
 * keeps apart what fails (`fail`), what waits for a reviewer (`review`) and what a body decided (`move`), so a
 * screen never lists a pending review as a failure.
 */
export const reasonsOf = (
  a: Selection.Application,
): ReadonlyArray<{ readonly kind: ReasonKind; readonly text: Text; readonly clause: string | null }> => {
  const out: Array<{ kind: ReasonKind; text: Text; clause: string | null }> = []
  if (a.verdict !== undefined)
    for (const f of a.verdict.findings)
      if (f.status === "fail" || f.status === "needs_review")
        out.push({
          kind: f.status === "fail" ? "fail" : "review",
          text: f.message,
          clause: `${f.citation.document} ${f.citation.clause}`,
        })
  const last = [...a.history].reverse().find((h) => ["Reject", "Return", "Withdraw"].includes(h.move._tag))
  if (last !== undefined) {
    const m = last.move
    if (m._tag === "Reject")
      out.push({
        kind: "move",
        text: { zh: `未通过：${m.reason}`, en: `Not selected: ${m.reason}` },
        clause: null,
      })
    if (m._tag === "Return")
      out.push({ kind: "move", text: { zh: `退回：${m.reason}`, en: `Returned: ${m.reason}` }, clause: null })
    if (m._tag === "Withdraw" && m.reason !== undefined)
      out.push({
        kind: "move",
        text: { zh: `本人撤回：${m.reason}`, en: `Withdrawn: ${m.reason}` },
        clause: null,
      })
  }
  return out
}

export const applicationOut = (r: ApplicationRecord) => ({
  id: r.application.id,
  campaignId: r.campaignId,
  regionId: r.regionId,
  regionPath: r.regionPath,
  campaignPath: r.campaignPath,
  personId: r.application.personId,
  state: r.application.state,
  stateLabel: Selection.STATE_LABELS[r.application.state],
  targetRole: r.targetRole,
  version: r.version,
  person: r.person,
  reasons: reasonsOf(r.application),
  application: encodeApplication(r.application),
})

/**
 * An application as its applicant sees it (我的报名): the reference number and the timeline of its stages with the
 * dates they were reached, oldest first.
 */
export const myApplicationOut = (r: ApplicationRecord) => ({
  ...applicationOut(r),
  campaignName: r.campaignName,
  reference: referenceOf(r.application.id),
  timeline: r.application.history.map((h) => ({
    on: h.on,
    state: h.to,
    label: Selection.STATE_LABELS[h.to],
  })),
})

/** A row of a staff list: the application and the moves the caller may make on it (the screen offers only those). */
export const applicationRowOut = (r: ApplicationView) => ({ ...applicationOut(r), yours: r.yours })

export const CampaignId = Id("批次编号 / campaign id")
export const ApplicationId = Id("报名记录编号 / application id")
