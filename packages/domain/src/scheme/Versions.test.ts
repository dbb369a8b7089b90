import { Either, Option, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { addDays, make as date, make } from "../shared/LocalDate.js"
import { yangpuCommunitySecretary } from "./presets/yangpu-community-secretary.js"
import { Scheme } from "./Scheme.js"
import {
  addVersion,
  governsOn,
  inForceOn,
  NoVersionInForce,
  VersionNotSuccessor,
  versionInForce,
} from "./Versions.js"

const enc = yangpuCommunitySecretary.encoded
const version = (n: number, effectiveFrom: string, id = enc.id) =>
  Schema.decodeUnknownSync(Scheme)({ ...enc, id, version: n, effectiveFrom })
const v1 = version(1, "2020-12-09")
const v2 = version(2, "2021-12-01")

describe("versions", () => {
  it("inForceOn picks the version in force around each effective date", () => {
    const all = [v2, v1]
    expect(Option.isNone(inForceOn(all, date("2020-12-08")))).toBe(true)
    expect(Option.getOrThrow(inForceOn(all, date("2020-12-09"))).version).toBe(1)
    expect(Option.getOrThrow(inForceOn(all, date("2021-11-30"))).version).toBe(1)
    expect(Option.getOrThrow(inForceOn(all, date("2021-12-01"))).version).toBe(2)
    expect(Option.getOrThrow(inForceOn(all, date("2030-01-01"))).version).toBe(2)
  })
  it("addVersion appends a version with a higher number and a later effective date", () => {
    const out = Either.getOrThrow(addVersion([v1], v2))
    expect(out.map((v) => v.version)).toEqual([1, 2])
  })
  it("addVersion refuses a version number that is not higher (VersionNotSuccessor, version_not_higher)", () => {
    const r = addVersion([v1, v2], version(2, "2022-01-01"))
    expect(Either.isLeft(r)).toBe(true)
    const e = Either.getLeft(r).pipe(Option.getOrThrow)
    expect(e).toBeInstanceOf(VersionNotSuccessor)
    expect(e).toMatchObject({
      _tag: "VersionNotSuccessor",
      reason: "version_not_higher",
      latestVersion: 2,
      attemptedVersion: 2,
    })
    expect(e.message).toContain("must be higher")
  })
  it("addVersion refuses an effective date that is not later, even with a higher number", () => {
    const e = Either.getLeft(addVersion([v1, v2], version(3, "2021-12-01"))).pipe(Option.getOrThrow)
    expect(e).toMatchObject({ _tag: "VersionNotSuccessor", reason: "effective_date_not_later" })
    // Bilingual: Chinese first, then English.
    expect(e.message).toMatch(
      /^新版本生效日期 2021-12-01 须晚于 2021-12-01 \/ version 3 must take effect after/,
    )
  })
  it("the refusal's tag is not the storage layer's optimistic-lock StaleVersion", () => {
    const e = Either.getLeft(addVersion([v1], version(1, "2021-01-01"))).pipe(Option.getOrThrow)
    expect(e._tag).toBe("VersionNotSuccessor")
    expect(e._tag).not.toBe("StaleVersion")
  })
  it("addVersion refuses a version of another scheme", () => {
    const e = Either.getLeft(addVersion([v1], version(2, "2021-12-01", "other-scheme"))).pipe(
      Option.getOrThrow,
    )
    expect(e._tag).toBe("SchemeMismatch")
  })
})

describe("issue 13: an in-post act uses the version in force on its date (governsOn)", () => {
  const published = [
    { version: 1, effectiveFrom: make("2020-12-09") },
    { version: 2, effectiveFrom: make("2026-06-01") },
  ]
  it("v1 governs a placement of 2026-05-31, v2 one of 2026-06-01; the other is refused, naming the one in force", () => {
    expect(Either.isRight(governsOn("s", published, 1, make("2026-05-31")))).toBe(true)
    expect(Either.isRight(governsOn("s", published, 2, make("2026-06-01")))).toBe(true)
    const early = governsOn("s", published, 2, make("2026-05-31"))
    expect(Either.isLeft(early) && early.left.text.zh).toContain("施行的是方案 s v1")
    const late = governsOn("s", published, 1, make("2026-06-01"))
    expect(Either.isLeft(late) && late.left.reason).toBe("other_in_force")
  })
  it("before any version takes effect: refused", () => {
    const none = governsOn("s", published, 1, make("2020-12-08"))
    expect(Either.isLeft(none) && none.left.reason).toBe("none_in_force")
    expect(Either.isLeft(none) && none.left.text.zh).toContain("v1 自 2020-12-09 起施行")
  })
  it("property: exactly one published version governs any date on or after the first", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (n) => {
        const date = addDays(make("2020-12-09"), n)
        return (
          published.filter((v) => Either.isRight(governsOn("s", published, v.version, date))).length === 1
        )
      }),
    )
  })
})

describe("issue 13: the version in force on an act's date (versionInForce)", () => {
  const published = [
    { version: 2, effectiveFrom: make("2027-01-01") },
    { version: 1, effectiveFrom: make("2020-12-09") },
    { version: 3, effectiveFrom: make("2029-07-01") },
  ]
  it("picks the latest version taking effect on or before the date, on each side of each effective date", () => {
    const at = (d: string) => Either.getOrThrow(versionInForce("s", published, make(d))).version
    expect(at("2020-12-09")).toBe(1)
    expect(at("2026-12-31")).toBe(1)
    expect(at("2027-01-01")).toBe(2)
    expect(at("2029-06-30")).toBe(2)
    expect(at("2029-07-01")).toBe(3)
    expect(at("2099-12-31")).toBe(3)
  })
  it("before the first version: NoVersionInForce with the date, the first version and its date, in zh and en", () => {
    const r = versionInForce("daan", published, make("2020-12-08"))
    const e = Either.getLeft(r).pipe(Option.getOrThrow)
    expect(e).toBeInstanceOf(NoVersionInForce)
    expect(e).toMatchObject({
      _tag: "NoVersionInForce",
      schemeId: "daan",
      date: "2020-12-08",
      first: { version: 1, effectiveFrom: "2020-12-09" },
    })
    expect(e.text).toEqual({
      zh: "2020-12-08 方案 daan 尚无施行的版本（v1 自 2020-12-09 起施行）",
      en: "no version of scheme daan is in force on 2020-12-08 (v1 takes effect on 2020-12-09)",
    })
    expect(e.message).toBe(`${e.text.zh} / ${e.text.en}`)
  })
  it("no published version at all: refused, naming none", () => {
    const e = Either.getLeft(versionInForce("s", [], make("2026-01-01"))).pipe(Option.getOrThrow)
    expect(e.first).toBeUndefined()
    expect(e.text.zh).toBe("2026-01-01 方案 s 尚无施行的版本")
  })
  it("an act of a placement made under v2, dated while v1 was in force, is refused (no older version governs it)", () => {
    expect(Either.getOrThrow(versionInForce("s", published, make("2027-01-01"), 2)).version).toBe(2)
    expect(Either.getOrThrow(versionInForce("s", published, make("2030-01-01"), 2)).version).toBe(3)
    const e = Either.getLeft(versionInForce("s", published, make("2026-12-31"), 2)).pipe(Option.getOrThrow)
    expect(e).toMatchObject({ placedUnder: 2, first: { version: 2, effectiveFrom: "2027-01-01" } })
    expect(e.text.zh).toBe("2026-12-31 早于该任职所依据的方案 s v2 的施行日期 2027-01-01，没有可适用的版本")
    expect(e.text.en).toContain("under which the placement was made, took effect (2027-01-01)")
  })
  it("property: the chosen version is in force, and no version in force on the date takes effect later", () => {
    const versions = fc
      .uniqueArray(fc.integer({ min: 0, max: 4000 }), { minLength: 0, maxLength: 6 })
      .map((offsets) =>
        [...offsets]
          .sort((a, b) => a - b)
          .map((o, i) => ({ version: i + 1, effectiveFrom: addDays(make("2020-01-01"), o) })),
      )
    fc.assert(
      fc.property(versions, fc.integer({ min: -100, max: 4200 }), (vs, n) => {
        const date = addDays(make("2020-01-01"), n)
        const r = versionInForce("s", vs, date)
        const inForce = vs.filter((v) => v.effectiveFrom <= date)
        if (Either.isLeft(r)) return inForce.length === 0 && r.left.date === date
        const chosen = r.right
        return (
          chosen.effectiveFrom <= date &&
          inForce.every((v) => v.effectiveFrom <= chosen.effectiveFrom) &&
          // It agrees with governsOn: the chosen version governs, every other is refused.
          vs.every((v) => Either.isRight(governsOn("s", vs, v.version, date)) === (v === chosen))
        )
      }),
    )
  })
  it("property: with placedUnder, the chosen version is never older than it, and is the one in force if that is not", () => {
    const vs = [
      { version: 1, effectiveFrom: make("2020-12-09") },
      { version: 2, effectiveFrom: make("2027-01-01") },
      { version: 3, effectiveFrom: make("2029-07-01") },
    ]
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 4000 }), (under, n) => {
        const date = addDays(make("2020-01-01"), n)
        const r = versionInForce("s", vs, date, under)
        const plain = versionInForce("s", vs, date)
        if (Either.isRight(plain) && plain.right.version >= under)
          return Either.isRight(r) && r.right === plain.right
        return Either.isLeft(r) && r.left.placedUnder === under
      }),
    )
  })
})
