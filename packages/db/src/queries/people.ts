import { type Access, Person } from "@cadre/domain"
import { sql } from "drizzle-orm"
import { decodeRow } from "../internal.js"
import { people, regions } from "../schema/index.js"

/**
 * People as stored. The ID number and phone live in their own columns and are masked IN SQL for every list and
 * ordinary read (`maskedColumns`); only the whole-profile reads of the roles in WHOLE_PROFILE_ROLES (audited) and
 * the applicant's own read return them whole.
 */

/** The profile as stored in `people.profile`: everything but the id, ID number and phone. */
export const StoredProfile = Person.Profile.from.omit("id", "idNumber", "phone")
export type StoredProfile = typeof StoredProfile.Type

/** A profile for lists and ordinary reads: ID number and phone masked ("310110********1234", "138****5678"). */
export interface MaskedPerson extends StoredProfile {
  readonly id: Person.PersonId
  readonly idNumberMasked: string
  readonly phoneMasked: string | null
  readonly regionId: string
  readonly regionPath: string
  readonly version: number
}

/** A whole profile with its storage metadata. */
export interface PersonRecord {
  readonly profile: Person.Profile
  readonly accountId: string | null
  readonly regionId: string
  readonly regionPath: string
  readonly version: number
}

/** Roles that may read a whole profile (ID number and phone unmasked), e.g. to print a registration form. */
export const WHOLE_PROFILE_ROLES: ReadonlyArray<Access.Role> = ["org_dept_admin", "street_admin", "reviewer"]

/** SQL masks, the same as Person.maskIdNumber / Person.maskPhone (tested against them). */
const maskedIdNumber = sql<string>`case when length(${people.idNumber}) <= 10 then repeat('*', length(${people.idNumber})) else left(${people.idNumber}, 6) || repeat('*', length(${people.idNumber}) - 10) || right(${people.idNumber}, 4) end`
const maskedPhone = sql<
  string | null
>`case when ${people.phone} is null then null when length(${people.phone}) <= 7 then repeat('*', length(${people.phone})) else left(${people.phone}, 3) || repeat('*', length(${people.phone}) - 7) || right(${people.phone}, 4) end`

export const maskedColumns = {
  id: people.id,
  regionId: people.regionId,
  regionPath: regions.path,
  profile: people.profile,
  idNumberMasked: maskedIdNumber,
  phoneMasked: maskedPhone,
  version: people.version,
}

export type MaskedRow = {
  id: string
  regionId: string
  regionPath: string
  profile: unknown
  idNumberMasked: string
  phoneMasked: string | null
  version: number
}

export const toMasked = (r: MaskedRow): MaskedPerson => ({
  ...decodeRow(StoredProfile, "people", r.id, r.profile),
  id: r.id as Person.PersonId,
  idNumberMasked: r.idNumberMasked,
  phoneMasked: r.phoneMasked,
  regionId: r.regionId,
  regionPath: r.regionPath,
  version: r.version,
})

type PersonRow = typeof people.$inferSelect

export const toRecord = (row: PersonRow, regionPath: string): PersonRecord => ({
  profile: decodeRow(Person.Profile, "people", row.id, {
    ...(row.profile as object),
    id: row.id,
    idNumber: row.idNumber,
    ...(row.phone === null ? {} : { phone: row.phone }),
  }),
  accountId: row.accountId,
  regionId: row.regionId,
  regionPath,
  version: row.version,
})
