import { describe, expect, it } from "vitest"
import { admonishMove } from "./admonish-dialog"
import { admonishTriggers, type SchemeView } from "./placement-helpers"

const trigger = (id: string, action: string, measures?: ReadonlyArray<string>) => ({
  id,
  action,
  label: { zh: id, en: id },
  citation: { document: "003", clause: "五" },
  ...(measures === undefined ? {} : { measures }),
})

describe("教育提醒 (003 五 批评教育、促其整改; 004 淮上 目标考核 三是 诫勉谈话)", () => {
  it("offers only the scheme's admonish triggers, never a recall's or an adjustment's", () => {
    const scheme = {
      recall: {
        triggers: [
          trigger("slack", "admonish", ["criticism_education", "rectification"]),
          trigger("graft", "adjust"),
          trigger("survey", "recall"),
        ],
      },
    } as unknown as Pick<SchemeView, "recall">
    expect(admonishTriggers(scheme).map((t) => t.id)).toEqual(["slack"])
    expect(admonishTriggers(null)).toEqual([])
  })

  it("sends the chosen measures, the trimmed facts and the decision; a blank reference is left out", () => {
    expect(
      admonishMove({
        triggerId: "slack",
        measures: ["criticism_education", "rectification"],
        reason: "  工作日多次不在岗  ",
        by: "org_dept",
        date: "2026-11-20",
        reference: "  ",
      }),
    ).toEqual({
      _tag: "Admonish",
      triggerId: "slack",
      measures: ["criticism_education", "rectification"],
      reason: "工作日多次不在岗",
      decision: { by: "org_dept", date: "2026-11-20" },
    })
    expect(() =>
      admonishMove({ triggerId: "slack", measures: [], reason: "x", by: "org_dept", date: "2026-11-20" }),
    ).toThrow()
  })
})
