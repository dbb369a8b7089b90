import { type LocalDate, type Scheme, Selection, SelfCheck, type Text } from "@cadre/domain"
import type { PublicCampaign } from "@cadre/services"
import { Either } from "effect"

/**
 * The public face of a campaign (the portal's pages for visitors without an account): built only from what
 * `CampaignService.publicList` / `publicGet` decided is public, field by field — never a spread of the record, so
 * no account id, application count or code slips out. Regions by name; programmes by the scheme's name; every
 * condition as the kernel's own rule text with its document and clause.
 */

const clauseOut = SelfCheck.publicClause

type Entry = Selection.ScheduleEntry

const scheduleOf = (p: PublicCampaign): ReadonlyArray<Entry> => {
  const s = Selection.scheduleOf(p.scheme, {
    startYear: p.campaign.startYear,
    overrides: p.campaign.scheduleOverrides as Readonly<Record<string, LocalDate.LocalDate>>,
  })
  // The campaign's overrides were checked against its scheme when set: a Left cannot occur for a stored campaign.
  return Either.isRight(s) ? s.right.entries : []
}

const entryOut = (scheme: Scheme.Scheme, e: Entry) => ({
  stageId: e.stageId,
  label: e.label,
  date: e.date ?? null,
  opens: e.opens ?? null,
  citation: clauseOut(scheme, e.citation),
  note: e.note ?? null,
})

/**
 * The application deadline: the timetable entry of the stages the scheme's path puts at submission (报名, 推荐 …)
 * that falls last, or null when the scheme names no such stage.
 */
const deadlineOf = (p: PublicCampaign, entries: ReadonlyArray<Entry>) => {
  const submitted = Selection.derivePath(p.scheme).steps.find((s) => s.state === "submitted")
  const ids = new Set((submitted?.stages ?? []).map((s) => s.id))
  const at = entries.filter((x) => ids.has(x.stageId))
  // The last dated one (000: 宣传发动、本人报名 has no date; 推荐报送 is by 18 December), else the first undated.
  const e = at.filter((x) => x.date !== undefined).at(-1) ?? at[0]
  return e === undefined ? null : entryOut(p.scheme, e)
}

/** One line of the public list. */
export const publicSummary = (p: PublicCampaign) => {
  const entries = scheduleOf(p)
  return {
    id: p.campaign.id,
    name: p.campaign.name,
    region: p.regionNames.at(-1) ?? null,
    regionNames: p.regionNames,
    programme: p.scheme.name as Text,
    places: p.campaign.places,
    deadline: deadlineOf(p, entries),
  }
}

/**
 * The self-check's answer: the kernel's own (SelfCheck.selfCheck, the same function the portal runs in the browser
 * over `screen`), with the campaign it was checked against.
 */
export const selfCheckOut = (p: PublicCampaign, answers: SelfCheck.SelfCheckAnswers) => ({
  id: p.campaign.id,
  name: p.campaign.name,
  referenceDate: p.campaign.referenceDate,
  ...SelfCheck.selfCheck(p.scheme, answers, p.campaign.referenceDate as LocalDate.LocalDate),
})

/** The public page of one campaign: every condition, the timetable and the documents. */
export const publicDetail = (p: PublicCampaign) => {
  const entries = scheduleOf(p)
  const rule = (kind: "rule" | "exclusion") => (r: Scheme.Scheme["eligibility"]["rules"][number]) => ({
    id: r.id,
    kind,
    text: r.label,
    waivable: r.waivable,
    citation: clauseOut(p.scheme, r.citation),
  })
  return {
    ...publicSummary(p),
    referenceDate: p.campaign.referenceDate,
    noticeDays: p.campaign.noticeDays,
    conditions: [
      ...p.scheme.eligibility.rules.map(rule("rule")),
      ...p.scheme.eligibility.exclusions.map(rule("exclusion")),
    ],
    timetable: entries.map((e) => entryOut(p.scheme, e)),
    selfCheck: SelfCheck.selfCheckQuestions(p.scheme),
    /**
     * The rules as data (the scheme's eligibility part and its documents, encoded), for the portal to run the
     * kernel's verdict in the browser as the visitor answers; `publicCheck` answers the same from the server.
     */
    screen: SelfCheck.publicScreenOf(p.scheme),
    documents: p.scheme.sources.map((s) => ({
      title: s.title,
      issuer: s.issuer ?? null,
      number: s.number ?? null,
      issuedOn: s.issuedOn ?? null,
    })),
  }
}
