import { type ErrorDetails, errorDetails, TRPCClientError } from "@cadre/client"
import { commonEn, commonZhCN } from "../i18n/common.js"
import type { Language } from "../i18n/languages.js"

/** Bilingual text as the API sends it. */
export interface Bilingual {
  readonly zh: string
  readonly en: string
}

/** A failed call the server explained: its tag, both languages, the fields it names and the request id. */
export interface ApiProblem extends ErrorDetails {
  readonly kind: "api"
}

/**
 * What went wrong, for people: the server's explanation in both languages (so the text follows the language
 * switch), or "cannot reach the service", or something else that failed on this side.
 */
export type Problem =
  | ApiProblem
  | { readonly kind: "network" }
  | { readonly kind: "unknown"; readonly message: string }

/** Classify anything a call threw. */
export const problemOf = (error: unknown): Problem => {
  const details = errorDetails(error)
  if (details !== undefined) return { kind: "api", ...details }
  // A tRPC error without the server's explanation: the request never reached the API (or a proxy answered).
  if (error instanceof TRPCClientError) return { kind: "network" }
  const message = error instanceof Error ? error.message : String(error)
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError || /fetch|network/i.test(message)) return { kind: "network" }
  return { kind: "unknown", message }
}

/** The server's tag ("StaleVersion", "InvalidInput", …), or "Network" / "Unknown" for failures on this side. */
export const problemTag = (problem: Problem): string =>
  problem.kind === "api" ? problem.tag : problem.kind === "network" ? "Network" : "Unknown"

/** True for a refusal because the row changed since it was read: the user should reload. */
export const isStale = (problem: Problem | null | undefined): boolean =>
  problem?.kind === "api" && problem.tag === "StaleVersion"

/**
 * True for a defect on the server (a 500): the only case where people are shown the request id, to quote it
 * when they report the problem.
 */
export const isInternal = (problem: Problem): boolean =>
  problem.kind === "api" && (problem.tag === "Internal" || problem.code === "INTERNAL_SERVER_ERROR")

/** True when the server says the session is missing or over. */
export const isUnauthenticated = (error: unknown): boolean => errorDetails(error)?.code === "UNAUTHORIZED"

/** The kernel's language code ("zh" | "en") for a UI language. */
export const langOf = (language: Language): "zh" | "en" => (language === "en" ? "en" : "zh")

/** Pick the user's language out of a bilingual text. */
export const pick = (text: Bilingual, language: string): string => (language === "en" ? text.en : text.zh)

/**
 * The problem in `language`: the server's own words, except for a stale version (the user needs to know what to
 * do about it) and failures on this side, which get the plain texts of the `common` messages (`problem.*`).
 */
export const problemText = (problem: Problem, language: Language): string => {
  const texts = (language === "en" ? commonEn : commonZhCN).problem
  if (problem.kind === "network") return texts.network
  if (problem.kind === "unknown") return texts.unknown
  if (problem.tag === "StaleVersion") return texts.stale
  return pick(problem.message, language)
}

/** Maps a server issue path (e.g. `["profile", "idNumber"]`) to a field of a form; undefined: not one of its fields. */
export type FieldOf = (path: ReadonlyArray<PropertyKey>) => string | undefined

/** An issue the server tied to a field of the form. */
export interface FieldIssue {
  readonly field: string
  readonly message: Bilingual
}

/** An issue the server named that no field of the form shows. */
export interface UnplacedIssue {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: Bilingual
}

/** The issues of a problem (none for a failure on this side), or of the server's explanation itself. */
const issuesOf = (source: Problem | ErrorDetails): ErrorDetails["issues"] =>
  "issues" in source ? source.issues : []

/**
 * Field-level issues keyed by form field name. The "字段（path）：" prefix is dropped: the message is shown under
 * the field already named by its label. An issue whose path is no field of the form is left out (see
 * {@link unplacedIssues}).
 */
export const fieldIssues = (source: Problem | ErrorDetails, fieldOf: FieldOf): ReadonlyArray<FieldIssue> =>
  issuesOf(source).flatMap((issue) => {
    const field = fieldOf(issue.path)
    if (field === undefined) return []
    return [{ field, message: { zh: stripField(issue.message.zh), en: stripField(issue.message.en) } }]
  })

/** The issues {@link fieldIssues} could not place at a field of the form, as the server wrote them. */
export const unplacedIssues = (
  source: Problem | ErrorDetails,
  fieldOf: FieldOf,
): ReadonlyArray<UnplacedIssue> =>
  issuesOf(source)
    .filter((issue) => fieldOf(issue.path) === undefined)
    .map((issue) => ({ path: issue.path, message: issue.message }))

/** "身份证号（profile.idNumber）：校验位不正确" → "校验位不正确"; "ID number (profile.idNumber): x" → "x". */
export const stripField = (message: string): string =>
  message.replace(/^[^：]*（[^）]*）：/, "").replace(/^[^:]*\([^)]*\): /, "")
