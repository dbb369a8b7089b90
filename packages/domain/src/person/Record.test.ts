import { Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { checkCharacter } from "./IdNumber.js"
import { Profile, type ProfileEncoded } from "./Profile.js"
import {
  asClaims,
  changedFields,
  keepStaffHeld,
  LINK_REFUSED,
  linkMismatches,
  PersonSource,
} from "./Record.js"

const id = (first17: string) => `${first17}${checkCharacter(first17)}`

const base: ProfileEncoded = {
  id: "p-1",
  name: "李明",
  sex: "male",
  birthDate: "1988-05-16",
  idNumber: id("31011019880516201"),
  phone: "13900001234",
  party: { _tag: "Full", joined: "2010-06-01", fullMemberSince: "2011-06-01" },
  education: [{ level: "bachelor", fullTime: true }],
  employment: "civil_servant",
  workHistory: [
    { from: "2012-08-01", organisation: "区民政局", position: "科员", grassroots: false, tags: [] },
  ],
  conduct: [],
  attestations: [],
  tags: [],
}
const decode = (p: ProfileEncoded) => Schema.decodeSync(Profile)(p)

describe("changedFields (issue 14: an update says what changed)", () => {
  it("names nothing for an identical profile, and never the id", () => {
    expect(changedFields(decode(base), decode({ ...base, id: "p-2" }))).toEqual([])
  })

  it("names each changed field once, in the Profile's order", () => {
    const after = decode({
      ...base,
      rank: { level: "section", track: "leading" },
      name: "李明明",
      party: { _tag: "Full", joined: "2010-06-01", fullMemberSince: "2011-07-01" },
    })
    expect(changedFields(decode(base), after)).toEqual(["name", "party", "rank"])
  })

  it("an optional field removed counts as a change; key order inside a value does not", () => {
    const { phone: _phone, ...noPhone } = base
    expect(changedFields(decode(base), decode(noPhone))).toEqual(["phone"])
    const reordered = {
      ...base,
      workHistory: [
        { tags: [], grassroots: false, position: "科员", organisation: "区民政局", from: "2012-08-01" },
      ],
    }
    expect(changedFields(decode(base), decode(reordered))).toEqual([])
  })

  it("a work period appended changes workHistory only", () => {
    const after = decode({
      ...base,
      workHistory: [
        ...base.workHistory,
        { from: "2020-01-01", organisation: "某街道", position: "副主任", grassroots: true, tags: [] },
      ],
    })
    expect(changedFields(decode(base), after)).toEqual(["workHistory"])
  })
})

describe("linkMismatches (issue 14: an applicant takes the record on file only when the details match)", () => {
  const onFile = decode(base)

  it("the same name (full-width and spaces folded), birth date and phone: may link", () => {
    expect(
      linkMismatches(onFile, { name: " 李 明 ", birthDate: "1988-05-16", phone: "13900001234" }),
    ).toEqual([])
  })

  it("a different name, birth date or phone is named", () => {
    expect(linkMismatches(onFile, { name: "李铭", birthDate: "1988-05-16", phone: "13900001234" })).toEqual([
      "name",
    ])
    expect(linkMismatches(onFile, { name: "李明", birthDate: "1988-05-17", phone: "13900001234" })).toEqual([
      "birthDate",
    ])
    expect(linkMismatches(onFile, { name: "李明", birthDate: "1988-05-16" })).toEqual(["phone"])
  })

  it("a record without a phone asks only for the name and birth date", () => {
    const { phone: _phone, ...noPhone } = base
    expect(
      linkMismatches(decode(noPhone), { name: "李明", birthDate: "1988-05-16", phone: "13711112222" }),
    ).toEqual([])
  })

  it("the refusal names no field of the record and says whom to contact, in both languages", () => {
    expect(LINK_REFUSED.zh).toContain("组织部门")
    expect(LINK_REFUSED.en).toContain("org dept")
    expect(LINK_REFUSED.zh).not.toContain("李明")
  })

  it("sources are the three the record keeps", () => {
    expect(PersonSource.literals).toEqual(["entered", "imported", "self_declared"])
  })
})

describe("keepStaffHeld (issue 14: a person cannot declare away what staff entered)", () => {
  const onFile = decode({
    ...base,
    conduct: [{ kind: "party_warning", date: "2020-05-01", description: "党内警告" }],
    attestations: [
      { item: "health", result: true, by: "reviewer", reviewer: "区委组织部", date: "2026-01-05" },
      { item: "willingness_grassroots", result: true, by: "self", date: "2026-01-05" },
    ],
  })

  it("keeps staff's conduct records and reviewers' attestations, takes the rest as declared", () => {
    const declared = decode({
      ...base,
      currentPosition: "主任科员",
      conduct: [{ kind: "commendation", date: "2024-01-01", description: "嘉奖" }],
      attestations: [
        { item: "health", result: false, by: "reviewer", reviewer: "我自己", date: "2026-02-01" },
        { item: "computer_skills", result: true, by: "self", date: "2026-02-01" },
      ],
    })
    const kept = keepStaffHeld(onFile, declared)
    expect(kept.currentPosition).toBe("主任科员")
    expect(kept.conduct.map((c) => c.kind)).toEqual(["party_warning", "commendation"])
    expect(kept.attestations.map((a) => [a.item, a.by, a.result])).toEqual([
      ["health", "reviewer", true],
      ["health", "self", false],
      ["computer_skills", "self", true],
    ])
  })

  it("a conduct record declared again is not doubled", () => {
    const kept = keepStaffHeld(onFile, decode({ ...base, conduct: [...onFile.conduct] }))
    expect(kept.conduct.length).toBe(1)
  })
})

describe("asClaims (issue 13: facts carry their source — an applicant's word is a claim)", () => {
  const attestation = fc.record({
    item: fc.constantFrom("health", "party_spirit_conduct_dedication", "quality_ability"),
    result: fc.boolean(),
    by: fc.constantFrom("self" as const, "reviewer" as const),
    reviewer: fc.option(fc.string(), { nil: undefined }),
    date: fc.constantFrom("2026-01-05", "2026-02-01"),
    note: fc.option(fc.string(), { nil: undefined }),
  })

  it("every attestation an applicant declares is kept as their own claim, never as a reviewer's", () => {
    fc.assert(
      fc.property(fc.array(attestation, { maxLength: 6 }), (atts) => {
        const attestations = atts.map((a) =>
          Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)),
        ) as unknown as ProfileEncoded["attestations"]
        const declared = decode({ ...base, attestations })
        const claimed = asClaims(declared)
        expect(claimed.attestations.length).toBe(atts.length)
        expect(claimed.attestations.every((a) => a.by === "self" && a.reviewer === undefined)).toBe(true)
        expect(claimed.attestations.map((a) => [a.item, a.result, a.date])).toEqual(
          atts.map((a) => [a.item, a.result, a.date]),
        )
      }),
    )
  })

  it("keepStaffHeld keeps a forged reviewer's attestation as the person's claim (its doc says so)", () => {
    const onFile = decode(base)
    const declared = decode({
      ...base,
      attestations: [
        { item: "health", result: true, by: "reviewer", reviewer: "我自己", date: "2026-02-01" },
      ],
    })
    expect(keepStaffHeld(onFile, declared).attestations).toEqual([
      { item: "health", result: true, by: "self", date: "2026-02-01" },
    ])
  })
})
