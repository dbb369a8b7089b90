import { describe, expect, it } from "vitest"
import { maskIdNumber, maskPhone } from "./mask.js"

describe("maskIdNumber", () => {
  it("hides the birth date of an 18-character ID number, keeping 3 + 4 characters", () => {
    const masked = maskIdNumber("11010519491231002X")
    expect(masked).toBe("110***********002X")
    expect(masked).not.toContain("19491231")
    expect(masked).toHaveLength(18)
  })
  it("upper-cases the check character and trims spaces", () => {
    expect(maskIdNumber(" 11010519491231002x ")).toBe("110***********002X")
  })
  it("masks the old 15-digit form too", () => {
    expect(maskIdNumber("110105491231002")).toBe("110********1002")
  })
  it("masks a short value completely", () => {
    expect(maskIdNumber("1234567")).toBe("*******")
  })
})

describe("maskPhone", () => {
  it("keeps the first 3 and last 4 digits of a mobile number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678")
  })
  it("keeps the country prefix and separators", () => {
    expect(maskPhone("+86 138-1234-5678")).toBe("+86 138-****-5678")
  })
  it("masks a landline's middle digits", () => {
    expect(maskPhone("021-65432100")).toBe("021-****2100")
  })
  it("masks a number with too few digits completely", () => {
    expect(maskPhone("12345")).toBe("*****")
  })
})
