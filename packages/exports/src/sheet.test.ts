import { describe, expect, it } from "vitest"
import { displayWidth } from "./sheet.js"

describe("displayWidth (Excel character units)", () => {
  it("counts a CJK or full-width character as two and ASCII as one", () => {
    expect(displayWidth("abc")).toBe(3)
    expect(displayWidth("王晓明")).toBe(6)
    expect(displayWidth("1990.05")).toBe(7)
    expect(displayWidth("派往街道（乡镇）")).toBe(16)
    expect(displayWidth("138****1234")).toBe(11)
  })
})
