/**
 * The cadre record as kept over time (issue 14, "cadre records kept by staff"): where each version came from, what
 * an edit changed, and whether an applicant who registers with an ID number already on record may take that
 * record as their own.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Text } from "../shared/Text.js"
import { birthDateOf } from "./IdNumber.js"
import { type ConductRecord, Profile } from "./Profile.js"

/**
 * Where a version of a record came from: entered by staff (the org dept, a unit), imported from a roster, or
 * declared by the person on the portal.
 *
 * @category constants
 * @since 0.1.0
 */
export const PERSON_SOURCES = ["entered", "imported", "self_declared"] as const
/**
 * The source of one version of a person's record (one value of {@link PERSON_SOURCES}).
 *
 * @category schemas
 * @since 0.1.0
 */
export const PersonSource = Schema.Literal(...PERSON_SOURCES).annotations({
  identifier: "PersonSource",
  title: "信息来源 / source",
})
/**
 * The decoded value of the {@link PersonSource} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PersonSource = typeof PersonSource.Type

/**
 * Display labels of each source, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const SOURCE_LABELS: Readonly<Record<PersonSource, Text>> = {
  entered: { zh: "工作人员录入", en: "entered by staff" },
  imported: { zh: "花名册导入", en: "imported" },
  self_declared: { zh: "本人填报", en: "declared by the person" },
}

/** JSON with object keys sorted, so that two equal values always print alike. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  ) ?? "undefined"

const encode = Schema.encodeSync(Profile)

/**
 * The profile fields an edit changed, in the Profile's field order (`id` never counts): compared on the encoded
 * (JSON) form, so an absent optional field and one set differ, and key order inside a value does not matter.
 *
 * @example
 * ```ts
 * import { Person } from "@cadre/domain"
 *
 * declare const before: Person.Profile
 * Person.changedFields(before, { ...before, name: "新名字" }) // ["name"]
 * ```
 *
 * @category utils
 * @since 0.1.0
 */
export const changedFields = (before: Profile, after: Profile): ReadonlyArray<string> => {
  const b = encode(before) as Record<string, unknown>
  const a = encode(after) as Record<string, unknown>
  return Object.keys(Profile.from.fields).filter((k) => k !== "id" && canonical(b[k]) !== canonical(a[k]))
}

/** A name compared for identity: compatibility forms folded (full-width → ASCII), all white space dropped. */
const nameKey = (s: string): string => s.normalize("NFKC").replace(/\s+/gu, "")

/**
 * What an applicant must give for a record already on file under their ID number before it becomes theirs: the
 * record's name and birth date, and its phone when the record holds one.
 *
 * @category models
 * @since 0.1.0
 */
export interface LinkClaim {
  readonly name: string
  readonly birthDate: string
  readonly phone?: string | undefined
}

/**
 * Why an applicant may NOT take the record on file under the same ID number (the fields that differ, in a fixed
 * order); an empty list means they may. The birth date is compared both with the record's and with the one the
 * ID number carries.
 *
 * @example
 * ```ts
 * import { Person } from "@cadre/domain"
 *
 * declare const onFile: Person.Profile
 * Person.linkMismatches(onFile, { name: onFile.name, birthDate: onFile.birthDate }) // [] (no phone on file)
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const linkMismatches = (
  onFile: Pick<Profile, "name" | "birthDate" | "idNumber" | "phone">,
  claim: LinkClaim,
): ReadonlyArray<"name" | "birthDate" | "phone"> => {
  const out: Array<"name" | "birthDate" | "phone"> = []
  if (nameKey(onFile.name) !== nameKey(claim.name)) out.push("name")
  if (onFile.birthDate !== claim.birthDate || birthDateOf(onFile.idNumber) !== claim.birthDate)
    out.push("birthDate")
  if (onFile.phone !== undefined && onFile.phone !== claim.phone) out.push("phone")
  return out
}

/**
 * The refusal shown to an applicant whose details do not match the record on file: it names no field and nothing
 * of the record, only where to go.
 *
 * @category constants
 * @since 0.1.0
 */
export const LINK_REFUSED: Text = {
  zh: "该身份证号已有人员记录，但您填写的信息与记录不一致（或该记录已绑定其他账号）。请联系所在地组织部门核实。",
  en: "A record with this ID number is already on file, but the details you gave do not match it (or it belongs to another account). Please contact your org dept to verify.",
}

/**
 * What a person may change of a record staff keep (entered or imported): everything they declare, except that the
 * conduct records on file stay (they may add their own, not remove or rewrite staff's — a sanction entered by the
 * org dept cannot be declared away) and only reviewers' attestations on file count as reviewers' (theirs are kept
 * as self-declared ones). Returns the profile to store.
 *
 * @example
 * ```ts
 * import { Person } from "@cadre/domain"
 *
 * declare const onFile: Person.Profile
 * Person.keepStaffHeld(onFile, { ...onFile, conduct: [] }).conduct // onFile.conduct
 * ```
 *
 * @category utils
 * @since 0.1.0
 */
export const keepStaffHeld = (onFile: Profile, declared: Profile): Profile => {
  const held = new Set(onFile.conduct.map(sameRecord))
  const reviewers = onFile.attestations.filter((a) => a.by === "reviewer")
  const claims = asClaims(declared)
  return {
    ...claims,
    conduct: [...onFile.conduct, ...claims.conduct.filter((c) => !held.has(sameRecord(c)))],
    attestations: [...reviewers, ...claims.attestations],
  }
}

/** A conduct record compared for identity, whoever recorded it. */
const sameRecord = ({ source: _source, ...c }: ConductRecord): string => canonical(c)

/**
 * A profile as its person declares it (issue 13, "facts carry their source"): every conduct record in it is
 * theirs (`source: "applicant"`) and every attestation their own claim (`by: "self"`, no reviewer's name),
 * whatever was sent — a reviewer's confirmation is recorded by a
 * reviewer (ResolveFinding), never typed into one's own profile. An attested rule then shows the claim as
 * "claimed, awaiting review".
 *
 * @example
 * ```ts
 * import { Person } from "@cadre/domain"
 *
 * declare const declared: Person.Profile
 * Person.asClaims(declared).attestations.every((a) => a.by === "self") // true
 * ```
 *
 * @category utils
 * @since 0.1.0
 */
export const asClaims = (declared: Profile): Profile => ({
  ...declared,
  conduct: declared.conduct.map((c) => ({ ...c, source: "applicant" as const })),
  attestations: declared.attestations.map(({ reviewer: _reviewer, ...a }) => ({ ...a, by: "self" as const })),
})

/**
 * The profile the exclusion rules screen (issue 13): the conduct records on the profile and those staff or a
 * joint-review department recorded against the person (kept apart, each with its source and document), so that
 * an applicant who declared nothing is excluded by a sanction staff recorded. A declared copy of a recorded one is
 * not doubled (the recorded one, with its source, stays).
 *
 * @example
 * ```ts
 * import { Person } from "@cadre/domain"
 *
 * declare const declared: Person.Profile
 * declare const recorded: ReadonlyArray<Person.ConductRecord>
 * Person.withRecorded(declared, recorded).conduct.length // declared.conduct.length + recorded.length at most
 * ```
 *
 * @category utils
 * @since 0.1.0
 */
export const withRecorded = (profile: Profile, recorded: ReadonlyArray<ConductRecord>): Profile => {
  if (recorded.length === 0) return profile
  const seen = new Set(recorded.map((c) => sameRecord({ ...c, document: undefined, department: undefined })))
  const own = profile.conduct.filter(
    (c) => !seen.has(sameRecord({ ...c, document: undefined, department: undefined })),
  )
  return { ...profile, conduct: [...own, ...recorded] }
}
