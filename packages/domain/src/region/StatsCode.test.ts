import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { REGION_ID_PATTERN } from "./Region.js"
import { isStatsCode, statsCodeFits, statsCodeParents, statsCodeRung } from "./StatsCode.js"

/**
 * 统计用区划代码 (国家统计局《统计用区划代码和城乡划分代码编制规则》): 12 digits — county 6 (GB/T 2260), town 3,
 * village 3. Issue 14: a region tree imported from a file finds a row's parent by its code when no parent is named.
 */
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`))
const nonZero3 = digits(3).filter((s) => s !== "000")

describe("StatsCode: the 12-digit 统计用区划代码 (编制规则: county 6 + town 3 + village 3)", () => {
  it("reads the rung from the zero parts", () => {
    expect(statsCodeRung("330212000000")).toBe("county")
    expect(statsCodeRung("330212001000")).toBe("town")
    expect(statsCodeRung("330212001002")).toBe("village")
    expect(statsCodeRung("330212000002")).toBeUndefined()
    expect(statsCodeRung("330212001")).toBeUndefined()
    expect(isStatsCode("u-1")).toBe(false)
  })

  it("a village-rung code's parent is its town, in 12 or 9 digits; a town's its county, in 12 or 6", () => {
    expect(statsCodeParents("330212001002")).toEqual(["330212001000", "330212001"])
    expect(statsCodeParents("330212001000")).toEqual(["330212000000", "330212"])
    expect(statsCodeParents("330212000000")).toEqual([])
    expect(statsCodeParents("yz-street-1")).toEqual([])
  })

  it("property: every 12-digit code keeps REGION_ID_PATTERN, and its parents are codes of the rung above", () => {
    fc.assert(
      fc.property(digits(6), nonZero3, fc.oneof(fc.constant("000"), nonZero3), (county, town, village) => {
        const code = `${county}${town}${village}`
        expect(REGION_ID_PATTERN.test(code)).toBe(true)
        const [twelve, short] = statsCodeParents(code)
        if (village === "000") {
          expect(statsCodeFits(code, "street")).toBe(true)
          expect(statsCodeFits(code, "community")).toBe(false)
          expect(twelve).toBe(`${county}000000`)
          expect(short).toBe(county)
        } else {
          expect(statsCodeFits(code, "village")).toBe(true)
          expect(statsCodeFits(code, "township")).toBe(false)
          expect(twelve).toBe(`${county}${town}000`)
          expect(statsCodeRung(twelve ?? "")).toBe("town")
          expect(short).toBe(`${county}${town}`)
        }
      }),
      { numRuns: 500 },
    )
  })

  it("property: an id that is not a 12-digit code fits any level and names no parent", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(REGION_ID_PATTERN).filter((s) => !/^\d{12}$/.test(s)),
        fc.constantFrom("street", "township", "community", "village") as fc.Arbitrary<
          "street" | "township" | "community" | "village"
        >,
        (id, level) => {
          expect(statsCodeFits(id, level)).toBe(true)
          expect(statsCodeParents(id)).toEqual([])
        },
      ),
    )
  })
})
