import { type FieldIssue, type FieldOf, fieldIssues, type Language, pick, type Problem } from "@cadre/ui"
import type { FormInstance } from "antd"

/**
 * Puts the server's refusal at the fields it names (issue 16: refusals at their fields, in the clerk's language)
 * and answers what is left for above the form: the problem itself when no field took it, else null. `also` adds
 * issues a form knows how to place although the server sent them without a path.
 */
export const placeServerIssues = <V>(
  form: FormInstance<V>,
  problem: Problem,
  fieldOf: FieldOf,
  language: Language,
  also: ReadonlyArray<FieldIssue> = [],
): Problem | null => {
  const placed = [...fieldIssues(problem, fieldOf), ...also]
  form.setFields(placed.map((i) => ({ name: i.field as never, errors: [pick(i.message, language)] })))
  return placed.length === 0 ? problem : null
}
