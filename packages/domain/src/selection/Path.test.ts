import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import {
  anqiuDownSecondment,
  guizhouStreetReservePool,
  PRESETS,
  yangpuCommunitySecretary,
} from "../scheme/presets/index.js"
import { derivePath, nextStep, noticeBeforeDecision, type Path } from "./Path.js"

const states = (p: Path) => p.steps.map((s) => s.state)
const cites = (p: Path, state: string) =>
  p.steps
    .find((s) => s.state === state)
    ?.stages.map((x) => `${x.id} ${x.citation.document} ${x.citation.clause}`)

describe("path derivation from the seed presets", () => {
  it("000 二（一）–（二）: Yangpu is unit recommendation → interview → 部务会 decision → placement → report-in, no notice", () => {
    const p = derivePath(loadPreset(yangpuCommunitySecretary))
    expect(states(p)).toEqual([
      "draft",
      "submitted",
      "screened",
      "interview",
      "decided",
      "appointed",
      "reported_in",
    ])
    expect(cites(p, "submitted")).toEqual(["mobilise 000 二（一）", "recommend 000 二（一）"])
    expect(cites(p, "interview")).toEqual(["interview 000 二（二）"])
    expect(cites(p, "decided")).toEqual(["decide 000 二（二）"])
    expect(p.steps.find((s) => s.state === "decided")?.stages[0]?.actor).toBe("org_dept_meeting")
    expect(cites(p, "reported_in")).toEqual(["report_to_street 000 二（二）"])
    expect(cites(p, "appointed")).toEqual(["placement 000 二（二）"])
    expect(p.shortlistRatio).toBeUndefined()
    expect(p.unmapped).toEqual([])
  })

  it("001 四（二）1–3: the reserve pool is recommendation → the community's 公示 → joint review → inspection → street decision", () => {
    // 四（二）1: the community "確定……推薦人選……並進行公示" and reports them to the street; the street's 初审, the
    // departments' opinions and the inspection (四（二）2) follow — the notice is not after the inspection.
    const p = derivePath(loadPreset(guizhouStreetReservePool))
    expect(states(p)).toEqual([
      "draft",
      "submitted",
      "screened",
      "public_notice",
      "joint_review",
      "inspection",
      "decided",
      "appointed",
    ])
    expect(noticeBeforeDecision(p)).toBe(true)
    expect(cites(p, "public_notice")).toEqual(["recommend 001 四（二）1"])
    expect(cites(p, "joint_review")).toEqual(["joint_review 001 四（二）2"])
    expect(cites(p, "inspection")).toEqual(["inspect 001 四（二）2"])
    expect(cites(p, "decided")).toEqual(["decide 001 四（二）3"])
    expect(p.campaignStages.map((s) => s.id)).toEqual(["deploy", "submit_forms", "report"])
    expect(nextStep(p, "screened")).toBe("public_notice")
    expect(nextStep(p, "public_notice")).toBe("joint_review")
    expect(nextStep(p, "inspection")).toBe("decided")
    expect(p.steps.find((s) => s.state === "joint_review")?.stages[0]?.departments).toEqual([
      "纪检",
      "公安",
      "综治",
      "计生",
    ])
  })

  it("004 安丘 规范选派程序（2）–（3）: application → 1:2 shortlist → standing committee → publication", () => {
    const p = derivePath(loadPreset(anqiuDownSecondment))
    expect(states(p)).toEqual([
      "draft",
      "submitted",
      "screened",
      "shortlisted",
      "decided",
      "public_notice",
      "appointed",
    ])
    expect(noticeBeforeDecision(p)).toBe(false)
    expect(p.shortlistRatio?.value).toEqual({ candidates: 2, places: 1 })
    expect(p.shortlistRatio?.citation.clause).toBe("安丘 规范选派程序（3）")
    expect(cites(p, "shortlisted")).toEqual(["shortlist 004 安丘 规范选派程序（3）"])
    expect(cites(p, "decided")).toEqual(["decide 004 安丘 规范选派程序（3）"])
    expect(p.steps.find((s) => s.state === "decided")?.stages[0]?.actor).toBe("standing_committee")
    expect(cites(p, "public_notice")).toEqual(["publish 004 安丘 规范选派程序（3）"])
    expect(cites(p, "submitted")).toEqual([
      "apply 004 安丘 规范选派程序（2）",
      "unit_recommend 004 安丘 规范选派程序（2）",
    ])
  })

  it("every preset derives a path with draft/submitted/screened first, decided before appointed, no unmapped stage", () => {
    for (const preset of PRESETS) {
      const p = derivePath(loadPreset(preset))
      const st = states(p)
      expect([preset.key, st.slice(0, 3)]).toEqual([preset.key, ["draft", "submitted", "screened"]])
      expect(st.indexOf("decided")).toBeLessThan(st.indexOf("appointed"))
      expect([preset.key, p.unmapped]).toEqual([preset.key, []])
      expect(new Set(st).size).toBe(st.length)
    }
  })
})
