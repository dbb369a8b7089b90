/**
 * Builders of valid cadre profiles for tests and examples (here and in other packages' tests). Profiles are
 * decoded through the Profile Schema, so a fixture is always a profile the API could have accepted.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { type Profile, Profile as ProfileSchema, type ProfileEncoded } from "../person/Profile.js"
import type { Check } from "./RuleKind.js"
import { compileRule, Rule, type RuleEncoded } from "./rules/index.js"

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/**
 * A GB 11643 ID number for a birth date and sex (address code 310110, sequence 001 / 002).
 *
 * @category fixtures
 * @since 0.1.0
 */
export const idNumberFor = (birthDate: string, sex: "male" | "female", address = "310110"): string => {
  const first17 = `${address}${birthDate.replaceAll("-", "")}${sex === "male" ? "001" : "002"}`
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0)
  return first17 + "10X98765432".charAt(sum % 11)
}

type Overrides = Partial<Omit<ProfileEncoded, "idNumber">> & { readonly idNumber?: string }

/**
 * A profile that meets every computed condition of the Yangpu preset (000) on 2020-12-18: section-level civil
 * servant, born 1982-06-01 (38), full member since 2017-01-01 (3 years), junior college. Override any field.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const profileEncoded = (overrides: Overrides = {}): ProfileEncoded => {
  const birthDate = overrides.birthDate ?? "1982-06-01"
  const sex = overrides.sex ?? "male"
  return {
    id: "p-0001",
    name: "张三",
    sex,
    birthDate,
    idNumber: idNumberFor(birthDate, sex),
    party: { _tag: "Full", joined: "2016-01-01", fullMemberSince: "2017-01-01" },
    education: [{ level: "junior_college", fullTime: true }],
    employment: "civil_servant",
    rank: { level: "section", track: "leading" },
    workHistory: [],
    conduct: [],
    attestations: [],
    tags: [],
    ...overrides,
  }
}

/**
 * `profileEncoded` decoded into a Profile (throws if the overrides make it invalid).
 *
 * @category fixtures
 * @since 0.1.0
 */
export const makeProfile = (overrides: Overrides = {}): Profile =>
  Schema.decodeUnknownSync(ProfileSchema)(profileEncoded(overrides))

/**
 * Decode an encoded rule (as a scheme would store it) and compile it: the path a real scheme takes.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const compileEncodedRule = (encoded: RuleEncoded): Check =>
  compileRule(Schema.decodeUnknownSync(Rule)(encoded))

/**
 * The fields every rule needs, for tests: id, citation, label, waivable.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const ruleBase = (id: string, document: string, clause: string, waivable = false) => ({
  id,
  citation: { document, clause },
  label: { zh: id, en: id },
  waivable,
})
