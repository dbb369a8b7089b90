import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { cite } from "../shared/Citation.js"
import { checkOnePosting, type HeldPosting } from "./Postings.js"

const held: HeldPosting = { kind: "appointment", id: "app-1", name: "2026年第一批选派" }

describe("one posting at a time (issue 15)", () => {
  it("a person holding nothing may be appointed under any scheme", () => {
    expect(Either.isRight(checkOnePosting("p-1", undefined, []))).toBe(true)
  })
  it("a scheme that says nothing allows one posting at a time; the refusal names the other posting", () => {
    const r = checkOnePosting("p-1", undefined, [held])
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r)) {
      expect(r.left._tag).toBe("PostingHeld")
      expect(r.left.text.zh).toContain("2026年第一批选派")
      expect(r.left.text.zh).toContain("未作规定时一人同一时间只担任一个岗位")
      expect(r.left.text.en).toContain("application app-1")
    }
    const unspecified = checkOnePosting(
      "p-1",
      { _tag: "Unspecified", note: { zh: "未规定", en: "silent" } },
      [held],
    )
    expect(Either.isLeft(unspecified)).toBe(true)
  })
  it("a scheme that cites a ban names its clause; one that cites an allowance lets the second posting through", () => {
    const ban = checkOnePosting("p-1", { _tag: "Cited", value: false, citation: cite("000", "三（一）") }, [
      { kind: "placement", id: "pl-1", name: "某村第一书记" },
    ])
    expect(Either.isLeft(ban) && ban.left.text.zh).toContain("000 三（一）")
    expect(Either.isLeft(ban) && ban.left.text.zh).toContain("某村第一书记")
    const allowed = checkOnePosting("p-1", { _tag: "Cited", value: true, citation: cite("X", "1") }, [held])
    expect(Either.isRight(allowed)).toBe(true)
  })
})
