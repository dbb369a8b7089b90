import { Selection, type Text } from "@cadre/domain"
import type { ApplicationRecord, ApplicationView, CampaignRecord } from "@cadre/services"
import { Schema } from "effect"
import { Id } from "./shared.js"

/**
 * What the selection routers (campaigns, applications, exports) share: the output shapes of a campaign and an
 * application (personal data masked; the reasons with clauses) and the ids they take.
 */

const encodeApplication = Schema.encodeSync(Selection.Application)

export const campaignOut = (c: CampaignRecord) => {
  const { counts, ...rest } = c
  return { ...rest, counts }
}

/** Why an application is where it is, for the applicant and the staff: findings and reasons with clauses. */
export const reasonsOf = (
  a: Selection.Application,
): ReadonlyArray<{ readonly text: Text; readonly clause: string | null }> => {
  const out: Array<{ text: Text; clause: string | null }> = []
  if (a.verdict !== undefined)
    for (const f of a.verdict.findings)
      if (f.status === "fail" || f.status === "needs_review")
        out.push({ text: f.message, clause: `${f.citation.document} ${f.citation.clause}` })
  const last = [...a.history].reverse().find((h) => ["Reject", "Return", "Withdraw"].includes(h.move._tag))
  if (last !== undefined) {
    const m = last.move
    if (m._tag === "Reject")
      out.push({ text: { zh: `未通过：${m.reason}`, en: `Not selected: ${m.reason}` }, clause: null })
    if (m._tag === "Return")
      out.push({ text: { zh: `退回：${m.reason}`, en: `Returned: ${m.reason}` }, clause: null })
    if (m._tag === "Withdraw" && m.reason !== undefined)
      out.push({ text: { zh: `本人撤回：${m.reason}`, en: `Withdrawn: ${m.reason}` }, clause: null })
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

/** A row of a staff list: the application and the moves the caller may make on it (the screen offers only those). */
export const applicationRowOut = (r: ApplicationView) => ({ ...applicationOut(r), yours: r.yours })

export const CampaignId = Id("批次编号 / campaign id")
export const ApplicationId = Id("报名记录编号 / application id")
