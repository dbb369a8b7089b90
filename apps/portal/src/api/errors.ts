import { type ErrorDetails, errorDetails } from "@cadre/client"

/** Bilingual text as the API sends it. */
export interface Bilingual {
  readonly zh: string
  readonly en: string
}

/** What the pages show for a failed call: the server's explanation in both languages, or a local fallback. */
export type Problem =
  | { readonly kind: "api"; readonly details: ErrorDetails }
  | { readonly kind: "network" }
  | { readonly kind: "unknown"; readonly message: string }

/** Classify anything a call threw. */
export const problemOf = (error: unknown): Problem => {
  const details = errorDetails(error)
  if (details !== undefined) return { kind: "api", details }
  const message = error instanceof Error ? error.message : String(error)
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError || /fetch|network/i.test(message)) return { kind: "network" }
  return { kind: "unknown", message }
}

/** Pick the user's language out of a bilingual text. */
export const pick = (text: Bilingual, language: string): string => (language === "en" ? text.en : text.zh)

/**
 * Field-level issues keyed by form field name. `fieldOf` maps the server's path (e.g. `["profile", "idNumber"]`)
 * to a field of the form, or undefined when the form has no such field (the issue then stays in the summary).
 * The "字段（path）：" prefix is dropped: the message is shown under the field already named by its label.
 */
export const fieldIssues = (
  details: ErrorDetails,
  fieldOf: (path: ReadonlyArray<PropertyKey>) => string | undefined,
): ReadonlyArray<{ readonly field: string; readonly message: Bilingual }> =>
  details.issues.flatMap((issue) => {
    const field = fieldOf(issue.path)
    if (field === undefined) return []
    return [{ field, message: { zh: stripField(issue.message.zh), en: stripField(issue.message.en) } }]
  })

/** "身份证号（profile.idNumber）：校验位不正确" → "校验位不正确"; "ID number (profile.idNumber): x" → "x". */
export const stripField = (message: string): string =>
  message.replace(/^[^：]*（[^）]*）：/, "").replace(/^[^:]*\([^)]*\): /, "")
