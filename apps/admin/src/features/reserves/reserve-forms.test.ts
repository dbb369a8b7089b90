import type { Problem } from "@cadre/ui"
import { describe, expect, it } from "vitest"
import { adminResources } from "../../i18n"
import {
  distinctIn,
  enterFieldOf,
  enterInputOf,
  enterRefusalAt,
  localToday,
  notAfter,
  reviewFindings,
  reviewInputOf,
  reviewRefusalAt,
  yearRule,
} from "./reserve-forms"

const refusal = (tag: string, reason?: string): Problem => ({
  kind: "api",
  code: "CONFLICT",
  tag,
  message: { zh: "拒绝", en: "refused" },
  issues: [],
  requestId: null,
  ...(reason === undefined ? {} : { reason }),
})

const passes = async (rule: { validator: (r: unknown, v: unknown) => Promise<void> }, value: unknown) =>
  rule.validator({}, value).then(
    () => true,
    () => false,
  )

describe("the enter dialog (入库)", () => {
  it("sends the form as reserves.enter takes it: scheme split, texts trimmed, waivers for this person only when any", () => {
    const base = {
      personId: "p1",
      regionId: "c1",
      scheme: "guizhou-street-reserve-pool@2",
      role: "deputy",
      source: "nominated" as const,
      basis: "  社区推荐 ",
    }
    expect(enterInputOf(base)).toEqual({
      personId: "p1",
      regionId: "c1",
      schemeId: "guizhou-street-reserve-pool",
      schemeVersion: 2,
      role: "deputy",
      source: "nominated",
      basis: "社区推荐",
    })
    expect(
      enterInputOf({
        ...base,
        waivers: [{ ruleId: "age", reason: " 群众认可 ", approver: "街道党工委", approvedOn: "2026-03-30" }],
      }).waivers,
    ).toEqual([
      { ruleId: "age", reason: "群众认可", approver: "街道党工委", approvedOn: "2026-03-30", subject: "p1" },
    ])
  })

  it("a waiver's approval date may not be after today; each rule is waived once", async () => {
    const rule = notAfter("2026-12-08", "x")
    expect(await passes(rule, "2026-12-08")).toBe(true)
    expect(await passes(rule, "2026-12-09")).toBe(false)
    expect(await passes(rule, "")).toBe(true)
    const list = [{ ruleId: "age" }, { ruleId: "age" }]
    expect(
      await passes(
        distinctIn(() => list, "ruleId", "x"),
        "age",
      ),
    ).toBe(false)
    expect(
      await passes(
        distinctIn(() => [{ ruleId: "age" }], "ruleId", "x"),
        "age",
      ),
    ).toBe(true)
    expect(localToday(new Date(2026, 0, 5))).toBe("2026-01-05")
  })

  it("puts the server's refusals at their fields: role, source, person (duplicate, barred, the age cap), scheme", () => {
    expect(enterRefusalAt(refusal("Conflict", "unknown_role")).map((i) => i.field)).toEqual(["role"])
    expect(enterRefusalAt(refusal("Conflict", "wrong_source")).map((i) => i.field)).toEqual(["source"])
    expect(enterRefusalAt(refusal("Conflict", "duplicate")).map((i) => i.field)).toEqual(["personId"])
    expect(enterRefusalAt(refusal("Conflict", "reserve_status_lost")).map((i) => i.field)).toEqual([
      "personId",
    ])
    expect(enterRefusalAt(refusal("PoolRefused")).map((i) => i.field)).toEqual(["personId"])
    expect(enterRefusalAt(refusal("Conflict", "no_pool")).map((i) => i.field)).toEqual(["scheme"])
    expect(enterRefusalAt(refusal("NotFound"))).toEqual([])
    expect(enterRefusalAt({ kind: "network" })).toEqual([])
    expect(enterFieldOf(["schemeVersion"])).toBe("scheme")
    expect(enterFieldOf(["basis"])).toBe("basis")
    expect(enterFieldOf(["waivers", 0, "reason"])).toBeUndefined()
  })
})

describe("the review dialog (年度评议)", () => {
  it("sends each removal with its reason trimmed; a year outside 2000–2200 is refused; a year done is refused at the year", async () => {
    expect(
      reviewInputOf({
        regionId: "s1",
        scheme: "secretary-team-management@1",
        year: 2026,
        removals: [{ personId: "p2", reason: " 年度考核不合格 " }],
      }),
    ).toEqual({
      regionId: "s1",
      schemeId: "secretary-team-management",
      schemeVersion: 1,
      year: 2026,
      removals: [{ personId: "p2", reason: "年度考核不合格" }],
    })
    expect(reviewInputOf({ regionId: "s1", scheme: "a@1", year: 2026 }).removals).toEqual([])
    expect(await passes(yearRule("x"), 2026)).toBe(true)
    expect(await passes(yearRule("x"), 1999)).toBe(false)
    expect(await passes(yearRule("x"), 2026.5)).toBe(false)
    expect(reviewRefusalAt(refusal("Conflict", "duplicate")).map((i) => i.field)).toEqual(["year"])
    expect(reviewRefusalAt(refusal("Conflict", "not_a_member"))).toEqual([])
  })

  it("reads the kernel's findings of a recorded review: the age structure, then each community's", () => {
    const text = (zh: string) => ({ zh, en: zh })
    expect(
      reviewFindings({
        composition: {
          _tag: "Composition",
          street: { status: "fail", message: text("35周岁以下 1/3（001 三（4））") },
        },
        communities: [{ findings: [{ status: "pass", message: text("和平社区推荐2名（001 二）") }] }],
      }),
    ).toEqual([
      { status: "fail", message: text("35周岁以下 1/3（001 三（4））") },
      { status: "pass", message: text("和平社区推荐2名（001 二）") },
    ])
    expect(
      reviewFindings({ composition: { _tag: "NotChecked", note: text("未规定") }, communities: [] }),
    ).toEqual([{ status: "not_checked", message: text("未规定") }])
  })

  it("every message has its English counterpart", () => {
    const keys = (o: object, prefix = ""): Array<string> =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      )
    expect(keys(adminResources.en.reserves)).toEqual(keys(adminResources["zh-CN"].reserves))
  })
})
