import { describe, expect, it } from "vitest"
import {
  beijingMidnight,
  chineseDate,
  dotted,
  ExportInputError,
  parseIsoDate,
  yearMonth,
  yearMonthOpt,
} from "./format.js"

describe("date printing", () => {
  it("出生年月 and 入党时间 print as YYYY.MM, keeping the leading zero of the month", () => {
    expect(yearMonth("1990-05-17", "f")).toBe("1990.05")
    expect(yearMonth("1990-10-01", "f")).toBe("1990.10")
    expect(yearMonthOpt(undefined, "f")).toBe("")
  })

  it("full dates print as YYYY.MM.DD in tables and YYYY年M月D日 in form text (000: 2020年12月9日)", () => {
    expect(dotted("2021-01-05", "f")).toBe("2021.01.05")
    expect(chineseDate("2020-12-09", "f")).toBe("2020年12月9日")
  })

  it("checks that the day exists: 29 February only in a leap year", () => {
    expect(parseIsoDate("2020-02-29", "f")).toEqual({ y: 2020, m: 2, d: 29 })
    expect(() => parseIsoDate("2021-02-29", "f")).toThrow(ExportInputError)
    expect(() => parseIsoDate("1900-02-29", "f")).toThrow(ExportInputError)
    expect(parseIsoDate("2000-02-29", "f")).toEqual({ y: 2000, m: 2, d: 29 })
    expect(() => parseIsoDate("2020-04-31", "f")).toThrow(ExportInputError)
    expect(() => parseIsoDate("2020-13-01", "f")).toThrow(ExportInputError)
  })

  it("rejects other shapes and names the field in both languages", () => {
    for (const bad of ["1990.05", "1990-5-17", "19900517", "", "1990-05-17T00:00:00Z"]) {
      expect(() => yearMonth(bad, "rows[3].birthDate")).toThrow(ExportInputError)
    }
    try {
      yearMonth("1990.05", "rows[3].birthDate")
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ExportInputError)
      const err = e as ExportInputError
      expect(err.field).toBe("rows[3].birthDate")
      expect(err.message).toBe('rows[3].birthDate: expected a date YYYY-MM-DD, got "1990.05"')
      expect(err.zh).toBe('rows[3].birthDate：日期应为 YYYY-MM-DD，收到 "1990.05"')
    }
  })

  it("the PDF creation date is midnight in Beijing (UTC+8), not in the server's zone", () => {
    expect(beijingMidnight("2020-12-20", "f").toISOString()).toBe("2020-12-19T16:00:00.000Z")
  })
})
