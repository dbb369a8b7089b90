/**
 * How a scheme counts the days of leave (issue 13, "dates bite"): one stated rule for the leave's own length (which
 * routes it to an approver) and for a late return alike. 天 as the seeds write it ("请假在3天以下", 晋城 管理考核
 * 一是) is calendar days; a district may state working days (工作日). Absent: calendar days.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"

/**
 * Calendar days (天) or working days (工作日, on the national calendar with the region's adjustments).
 *
 * @category schemas
 * @since 0.1.0
 */
export const LeaveDayCount = Schema.Literal("calendar", "working").annotations({
  identifier: "LeaveDayCount",
  title: "请假天数计算（自然日 / 工作日） / leave day count",
})
/**
 * The decoded value of the {@link LeaveDayCount} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type LeaveDayCount = typeof LeaveDayCount.Type
