import { describe, expect, it } from "vitest"
import { chinaDate, formatDate, formatDateTime } from "./date.js"

describe("formatDate", () => {
  it("writes a date the Chinese way, without leading zeros", () => {
    expect(formatDate("2026-11-25")).toBe("2026年11月25日")
    expect(formatDate("2027-01-05", "zh-CN")).toBe("2027年1月5日")
  })
  it("writes a date the English way", () => {
    expect(formatDate("2026-11-25", "en")).toBe("25 November 2026")
  })
  it("returns a string that is not a real calendar date unchanged", () => {
    expect(formatDate("2026-02-30")).toBe("2026-02-30")
    expect(formatDate("25/11/2026")).toBe("25/11/2026")
  })
  it("accepts 29 February only in a leap year", () => {
    expect(formatDate("2028-02-29")).toBe("2028年2月29日")
    expect(formatDate("2027-02-29")).toBe("2027-02-29")
  })
  it("formats a local date and time", () => {
    expect(formatDateTime(new Date(2026, 10, 25, 9, 5))).toBe("2026年11月25日 09:05")
  })
})

describe("chinaDate", () => {
  it("names the day in China: 16:00 UTC is already the next day there, also across a year", () => {
    expect(chinaDate(new Date("2026-11-25T15:59:59.999Z"))).toBe("2026-11-25")
    expect(chinaDate(new Date("2026-11-25T16:00:00.000Z"))).toBe("2026-11-26")
    expect(chinaDate(new Date("2026-12-31T17:30:00.000Z"))).toBe("2027-01-01")
  })
})
