/**
 * The batch size of a campaign (每批人数): 004 江东 一 "一般每批3人" — a campaign sends 3 cadres; "一般" (generally) lets
 * the org dept send another number with a recorded reason and approver, and the check then shows as waived, never
 * as passed. A size stated without 一般/原则上 admits no waiver; a scheme that states none checks nothing.
 *
 * @since 0.1.0
 */

import type { Scheme } from "../scheme/Scheme.js"
import { type Citation, formatCitation } from "../shared/Citation.js"
import type { LocalDate } from "../shared/LocalDate.js"
import type { Text } from "../shared/Text.js"

/**
 * A recorded reason for a batch of another size, with who approved it and when.
 *
 * @category models
 * @since 0.1.0
 */
export interface BatchWaiver {
  readonly reason: string
  readonly approver: string
  readonly approvedOn: LocalDate
}

/**
 * The outcome of the batch-size check: not stated by the scheme, or checked (pass, fail, waived) with the clause.
 *
 * @category models
 * @since 0.1.0
 */
export type BatchCheck =
  | { readonly _tag: "NotStated"; readonly note?: Text }
  | {
      readonly _tag: "Checked"
      readonly status: "pass" | "fail" | "waived"
      readonly expected: number
      readonly actual: number
      /** 一般 / 原则上: another size may be approved with a reason. */
      readonly waivable: boolean
      readonly waiver?: BatchWaiver
      readonly citation: Citation
      readonly message: Text
    }

/**
 * Check a campaign's number of places against the scheme's batch size, with an optional waiver.
 *
 * @category rules
 * @since 0.1.0
 */
export const checkBatchSize = (
  scheme: Partial<Pick<Scheme, "batchSize">>,
  places: number,
  waiver?: BatchWaiver,
): BatchCheck => {
  const b = scheme.batchSize
  if (b === undefined) return { _tag: "NotStated" }
  if (b._tag === "Unspecified") return { _tag: "NotStated", note: b.note }
  const expected = b.value
  const cite = formatCitation(b.citation)
  const waivable = b.qualifier !== undefined
  const hedge = b.qualifier === "generally" ? "一般" : b.qualifier === "in_principle" ? "原则上" : ""
  const base = { _tag: "Checked" as const, expected, actual: places, waivable, citation: b.citation }
  if (places === expected)
    return {
      ...base,
      status: "pass",
      message: {
        zh: `本批${places}人，符合“${hedge}每批${expected}人”（${cite}）`,
        en: `${places} in this batch, as the scheme sets ${expected} (${cite})`,
      },
    }
  const usable =
    waivable && waiver !== undefined && waiver.reason.trim() !== "" && waiver.approver.trim() !== ""
  if (usable)
    return {
      ...base,
      status: "waived",
      waiver,
      message: {
        zh: `本批${places}人，不同于“${hedge}每批${expected}人”，经${waiver.approver}于${waiver.approvedOn}批准：${waiver.reason}（${cite}）`,
        en: `${places} in this batch instead of ${expected}, approved by ${waiver.approver} on ${waiver.approvedOn}: ${waiver.reason} (${cite})`,
      },
    }
  return {
    ...base,
    status: "fail",
    message: waivable
      ? {
          zh: `本批${places}人，不同于“${hedge}每批${expected}人”：须记录理由和批准人（${cite}）`,
          en: `${places} in this batch instead of ${expected}: a reason and an approver must be recorded (${cite})`,
        }
      : {
          zh: `本批${places}人，不符合“每批${expected}人”，此条不得放宽（${cite}）`,
          en: `${places} in this batch instead of ${expected}; the rule admits no exception (${cite})`,
        },
  }
}
