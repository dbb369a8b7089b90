import { Either, Option, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { addDays, make as date, make } from "../shared/LocalDate.js"
import { yangpuCommunitySecretary } from "./presets/yangpu-community-secretary.js"
import { Scheme } from "./Scheme.js"
import { addVersion, governsOn, inForceOn, VersionNotSuccessor } from "./Versions.js"

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
