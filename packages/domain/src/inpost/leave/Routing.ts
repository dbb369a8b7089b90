/**
 * Half-day arithmetic and routing by the scheme's leave tiers: how long a request is, which tier takes it, and
 * why, in both languages.
 *
 * @since 0.1.0
 */

import { Either } from "effect"
import type { LeaveFiling, LeaveTier, Scheme } from "../../scheme/Scheme.js"
import type { Param } from "../../shared/Cited.js"
import type { LocalDate } from "../../shared/LocalDate.js"
import type { Text } from "../../shared/Text.js"
import { ACTOR_LABELS } from "../Actors.js"
import { daysBetween } from "../Dates.js"
import type { LeaveIllegalReason, LeaveRoute } from "./Model.js"

const t = (zh: string, en: string): Text => ({ zh, en })

/**
 * "3.5" for 7 half-days.
 *
 * @category utils
 * @since 0.1.0
 */
export const formatHalfDays = (halfDays: number): string =>
  halfDays % 2 === 0 ? String(halfDays / 2) : `${(halfDays - 1) / 2}.5`

/**
 * Half-days from `from` to `to` inclusive, less the morning of the first and the afternoon of the last if so.
 *
 * @category getters
 * @since 0.1.0
 */
export const halfDaysOf = (input: {
  readonly from: LocalDate
  readonly to: LocalDate
  readonly startsAfternoon?: boolean
  readonly endsMorning?: boolean
}): number =>
  2 * (daysBetween(input.from, input.to) + 1) -
  (input.startsAfternoon === true ? 1 : 0) -
  (input.endsMorning === true ? 1 : 0)

/**
 * The tier a request of `halfDays` falls in: the tightest bounded tier it fits (≤ 2 × upToDays half-days),
 * else the open-ended tier. Left when the scheme sets no tiers or the request exceeds every bounded one.
 *
 * @category rules
 * @since 0.1.0
 */
export const routeLeave = (
  leave: Scheme["leave"],
  halfDays: number,
): Either.Either<LeaveRoute, { readonly reason: LeaveIllegalReason; readonly detail: Text }> => {
  if (leave._tag === "Unspecified")
    return Either.left({
      reason: "no_tiers",
      detail: t(
        `方案未规定请假审批层级（${leave.note.zh}）`,
        `the scheme sets no leave approval tiers (${leave.note.en})`,
      ),
    })
  const tiers: ReadonlyArray<LeaveTier> = leave.value
  const bounded = tiers
    .filter((x): x is LeaveTier & { upToDays: number } => x.upToDays !== undefined)
    .sort((a, b) => a.upToDays - b.upToDays)
  const fit = bounded.find((x) => halfDays <= 2 * x.upToDays) ?? tiers.find((x) => x.upToDays === undefined)
  if (fit === undefined)
    return Either.left({
      reason: "beyond_tiers",
      detail: t(
        `请假 ${formatHalfDays(halfDays)} 天超过方案规定的最长 ${bounded[bounded.length - 1]?.upToDays} 天`,
        `${formatHalfDays(halfDays)} days exceed the longest tier of ${bounded[bounded.length - 1]?.upToDays} days`,
      ),
    })
  return Either.right({
    approver: fit.approver,
    ...(fit.fileWith === undefined ? {} : { fileWith: fit.fileWith }),
    ...(fit.upToDays === undefined ? {} : { upToDays: fit.upToDays }),
    citation: leave.citation,
  })
}

/**
 * What the scheme's filing rule (备案) asks of a request of `halfDays`: `due` at or above its number of days ("N天以上"
 * includes N), `undetermined` when the scheme records the clause without the number (004 安丘 强化考核激励), undefined
 * when there is no rule or the request is shorter.
 *
 * @category rules
 * @since 0.1.0
 */
export const leaveFilingFor = (
  filing: Param<LeaveFiling> | undefined,
  halfDays: number,
): LeaveRoute["filing"] => {
  if (filing === undefined || filing._tag === "Unspecified") return undefined
  const { fromDays, fileWith } = filing.value
  if (fromDays._tag === "Unspecified")
    return { status: "undetermined", fileWith, note: fromDays.note, citation: filing.citation }
  return halfDays >= 2 * fromDays.value
    ? { status: "due", fileWith, fromDays: fromDays.value, citation: fromDays.citation }
    : undefined
}

/**
 * Why the request went where it did, in both languages (shown to the cadre and the approver).
 *
 * @category utils
 * @since 0.1.0
 */
export const explainRoute = (r: LeaveRoute, halfDays: number): Text => {
  const days = formatHalfDays(halfDays)
  const who = ACTOR_LABELS[r.approver]
  const clause = `${r.citation.document} ${r.citation.clause}`
  const base =
    r.upToDays !== undefined
      ? t(
          `请假 ${days} 天，不超过 ${r.upToDays} 天，由${who.zh}审批（${clause}）`,
          `${days} days, within ${r.upToDays}: approved by ${who.en} (${clause})`,
        )
      : t(`请假 ${days} 天，由${who.zh}审批（${clause}）`, `${days} days: approved by ${who.en} (${clause})`)
  const f = r.filing
  if (f === undefined) return base
  const to = ACTOR_LABELS[f.fileWith]
  const fc = `${f.citation.document} ${f.citation.clause}`
  const more =
    f.status === "due"
      ? t(
          `；${f.fromDays ?? ""}天以上，报${to.zh}备案（${fc}）`,
          `; ${f.fromDays ?? ""} days or more: filed with ${to.en} (${fc})`,
        )
      : t(
          `；是否报${to.zh}备案：文件未规定天数（${f.note?.zh ?? ""}），由审批人按本地规定判断（${fc}）`,
          `; filing with ${to.en}: the document gives no number of days (${f.note?.en ?? ""}), the approver decides (${fc})`,
        )
  return { zh: base.zh + more.zh, en: base.en + more.en }
}
