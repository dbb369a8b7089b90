/**
 * Who a fact on a case comes from (issue 13, "facts carry their source").
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Text } from "./Text.js"

/**
 * Who a fact on a case comes from: the applicant's own word (a claim), a reviewer, staff of the org dept, a
 * department's joint-review opinion, or an imported record.
 *
 * @category schemas
 * @since 0.1.0
 */
export const FactSource = Schema.Literal(
  "applicant",
  "reviewer",
  "staff",
  "joint_review",
  "imported",
).annotations({
  identifier: "FactSource",
  title: "来源 / source",
})
/**
 * The decoded value of the {@link FactSource} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type FactSource = typeof FactSource.Type

/**
 * How each source reads in an explanation ("recorded by staff").
 *
 * @category constants
 * @since 0.1.0
 */
export const FACT_SOURCE_LABELS: Readonly<Record<FactSource, Text>> = {
  applicant: { zh: "本人申报", en: "declared by the applicant" },
  reviewer: { zh: "审核人员确认", en: "confirmed by a reviewer" },
  staff: { zh: "工作人员登记", en: "recorded by staff" },
  joint_review: { zh: "联审部门意见", en: "reported in a joint-review opinion" },
  imported: { zh: "导入记录", en: "imported record" },
}
