import { describe, expect, it } from "vitest"
import type { Finding } from "../eligibility/Finding.js"
import type { Verdict } from "../eligibility/Verdict.js"
import { rescreened } from "./Findings.js"

const finding = (ruleId: string, status: Finding["status"], extra: Partial<Finding> = {}): Finding =>
  ({
    ruleId,
    kind: "Attested",
    status,
    label: { zh: ruleId, en: ruleId },
    actual: null,
    expected: { zh: "", en: "" },
    citation: { document: "001", clause: "三" },
    waivable: false,
    message: { zh: "", en: "" },
    ...extra,
  }) as Finding
const verdict = (findings: ReadonlyArray<Finding>, outcome: Verdict["outcome"]): Verdict =>
  ({ findings, outcome, schemeId: "s", schemeVersion: 1, personId: "p" }) as unknown as Verdict
const review = {
  outcome: "confirmed" as const,
  reason: "经考察属实",
  date: "2026-07-10",
  by: "acc-1",
  role: "reviewer",
}

describe("rescreened (issue 13: a joint-review opinion's records re-screen the application in the same transaction)", () => {
  it("001 四（二）2: a reviewer's resolutions stay; a new exclusion fails the verdict", () => {
    const before = verdict(
      [finding("party_spirit", "pass", { review } as never), finding("no_violation", "pass")],
      "eligible",
    )
    const fresh = verdict(
      [finding("party_spirit", "needs_review"), finding("no_violation", "fail", { source: "joint_review" })],
      "ineligible",
    )
    const v = rescreened(before, fresh)
    expect(v.findings.map((f) => [f.ruleId, f.status])).toEqual([
      ["party_spirit", "pass"],
      ["no_violation", "fail"],
    ])
    expect(v.findings[0]?.review).toEqual(review)
    expect(v.outcome).toBe("ineligible")
  })
  it("a resolution is not carried onto a finding the fresh screening decides by itself", () => {
    const before = verdict(
      [finding("rank", "fail", { review: { ...review, outcome: "refused" } } as never)],
      "ineligible",
    )
    const v = rescreened(before, verdict([finding("rank", "pass")], "eligible"))
    expect(v.findings[0]?.status).toBe("pass")
    expect(v.outcome).toBe("eligible")
  })
})
