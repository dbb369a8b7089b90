import { describe, expect, it } from "vitest"
import { maskIdNumber, maskPhone } from "./mask.js"

describe("masking (the kernel's rule, re-exported for the SPAs)", () => {
  it("hides the birth date of an ID number, keeping 6 + 4 characters", () => {
    const masked = maskIdNumber("11010519491231002X")
    expect(masked).toBe("110105********002X")
    expect(masked).not.toContain("19491231")
    expect(masked).toHaveLength(18)
  })
  it("keeps the first 3 and last 4 digits of a mobile number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678")
  })
  it("masks a short value completely", () => {
    expect(maskIdNumber("12345")).toBe("*****")
    expect(maskPhone("1234")).toBe("****")
  })
})
