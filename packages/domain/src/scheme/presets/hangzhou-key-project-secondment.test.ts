/**
 * Issue 20, 004 杭州: the key-project secondment (重点工程) as a preset. Each value the notes state cites its
 * paragraph; where they are silent the value is unspecified and says the district sets it (文件未规定).
 */
import { describe, expect, it } from "vitest"
import { derivePath } from "../../selection/Path.js"
import { loadPreset } from "../Preset.js"
import { hangzhouKeyProjectSecondment, PRESETS, presetByKey } from "./index.js"

const s = loadPreset(hangzhouKeyProjectSecondment)

describe("004 杭州 重点工程挂职: a preset of its own", () => {
  it("is offered among the presets, a lateral secondment in Hangzhou (330100)", () => {
    expect(PRESETS).toContain(hangzhouKeyProjectSecondment)
    expect(presetByKey("hangzhou-key-project-secondment")).toBe(hangzhouKeyProjectSecondment)
    expect(s.regionId).toBe("330100")
    expect(s.kind).toEqual({ _tag: "Secondment", direction: "lateral" })
  })

  it("杭州 教育管理: 派出单位和接收单位共同管理, the receiving unit day to day", () => {
    const p = s.provisions.find((x) => x.id === "joint_management")
    expect(p?.citation).toMatchObject({ document: "004", clause: "杭州 教育管理" })
    expect(p?.citation.quote).toContain("由派出单位和接收单位共同管理挂职干部")
    expect(p?.text.zh).toContain("接收单位负责日常管理")
  })

  it("杭州 教育管理: every receiving unit sets up a 临时党支部; 考勤 is kept", () => {
    expect(s.provisions.find((x) => x.id === "temporary_party_branch")?.citation.quote).toBe(
      "各接收单位都成立挂职干部临时党支部",
    )
    const att = s.provisions.find((x) => x.id === "attendance")
    expect(att?.citation.quote).toContain("考勤制度")
    // The notes set up attendance without its rules: leave is district-set.
    expect(s.leave._tag).toBe("Unspecified")
  })

  it("杭州 教育管理: 期满考核 by the dispatching unit together with the receiving unit, after a year", () => {
    expect(s.assessment.cycles).toEqual([
      expect.objectContaining({
        id: "term_end",
        cadence: { _tag: "TermEnd" },
        decidedBy: "dispatching_unit",
        jointlyWith: ["host_unit"],
      }),
    ])
    expect(s.assessment.cycles[0]?.citation.quote).toBe("由派出单位会同接收单位对挂职干部进行考核")
    expect(s.term.length).toMatchObject({ _tag: "Cited", value: { amount: 1, unit: "year" } })
  })

  it("where the notes are silent the value is district-set, never invented", () => {
    for (const p of [
      s.assessment.grades,
      s.assessment.quotas,
      s.recall.consequences,
      s.leave,
      s.term.probation,
    ])
      expect(p._tag).toBe("Unspecified")
    expect(s.eligibility.rules.map((r) => r._tag)).toEqual(["Attested"])
    expect(s.eligibility.rules[0]?.label.zh).toContain("文件未规定年龄等界限")
    // No selection step the notes do not name: the campaign is deployed and the units recommend.
    const path = derivePath(s)
    expect(path.campaignStages.map((x) => x.id)).toEqual(["deploy"])
    expect(path.unmapped).toEqual([])
  })
})
