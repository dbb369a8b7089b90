import { type Bilingual, type Problem, stripField } from "@cadre/ui"
import type { tasksZh } from "./messages"

/**
 * The review-task forms without React (issue 16): what each dialog sends, what it checks before sending, and where
 * the server's refusal goes — at the field it is about, in plain words (never an account id, a code or a path).
 */

/** The longest 转办理由 the server takes (router tasks.transfer: maxLength 500 of the trimmed text). */
export const REASON_MAX = 500

/** A 转办理由's length as the server counts it (the trimmed text, UTF-16 units as `maxLength` does). */
export const reasonLength = (reason: string | undefined): number => (reason ?? "").trim().length

/** Why a 转办理由 cannot be sent: missing, too long (never cut to fit), or null when it can. */
export const reasonProblem = (reason: string | undefined): "required" | "tooLong" | null => {
  const n = reasonLength(reason)
  return n === 0 ? "required" : n > REASON_MAX ? "tooLong" : null
}

/** True when a due date (YYYY-MM-DD) lies before today as the server counts it (ISO dates compare as text). */
export const dueBeforeToday = (dueOn: string | undefined, today: string): boolean =>
  dueOn !== undefined && dueOn !== "" && dueOn < today

/** Steps that take no task: the application is closed (or not yet sent). */
const NO_TASK = new Set(["draft", "withdrawn", "rejected", "reported_in"])

/** Whether an application at `state` takes a review task (router tasks.assign refuses the others). */
export const takesTask = (state: string): boolean => !NO_TASK.has(state)

/** What tasks.transfer is sent: the task at the version the list showed, the reviewer, the reason trimmed. */
export const transferInput = (
  task: { readonly id: string; readonly version: number },
  values: { readonly to: string; readonly reason: string },
) => ({ taskId: task.id, expectedVersion: task.version, to: values.to, reason: values.reason.trim() })

/** What tasks.assign is sent: the application, the reviewer, the due date only when one was chosen. */
export const assignInput = (
  applicationId: string,
  values: { readonly assignee: string; readonly dueOn?: string | undefined | null },
) => ({
  applicationId,
  assignee: values.assignee,
  ...(values.dueOn === undefined || values.dueOn === null || values.dueOn === ""
    ? {}
    : { dueOn: values.dueOn }),
})

type RefusalKey = keyof (typeof tasksZh)["refusals"]

/** One refusal placed: at a field of the form (or the form as a whole: `field` null), as a message key or text. */
export interface PlacedRefusal {
  readonly field: string | null
  readonly key?: RefusalKey
  readonly text?: Bilingual
}

/** The server's rule codes (data.reason) for a chosen reviewer who may not take the task. */
const ABOUT_ASSIGNEE: Readonly<Record<string, RefusalKey>> = {
  out_of_scope: "outOfScope",
  assignee_out_of_scope: "outOfScope",
  same_assignee: "sameAssignee",
}
const ABOUT_FORM: Readonly<Record<string, RefusalKey>> = {
  closed: "closed",
  already_assigned: "alreadyAssigned",
  application_closed: "applicationClosed",
}

/**
 * Where a refusal of a task move goes. `fields` maps the server's input names to the form's (`to`/`assignee` →
 * the picker, `reason`, `dueOn`). A refusal the form can say in its own words (the reviewer out of scope, a stale
 * version) uses those; an input issue keeps the server's bilingual words without the field's name; anything else is
 * the server's message for the whole form (null: a failure this side explains itself — network, unknown).
 */
export const placeRefusal = (
  problem: Problem,
  fields: Readonly<Record<string, string>>,
): ReadonlyArray<PlacedRefusal> => {
  if (problem.kind !== "api") return [{ field: null }]
  const reason = problem.reason ?? ""
  const assigneeField = fields.to ?? fields.assignee ?? null
  const about = ABOUT_ASSIGNEE[reason]
  if (about !== undefined) return [{ field: assigneeField, key: about }]
  if (reason === "reason_missing") return [{ field: fields.reason ?? null, key: "reasonMissing" }]
  const whole = ABOUT_FORM[reason]
  if (whole !== undefined) return [{ field: null, key: whole }]
  if (problem.tag === "StaleVersion") return [{ field: null, key: "stale" }]
  const placed = problem.issues.flatMap((issue): ReadonlyArray<PlacedRefusal> => {
    const name = String(issue.path[0] ?? "")
    const field = fields[name]
    return field === undefined
      ? []
      : [{ field, text: { zh: stripField(issue.message.zh), en: stripField(issue.message.en) } }]
  })
  return placed.length > 0 ? placed : [{ field: null, text: problem.message }]
}
