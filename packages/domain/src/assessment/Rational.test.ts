import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { compare, exactDecimal, holds, percent, rational, roundHalfUp, show, showShare } from "./Rational.js"

describe("Rational", () => {
  it("reduces, shows exact decimals or fractions, and shares as people write them", () => {
    expect(rational(30, 100)).toEqual({ num: 3, den: 10 })
    expect(show(rational(9, 5))).toBe("1.8")
    expect(show(rational(7, 3))).toBe("7/3")
    expect(exactDecimal(rational(1, 8))).toBe("0.125")
    expect(showShare(rational(20, 100))).toBe("20%")
    expect(showShare(rational(1, 8))).toBe("12.5%")
    expect(showShare(rational(1, 3))).toBe("1/3")
  })

  it("rounds half up at display only: 56/123 → 45.5%, 5715/150 → 38.1, 1/8 → 0.13, 1/16 → 0.06", () => {
    expect(percent(rational(56, 123))).toBe("45.5%")
    expect(roundHalfUp(rational(5715, 150), 1)).toBe("38.1")
    expect(roundHalfUp(rational(1, 8), 2)).toBe("0.13")
    expect(roundHalfUp(rational(1, 16), 2)).toBe("0.06")
    expect(roundHalfUp(rational(5, 2), 0)).toBe("3")
    expect(percent(rational(2, 3), 0)).toBe("67%")
  })

  it("compare agrees with BigInt cross-multiplication for any fractions", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.nat({ max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (a, b, c, d) => {
          const l = BigInt(a) * BigInt(d)
          const r = BigInt(c) * BigInt(b)
          expect(compare(rational(a, b), rational(c, d))).toBe(l < r ? -1 : l > r ? 1 : 0)
          expect(holds(rational(a, b), "gt", rational(c, d))).toBe(l > r)
        },
      ),
    )
  })

  it("refuses what is not a non-negative rational", () => {
    expect(() => rational(1, 0)).toThrow(RangeError)
    expect(() => rational(-1, 2)).toThrow(RangeError)
    expect(() => rational(0.5, 2)).toThrow(RangeError)
  })
})
