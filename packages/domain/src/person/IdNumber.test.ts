import { Either, ParseResult, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { fromEpochDay, make, toEpochDay } from "../shared/LocalDate.js"
import { birthDateOf, checkCharacter, IdNumber, idNumberProblem, maskIdNumber, sexOf } from "./IdNumber.js"
import { maskPhone } from "./Mask.js"

const decode = Schema.decodeUnknownEither(IdNumber)
const decodeOk = (s: string): IdNumber => Either.getOrThrow(decode(s))
const failure = (s: string): string => {
  const r = decode(s)
  if (Either.isRight(r)) throw new Error(`expected ${s} to be rejected`)
  return ParseResult.TreeFormatter.formatErrorSync(r.left)
}

/** Independent derivation of the check character: weights are 2^(17-i) mod 11 (ISO 7064 MOD 11-2). */
const referenceCheck = (first17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11)
  return "10X98765432"[sum % 11] ?? "?"
}
const withCheck = (first17: string): string => first17 + checkCharacter(first17)

const arbDigits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(""))
/** 17 digits: address code, a real birth date within LocalDate's range, sequence code. */
const arbFirst17 = fc
  .tuple(
    arbDigits(6),
    fc.integer({ min: toEpochDay(make("1900-01-01")), max: toEpochDay(make("2200-12-31")) }),
    arbDigits(3),
  )
  .map(([area, day, seq]) => `${area}${fromEpochDay(day).replaceAll("-", "")}${seq}`)

describe("IdNumber (GB 11643-1999)", () => {
  it("accepts the published example 11010519491231002X: born 1949-12-31, female", () => {
    const id = decodeOk("11010519491231002X")
    expect(id).toBe("11010519491231002X")
    expect(birthDateOf(id)).toBe("1949-12-31")
    expect(sexOf(id)).toBe("female")
  })

  it("computes the standard's check characters (incl. the 1880 example, whose date is outside LocalDate's range)", () => {
    expect(checkCharacter("11010519491231002")).toBe("X")
    expect(checkCharacter("44052418800101001")).toBe("4")
    // 1880 is before 1900, the lower bound of LocalDate, so decoding reports the date.
    expect(idNumberProblem("440524188001010014")).toBe("birth_date")
  })

  it("accepts computed samples and reads sex from the 17th digit (odd = male)", () => {
    const male = withCheck("31011019850615003") // 17th digit 3
    const female = withCheck("52010220000229004") // 17th digit 4, born on 29 Feb of a leap year
    expect(sexOf(decodeOk(male))).toBe("male")
    expect(sexOf(decodeOk(female))).toBe("female")
    expect(birthDateOf(decodeOk(female))).toBe("2000-02-29")
  })

  it("normalises a lowercase x and surrounding spaces, and encodes the normalised form", () => {
    const id = decodeOk("  11010519491231002x ")
    expect(id).toBe("11010519491231002X")
    expect(Schema.encodeSync(IdNumber)(id)).toBe("11010519491231002X")
  })

  it("rejects a wrong length with its own message", () => {
    expect(failure("11010519491231002")).toContain("身份证号应为 18 位，实际为 17 位")
    expect(failure("11010519491231002X1")).toContain("ID number must have 18 characters, got 19")
    expect(idNumberProblem("")).toBe("length")
  })

  it("rejects non-digits (and X anywhere but last) with its own message", () => {
    expect(idNumberProblem("1101051949123100AX")).toBe("characters")
    expect(idNumberProblem("1101051949123100X2")).toBe("characters")
    expect(failure("1101O519491231002X")).toContain(
      "身份证号前 17 位应为数字，最后一位为数字或 X / ID number must be 17 digits followed by a digit or X",
    )
  })

  it("rejects an impossible birth date even with a correct check character", () => {
    const feb29Common = withCheck("11010520010229002")
    const month13 = withCheck("11010519491331002")
    expect(idNumberProblem(feb29Common)).toBe("birth_date")
    expect(failure(month13)).toContain("身份证号中的出生日期（第 7–14 位）不是有效日期")
  })

  it("rejects a wrong check character with its own message", () => {
    expect(idNumberProblem("110105194912310021")).toBe("checksum")
    expect(failure("110105194912310021")).toContain(
      "身份证号校验位不正确，请检查是否输错 / ID number check character is wrong",
    )
  })

  it("gives a different message for each kind of failure", () => {
    const messages = [
      "1101051949",
      "1101051949123100AX",
      withCheck("11010519490230002"),
      "110105194912310021",
    ].map(failure)
    expect(new Set(messages).size).toBe(4)
  })

  it("checkCharacter refuses anything but 17 digits", () => {
    expect(() => checkCharacter("1234")).toThrow()
    expect(() => checkCharacter("1101051949123100X")).toThrow()
  })

  it("property: checkCharacter agrees with the 2^(17-i) mod 11 derivation", () => {
    fc.assert(
      fc.property(arbDigits(17), (s) => {
        expect(checkCharacter(s)).toBe(referenceCheck(s))
      }),
    )
  })

  it("property: 17 digits with a real date plus the computed check character decode, with date and sex read back", () => {
    fc.assert(
      fc.property(arbFirst17, (first17) => {
        const id = decodeOk(withCheck(first17))
        expect(birthDateOf(id).replaceAll("-", "")).toBe(first17.slice(6, 14))
        expect(sexOf(id)).toBe(Number(first17[16]) % 2 === 1 ? "male" : "female")
      }),
    )
  })

  it("property: changing any one character of a valid id makes it invalid", () => {
    fc.assert(
      fc.property(
        arbFirst17,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        (first17, pos, shift) => {
          const id = withCheck(first17)
          const alphabet = pos === 17 ? "0123456789X" : "0123456789"
          const current = alphabet.indexOf(id.charAt(pos))
          const replacement = alphabet.charAt((current + shift) % alphabet.length)
          if (replacement === id.charAt(pos)) return // shift of 10 on a 10-letter alphabet: no change
          const changed = id.slice(0, pos) + replacement + id.slice(pos + 1)
          expect(Either.isLeft(decode(changed))).toBe(true)
        },
      ),
    )
  })
})

describe("masks", () => {
  it("maskIdNumber keeps the first 6 and the last 4", () => {
    expect(maskIdNumber("11010119900101123X")).toBe("110101********123X")
    expect(maskIdNumber(decodeOk("11010519491231002X"))).toBe("110105********002X")
  })

  it("maskPhone keeps the first 3 and the last 4", () => {
    expect(maskPhone("13812341234")).toBe("138****1234")
  })

  it("short input is masked completely rather than shown", () => {
    expect(maskIdNumber("12345")).toBe("*****")
    expect(maskPhone("1234")).toBe("****")
  })
})
