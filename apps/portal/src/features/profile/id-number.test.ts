import { describe, expect, it } from "vitest"
import { readIdNumber } from "./id-number"
import { groupOfField } from "./profile-page"

describe("the ID number as typed (GB 11643, the kernel's check)", () => {
  it("derives the birth date and sex from a valid number; a lower-case x and spaces are forgiven", () => {
    // Sequence 447 (odd): a man; sequence 109 with check character X, typed as a lower-case x with spaces.
    expect(readIdNumber("110101199003074477")).toEqual({ ok: true, birthDate: "1990-03-07", sex: "male" })
    expect(readIdNumber(" 11010119900307109x ")).toEqual({ ok: true, birthDate: "1990-03-07", sex: "male" })
    expect(readIdNumber("110101199003071081")).toMatchObject({ ok: true, sex: "female" })
    expect(readIdNumber("11010119900307448x")).toMatchObject({ ok: false, problem: "checksum" })
  })
  it("names the first problem: length, characters, birth date, checksum", () => {
    expect(readIdNumber("1101011990")).toEqual({ ok: false, problem: "length" })
    expect(readIdNumber("11010119900307A477")).toEqual({ ok: false, problem: "characters" })
    expect(readIdNumber("110101199002304477")).toEqual({ ok: false, problem: "birth_date" })
  })
})

describe("the profile's pages", () => {
  it("finds the page of a field the server refused, a résumé row's field on the résumé's page", () => {
    expect(groupOfField("idNumber")).toBe(0)
    expect(groupOfField("partyFullSince")).toBe(1)
    expect(groupOfField("regionId")).toBe(3)
    expect(groupOfField("workHistory.0.from")).toBe(4)
    expect(groupOfField("unknown")).toBe(0)
  })
})
