import { Either, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { pathOf, pathWithin } from "../access/Access.js"
import { RegionId } from "./Region.js"

/**
 * Issue 15, "shared things any district can change": region ids `sx/y` and `sx_y` made one scope path, so a street
 * scoped to one saw the other's people. Region ids now keep to a safe alphabet, and two distinct ids never give
 * paths where one lies within the other.
 */

const decode = Schema.decodeUnknownEither(RegionId)

describe("RegionId: a safe alphabet", () => {
  it.each(["310110", "310110001", "guizhou-street", "district-003-s1", "A1"])("accepts %s", (id) => {
    expect(Either.isRight(decode(id))).toBe(true)
  })
  it.each(["", "sx/y", "sx_y", "a%", "-a", "a-", " 310110", "街道", "a".repeat(65)])("refuses %j", (id) => {
    const r = decode(id)
    expect(Either.isLeft(r)).toBe(true)
  })

  it("property: sibling regions' paths never contain one another, so no scope reaches a sibling", () => {
    const id = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,10}[A-Za-z0-9])?$/)
    fc.assert(
      fc.property(id, id, id, (parent, a, b) => {
        fc.pre(a !== b)
        const pa = pathOf([parent, a])
        const pb = pathOf([parent, b])
        expect(pathWithin(pa, pb)).toBe(false)
        expect(pathWithin(pb, pa)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })
})
