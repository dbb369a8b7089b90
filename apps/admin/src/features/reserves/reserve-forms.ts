import type { RouterInputs, RouterOutputs } from "@cadre/client"
import type { FieldIssue, Problem } from "@cadre/ui"

/** What the reserve dialogs share: the input shapes from their forms, the rules, where the server's refusals go. */

export type ReserveRow = RouterOutputs["reserves"]["list"]["items"][number]
export type PoolScheme = RouterOutputs["reserves"]["schemes"]["schemes"][number]
export type ReserveSource = RouterInputs["reserves"]["enter"]["source"]
type EnterInput = RouterInputs["reserves"]["enter"]
type ReviewInput = RouterInputs["pool"]["review"]

/** A scheme version as one choice: "schemeId@version". */
export const schemeKey = (s: { readonly schemeId: string; readonly version: number }): string =>
  `${s.schemeId}@${s.version}`

export const parseSchemeKey = (key: string): { readonly schemeId: string; readonly version: number } => {
  const at = key.lastIndexOf("@")
  return { schemeId: key.slice(0, at), version: Number(key.slice(at + 1)) }
}

export interface WaiverValues {
  readonly ruleId?: string
  readonly reason?: string
  readonly approver?: string
  readonly approvedOn?: string
}

export interface EnterValues {
  readonly personId: string
  readonly regionId: string
  readonly scheme: string
  readonly role: string
  readonly source: ReserveSource
  readonly basis: string
  readonly waivers?: ReadonlyArray<WaiverValues>
}

/** reserves.enter's input from the form: texts trimmed, the scheme split, waivers only when there are any. */
export const enterInputOf = (v: EnterValues): EnterInput => {
  const { schemeId, version } = parseSchemeKey(v.scheme)
  const waivers = (v.waivers ?? []).map((w) => ({
    ruleId: w.ruleId ?? "",
    reason: (w.reason ?? "").trim(),
    approver: (w.approver ?? "").trim(),
    approvedOn: w.approvedOn ?? "",
    subject: v.personId,
  }))
  return {
    personId: v.personId,
    regionId: v.regionId,
    schemeId,
    schemeVersion: version,
    role: v.role,
    source: v.source,
    basis: v.basis.trim(),
    ...(waivers.length === 0 ? {} : { waivers }),
  }
}

export interface RemovalValues {
  readonly personId?: string
  readonly reason?: string
}

export interface ReviewValues {
  readonly regionId: string
  readonly scheme: string
  readonly year: number
  readonly removals?: ReadonlyArray<RemovalValues>
}

export const reviewInputOf = (v: ReviewValues): ReviewInput => {
  const { schemeId, version } = parseSchemeKey(v.scheme)
  return {
    regionId: v.regionId,
    schemeId,
    schemeVersion: version,
    year: v.year,
    removals: (v.removals ?? []).map((r) => ({
      personId: r.personId ?? "",
      reason: (r.reason ?? "").trim(),
    })),
  }
}

type Rule = { validator: (rule: unknown, value: unknown) => Promise<void> }

/** A required choice or text (whitespace alone is not an answer). */
export const required = (message: string) => [{ required: true, whitespace: true, message }]

/** At most `max` characters. */
export const maxChars = (max: number, message: string) => ({ max, message })

/** A date (YYYY-MM-DD) not after `today`; empty passes (the required rule speaks for it). */
export const notAfter = (today: string, message: string): Rule => ({
  validator: async (_rule, value) => {
    if (typeof value === "string" && value !== "" && value > today) throw new Error(message)
  },
})

/** Each item of a list names a different key (a rule waived once, a person removed once). */
export const distinctIn = (
  list: () => ReadonlyArray<Record<string, unknown> | undefined> | undefined,
  key: string,
  message: string,
): Rule => ({
  validator: async (_rule, value) => {
    if (value === undefined || value === "") return
    const same = (list() ?? []).filter((item) => item?.[key] === value).length
    if (same > 1) throw new Error(message)
  },
})

/** A year the API takes. */
export const yearRule = (message: string): Rule => ({
  validator: async (_rule, value) => {
    if (value === undefined || value === null || value === "") return
    const n = Number(value)
    if (!Number.isInteger(n) || n < 2000 || n > 2200) throw new Error(message)
  },
})

/** The server's issue paths as the enter form's fields. */
export const enterFieldOf = (path: ReadonlyArray<PropertyKey>): string | undefined => {
  const [head] = path.map(String)
  if (head === "personId" || head === "regionId" || head === "role" || head === "source" || head === "basis")
    return head
  if (head === "schemeId" || head === "schemeVersion") return "scheme"
  return undefined
}

/** The server's issue paths as the review form's fields. */
export const reviewFieldOf = (path: ReadonlyArray<PropertyKey>): string | undefined => {
  const [head] = path.map(String)
  if (head === "regionId" || head === "year") return head
  if (head === "schemeId" || head === "schemeVersion") return "scheme"
  return undefined
}

const at = (field: string, problem: Problem): ReadonlyArray<FieldIssue> =>
  problem.kind === "api" ? [{ field, message: problem.message }] : []

/**
 * Refusals of an entry that name no field but belong to one (issue 16: at their field): the role the pool has
 * not, the source the stage does not take, the person already in or barred (002 三（二）), the person's rule that
 * failed (001 三（4）, waivable or not), a scheme with no pool.
 */
export const enterRefusalAt = (problem: Problem): ReadonlyArray<FieldIssue> => {
  if (problem.kind !== "api") return []
  if (problem.tag === "PoolRefused") return at("personId", problem)
  if (problem.tag !== "Conflict") return []
  switch (problem.reason) {
    case "unknown_role":
      return at("role", problem)
    case "wrong_source":
      return at("source", problem)
    case "duplicate":
    case "reserve_status_lost":
      return at("personId", problem)
    case "no_pool":
      return at("scheme", problem)
    default:
      return []
  }
}

/** Refusals of a review that belong to a field: the year reviewed already, a scheme with no pool. */
export const reviewRefusalAt = (problem: Problem): ReadonlyArray<FieldIssue> => {
  if (problem.kind !== "api" || problem.tag !== "Conflict") return []
  if (problem.reason === "duplicate") return at("year", problem)
  if (problem.reason === "no_pool") return at("scheme", problem)
  return []
}

/** A finding as the review answers it: its status and the kernel's sentence (with its clause). */
export interface ReviewFinding {
  readonly status: string
  readonly message: { readonly zh: string; readonly en: string }
}

const isText = (x: unknown): x is { zh: string; en: string } =>
  typeof x === "object" && x !== null && typeof (x as { zh?: unknown }).zh === "string"

/**
 * The findings of a recorded review, in the kernel's words: the street's age structure (or why it was not checked),
 * then each community's count and roles. The review stores the kernel's report as it was.
 */
export const reviewFindings = (review: {
  readonly composition?: unknown
  readonly communities?: unknown
}): ReadonlyArray<ReviewFinding> => {
  const out: Array<ReviewFinding> = []
  const c = review.composition as {
    _tag?: string
    street?: { status?: string; message?: unknown }
    note?: unknown
  } | null
  if (c?._tag === "Composition" && isText(c.street?.message))
    out.push({ status: c.street?.status ?? "pass", message: c.street.message })
  else if (c?._tag === "NotChecked" && isText(c.note)) out.push({ status: "not_checked", message: c.note })
  const communities = Array.isArray(review.communities) ? review.communities : []
  for (const community of communities as Array<{ findings?: Array<{ status?: string; message?: unknown }> }>)
    for (const f of community.findings ?? [])
      if (isText(f.message)) out.push({ status: f.status ?? "pass", message: f.message })
  return out
}

const pad2 = (n: number): string => String(n).padStart(2, "0")

/** Today on this device (YYYY-MM-DD): the upper bound a date field offers; the server checks with its own. */
export const localToday = (now: Date = new Date()): string =>
  `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`
