/**
 * What the selection state machine works with: the context a move is checked against, the error it refuses a move
 * with, a fresh application, and the campaign counts it checks (the shortlist limit, the tally of appointed and
 * shortlisted applications). Re-exported by selection/Transition.ts.
 *
 * @since 0.1.0
 */

import type { Role } from "../../access/Access.js"
import type { CalendarYearUnknown, WorkCalendar } from "../../calendar/WorkCalendar.js"
import type { PersonId } from "../../person/Profile.js"
import type { LocalDate } from "../../shared/LocalDate.js"
import type { FindingsUnresolved } from "../Findings.js"
import type { IllegalMove } from "../IllegalMove.js"
import type { Application, Campaign } from "../Model.js"
import { type Path, stepIndex } from "../Path.js"
import type { StageDeadline } from "./Deadlines.js"

/**
 * What a move is checked against: the path, the campaign, the date, the caller and the calendar.
 *
 * @category models
 * @since 0.1.0
 */
export interface TransitionContext {
  readonly path: Path
  readonly campaign: Campaign
  readonly calendar: WorkCalendar
  /** Today, as the caller's clock says. */
  readonly on: LocalDate
  readonly by: { readonly accountId: string; readonly role: Role }
  /**
   * The campaign's timetable (Schedule entries): a move performing a stage outside its dates is refused unless
   * overridden (issue 13, "dates bite"). Absent, no deadline is checked.
   */
  readonly deadlines?: ReadonlyArray<StageDeadline> | undefined
}

/**
 * Why {@link transition} refuses a move: an illegal move, a decision while findings still need review (issue 13),
 * or a calendar year it does not know.
 *
 * @category errors
 * @since 0.1.0
 */
export type TransitionError = IllegalMove | FindingsUnresolved | CalendarYearUnknown

/**
 * A fresh application in `draft`, bound to the campaign's scheme version for its whole life.
 *
 * @category constructors
 * @since 0.1.0
 */
export const newApplication = (input: {
  readonly id: string
  readonly personId: PersonId
  readonly campaign: Campaign
}): Application => ({
  id: input.id,
  campaignId: input.campaign.id,
  personId: input.personId,
  schemeId: input.campaign.schemeId,
  schemeVersion: input.campaign.schemeVersion,
  state: "draft",
  records: {},
  history: [],
})

/**
 * The most candidates the shortlist may hold: floor(places × candidates ÷ ratio places); unlimited without a ratio.
 *
 * @category getters
 * @since 0.1.0
 */
export const shortlistLimit = (path: Path, places: number): number => {
  const r = path.shortlistRatio
  return r === undefined
    ? Number.POSITIVE_INFINITY
    : Math.floor((places * r.value.candidates) / r.value.places)
}

/**
 * Counts a campaign's applications for `Campaign.appointed` / `Campaign.shortlisted`. Each entry is one application,
 * or `count` of them in that state (what storage keeps per campaign and state, so a write need not read them all).
 *
 * @category utils
 * @since 0.1.0
 */
export const tally = (
  path: Path,
  applications: ReadonlyArray<Pick<Application, "state"> & { readonly count?: number }>,
): { readonly appointed: number; readonly shortlisted: number } => {
  const at = stepIndex(path, "shortlisted")
  let appointed = 0
  let shortlisted = 0
  for (const a of applications) {
    const n = a.count ?? 1
    if (a.state === "appointed" || a.state === "reported_in") appointed += n
    if (at >= 0 && stepIndex(path, a.state) >= at) shortlisted += n
  }
  return { appointed, shortlisted }
}
