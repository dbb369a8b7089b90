/**
 * Parameter-level differences between two schemes (usually two versions of one), for review before a new version
 * is published. Rules and preferences are matched by id; other arrays whose items carry an `id` (stages, reports,
 * triggers…) by id too; everything else by path. Each change carries the citation nearest to it.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Citation } from "../shared/Citation.js"
import { Scheme, type SchemeEncoded } from "./Scheme.js"

const RuleGroup = Schema.Literal("rules", "exclusions", "preferences")
const Json = Schema.Unknown

/**
 * One difference between two scheme versions: a rule added, removed or changed, or a parameter changed.
 *
 * @category schemas
 * @since 0.1.0
 */
export const SchemeChange = Schema.Union(
  Schema.TaggedStruct("RuleAdded", {
    group: RuleGroup,
    ruleId: Schema.String,
    after: Json,
    citation: Citation,
  }),
  Schema.TaggedStruct("RuleRemoved", {
    group: RuleGroup,
    ruleId: Schema.String,
    before: Json,
    citation: Citation,
  }),
  Schema.TaggedStruct("RuleChanged", {
    group: RuleGroup,
    ruleId: Schema.String,
    /** Path inside the rule, e.g. "max" or "citation.clause". */
    parameter: Schema.String,
    before: Schema.optional(Json),
    after: Schema.optional(Json),
    citation: Citation,
  }),
  Schema.TaggedStruct("ParameterChanged", {
    /** e.g. "term.length.value.amount", "stages[id=recommend].deadline.value.day". */
    path: Schema.String,
    before: Schema.optional(Json),
    after: Schema.optional(Json),
    citation: Schema.optional(Citation),
  }),
).annotations({ identifier: "SchemeChange", title: "方案变更 / scheme change" })
/**
 * The decoded value of the {@link SchemeChange} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SchemeChange = typeof SchemeChange.Type

type RuleChanged = Extract<SchemeChange, { readonly _tag: "RuleChanged" }>

type JsonObject = { readonly [k: string]: unknown }

const isObject = (u: unknown): u is JsonObject => typeof u === "object" && u !== null && !Array.isArray(u)

const isCitation = (u: unknown): u is Citation =>
  isObject(u) && typeof u.document === "string" && typeof u.clause === "string"

/**
 * Structural equality of JSON-like values (absent keys equal undefined ones).
 *
 * @category utils
 * @since 0.1.0
 */
export const jsonEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false
    return true
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const k of keys) if (!jsonEqual(a[k], b[k])) return false
    return true
  }
  return false
}

const hasIds = (xs: ReadonlyArray<unknown>): xs is ReadonlyArray<JsonObject & { readonly id: string }> =>
  xs.every((x) => isObject(x) && typeof x.id === "string")

type Leaf = {
  readonly path: string
  readonly before?: unknown
  readonly after?: unknown
  readonly citation?: Citation
}

const leaf = (path: string, before: unknown, after: unknown, citation: Citation | undefined): Leaf => {
  const out: { path: string; before?: unknown; after?: unknown; citation?: Citation } = { path }
  if (before !== undefined) out.before = before
  if (after !== undefined) out.after = after
  if (citation !== undefined) out.citation = citation
  return out
}

const join = (path: string, key: string): string => (path === "" ? key : `${path}.${key}`)

/** Walk two JSON values, collecting leaf changes with the nearest citation (the newer one's, else the older). */
const walk = (a: unknown, b: unknown, path: string, cite: Citation | undefined, out: Array<Leaf>): void => {
  if (jsonEqual(a, b)) return
  if (Array.isArray(a) && Array.isArray(b)) {
    if (hasIds(a) && hasIds(b)) {
      const before = new Map(a.map((x) => [x.id, x]))
      const after = new Map(b.map((x) => [x.id, x]))
      for (const [id, x] of before)
        if (!after.has(id))
          out.push(leaf(`${path}[id=${id}]`, x, undefined, isCitation(x.citation) ? x.citation : cite))
      for (const [id, y] of after) {
        const x = before.get(id)
        if (x === undefined)
          out.push(leaf(`${path}[id=${id}]`, undefined, y, isCitation(y.citation) ? y.citation : cite))
        else walk(x, y, `${path}[id=${id}]`, cite, out)
      }
      return
    }
    if (a.length === b.length) {
      for (let i = 0; i < a.length; i++) walk(a[i], b[i], `${path}[${i}]`, cite, out)
      return
    }
    out.push(leaf(path, a, b, cite))
    return
  }
  if (isObject(a) && isObject(b) && a._tag === b._tag) {
    const here = isCitation(b.citation) ? b.citation : isCitation(a.citation) ? a.citation : cite
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const k of keys) walk(a[k], b[k], join(path, k), here, out)
    return
  }
  const here =
    isObject(b) && isCitation(b.citation)
      ? b.citation
      : isObject(a) && isCitation(a.citation)
        ? a.citation
        : cite
  out.push(leaf(path, a, b, here))
}

type Keyed = JsonObject & { readonly id: string; readonly _tag: string; readonly citation: Citation }

const diffRules = (
  group: "rules" | "exclusions" | "preferences",
  a: ReadonlyArray<Keyed>,
  b: ReadonlyArray<Keyed>,
  out: Array<SchemeChange>,
): void => {
  const before = new Map(a.map((r) => [r.id, r]))
  const after = new Map(b.map((r) => [r.id, r]))
  for (const [id, r] of before)
    if (!after.has(id)) out.push({ _tag: "RuleRemoved", group, ruleId: id, before: r, citation: r.citation })
  for (const [id, r] of after) {
    const old = before.get(id)
    if (old === undefined) {
      out.push({ _tag: "RuleAdded", group, ruleId: id, after: r, citation: r.citation })
    } else if (old._tag !== r._tag) {
      // A different kind under the same id is a replacement, not a parameter change.
      out.push({ _tag: "RuleRemoved", group, ruleId: id, before: old, citation: old.citation })
      out.push({ _tag: "RuleAdded", group, ruleId: id, after: r, citation: r.citation })
    } else {
      const leaves: Array<Leaf> = []
      walk(old, r, "", r.citation, leaves)
      for (const l of leaves) {
        const change: { -readonly [K in keyof RuleChanged]: RuleChanged[K] } = {
          _tag: "RuleChanged",
          group,
          ruleId: id,
          parameter: l.path,
          citation: r.citation,
        }
        if (l.before !== undefined) change.before = l.before
        if (l.after !== undefined) change.after = l.after
        out.push(change)
      }
    }
  }
}

const encode = Schema.encodeSync(Scheme)

/**
 * Parameter-level changes from `a` to `b`. `diff(x, x)` is empty.
 *
 * @category utils
 * @since 0.1.0
 */
export const diff = (a: Scheme, b: Scheme): ReadonlyArray<SchemeChange> => diffEncoded(encode(a), encode(b))

/**
 * `diff` on encoded (JSON) schemes, e.g. two stored versions.
 *
 * @category utils
 * @since 0.1.0
 */
export const diffEncoded = (a: SchemeEncoded, b: SchemeEncoded): ReadonlyArray<SchemeChange> => {
  const out: Array<SchemeChange> = []
  const ea = a.eligibility
  const eb = b.eligibility
  diffRules("rules", ea.rules as ReadonlyArray<Keyed>, eb.rules as ReadonlyArray<Keyed>, out)
  diffRules("exclusions", ea.exclusions as ReadonlyArray<Keyed>, eb.exclusions as ReadonlyArray<Keyed>, out)
  diffRules(
    "preferences",
    ea.preferences as ReadonlyArray<Keyed>,
    eb.preferences as ReadonlyArray<Keyed>,
    out,
  )
  const strip = (s: SchemeEncoded) => ({
    ...s,
    eligibility: { ...s.eligibility, rules: [], exclusions: [], preferences: [] },
  })
  const leaves: Array<Leaf> = []
  walk(strip(a), strip(b), "", undefined, leaves)
  for (const l of leaves) out.push({ _tag: "ParameterChanged", ...l })
  return out
}
