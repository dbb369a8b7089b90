import {
  birthDateOf,
  type IdNumber,
  idNumberProblem,
  type IdNumberProblem,
  sexOf,
} from "@cadre/domain/person"

/**
 * The ID number as it is typed (issue 17: checked as typed, birth date and sex derived and shown), by the kernel's
 * own GB 11643 check — the one the server applies — so the screen and the server never disagree.
 */
export type IdReading =
  | { readonly ok: true; readonly birthDate: string; readonly sex: "male" | "female" }
  | { readonly ok: false; readonly problem: IdNumberProblem }

/** Reads a typed ID number (spaces dropped, a lower-case x taken as X). */
export const readIdNumber = (typed: string): IdReading => {
  const id = typed.trim().toUpperCase()
  const problem = idNumberProblem(id)
  if (problem !== undefined) return { ok: false, problem }
  return { ok: true, birthDate: birthDateOf(id as IdNumber), sex: sexOf(id as IdNumber) }
}
