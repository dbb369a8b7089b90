/**
 * Issue 20, next slice: admonishments as records, not labels. 003 五 强化负面惩戒 "明确15项具体负面情形,对作风不实、
 * 工作干劲不足、履职评估结果较差的,及时批评教育,促其整改;对岗位目标任务完成差、以权谋私、群众反映强烈的,及时调整并严肃处理"
 * and 004 淮上 目标考核 三是 "对群众满意率达不到60%的,诫勉谈话": the managing body records the measure on the placement
 * (the Admonish move), the placement goes on, and a measure the clause does not name is refused.
 */
import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { negativeListOf } from "../assessment/Recall.js"
import { loadPreset } from "../scheme/Preset.js"
import { secretaryTeamManagement } from "../scheme/presets/index.js"
import { Scheme, type SchemeEncoded } from "../scheme/Scheme.js"
import { formatDecodeErrorText } from "../shared/Decode.js"
import { ctxFor, d, decision, drive, placed, SCHEMES } from "./fixtures.js"
import { type IllegalPlacementMove, type Placement, type PlacementMove, transition } from "./Placement.js"

const T = SCHEMES.team
const H = SCHEMES.huaishang

const teamInPost = (): Placement =>
  drive(
    placed(T, "2025-01-06"),
    [[{ _tag: "TakeUp", date: d("2025-01-06"), termEnd: d("2027-12-31") }, "2025-01-06"]],
    T,
  )
const huaishangInPost = (): Placement =>
  drive(
    placed(H, "2025-01-06"),
    [[{ _tag: "TakeUp", date: d("2025-01-06"), termEnd: d("2028-01-06") }, "2025-01-06"]],
    H,
  )

const refused = (r: Either.Either<Placement, IllegalPlacementMove>): IllegalPlacementMove => {
  if (Either.isRight(r)) throw new Error(`expected a refusal, got state ${r.right.state}`)
  return r.left
}
const moved = (r: Either.Either<Placement, IllegalPlacementMove>): Placement => {
  if (Either.isLeft(r)) throw new Error(r.left.message)
  return r.right
}

describe("003 五 强化负面惩戒: the 15-item negative list", () => {
  const list = negativeListOf(T.recall)
  it("counts 15 items, names the six the speech names, each with its outcome, and leaves nine district-set", () => {
    expect(list?.size).toBe(15)
    expect(list?.citation).toMatchObject({ document: "003", clause: "五 强化负面惩戒" })
    expect(list?.items.map((t) => [t.id, t.action, t.measures ?? null])).toEqual([
      ["neg_slack_style", "admonish", ["criticism_education", "rectification"]],
      ["neg_low_drive", "admonish", ["criticism_education", "rectification"]],
      ["neg_poor_evaluation", "admonish", ["criticism_education", "rectification"]],
      ["neg_poor_results", "adjust_or_return", null],
      ["neg_abuse_of_power", "adjust_or_return", null],
      ["neg_public_complaints", "adjust_or_return", null],
    ])
    // The speech names no more than six: the other nine are never invented, they are the district's to fill in.
    expect(list?.districtSet).toBe(9)
    expect(list?.text.zh).toContain("其余9项文件未列明，由本地区填写")
  })

  const encoded = secretaryTeamManagement.encoded
  const withRecall = (recall: SchemeEncoded["recall"]): SchemeEncoded => ({ ...encoded, recall })
  const decodeError = (s: SchemeEncoded): string => {
    const r = Schema.decodeEither(Scheme)(s)
    return Either.isLeft(r) ? formatDecodeErrorText(r.left) : "decoded"
  }
  it("a list naming a trigger the scheme lacks, or more items than its size, does not decode", () => {
    const nl = encoded.recall.negativeList
    if (nl?._tag !== "Cited") throw new Error("003 keeps a cited negative list")
    expect(
      decodeError(
        withRecall({ ...encoded.recall, negativeList: { ...nl, value: { ...nl.value, items: ["nope"] } } }),
      ),
    ).toContain("the negative list names an unknown trigger: nope")
    expect(
      decodeError(
        withRecall({ ...encoded.recall, negativeList: { ...nl, value: { ...nl.value, size: 5 } } }),
      ),
    ).toContain("more than its 5")
  })
  it("measures belong to admonishments only", () => {
    const triggers = encoded.recall.triggers.map((t) =>
      t.id === "neg_abuse_of_power" ? { ...t, measures: ["criticism_education" as const] as const } : t,
    )
    expect(decodeError(withRecall({ ...encoded.recall, triggers }))).toContain(
      "trigger neg_abuse_of_power is not an admonishment",
    )
  })
})

describe("003 五: 批评教育、促其整改 recorded on the placement by the managing body", () => {
  const admonish = (over: Partial<Extract<PlacementMove, { _tag: "Admonish" }>> = {}): PlacementMove => ({
    _tag: "Admonish",
    triggerId: "neg_slack_style",
    measures: ["criticism_education", "rectification"],
    reason: "2025年上半年履职评估：作风不实",
    decision: decision("2025-07-10"),
    ...over,
  })

  it("the org dept's admonishment is on record; the placement goes on in term", () => {
    const p = moved(transition(teamInPost(), admonish(), ctxFor(T, "2025-07-10", "org_dept_admin")))
    expect(p.state).toBe("in_term")
    expect(p.admonishments).toEqual([
      {
        triggerId: "neg_slack_style",
        measures: ["criticism_education", "rectification"],
        reason: "2025年上半年履职评估：作风不实",
        decision: decision("2025-07-10"),
        citation: expect.objectContaining({ document: "003", clause: "五 强化负面惩戒" }),
      },
    ])
    expect(p.history.at(-1)).toMatchObject({ from: "in_term", to: "in_term", move: { _tag: "Admonish" } })
    // A second finding later is a second record.
    const again = moved(
      transition(
        p,
        admonish({
          triggerId: "neg_low_drive",
          measures: ["rectification"],
          decision: decision("2025-12-20"),
        }),
        ctxFor(T, "2025-12-20"),
      ),
    )
    expect(again.admonishments?.map((a) => a.triggerId)).toEqual(["neg_slack_style", "neg_low_drive"])
  })

  it("诫勉谈话 is not among the measures 003 五 names for this item", () => {
    const r = refused(
      transition(teamInPost(), admonish({ measures: ["admonishment_talk"] }), ctxFor(T, "2025-07-10")),
    )
    expect(r.reason).toBe("measure_not_in_clause")
    expect(r.detail.zh).toContain("批评教育、促其整改")
  })

  it("an item whose outcome is 调整 (以权谋私) is not admonished: it is adjusted", () => {
    const r = refused(
      transition(teamInPost(), admonish({ triggerId: "neg_abuse_of_power" }), ctxFor(T, "2025-07-10")),
    )
    expect(r.reason).toBe("trigger_action_mismatch")
    const adjusted = moved(
      transition(
        teamInPost(),
        {
          _tag: "Adjust",
          triggerId: "neg_abuse_of_power",
          outcome: "adjust",
          reason: "以权谋私，及时调整",
          decision: decision("2025-07-10"),
        },
        ctxFor(T, "2025-07-10"),
      ),
    )
    expect(adjusted.state).toBe("adjusted")
  })

  it("the scheme names no decider: a street account does not record the org dept's admonishment", () => {
    const r = refused(
      transition(
        teamInPost(),
        admonish({ decision: decision("2025-07-10", "street") }),
        ctxFor(T, "2025-07-10", "street_admin"),
      ),
    )
    expect(r.reason).toBe("wrong_decider")
  })

  it("a closed placement takes no admonishment", () => {
    const closed = drive(
      teamInPost(),
      [
        [
          {
            _tag: "Adjust",
            triggerId: "neg_public_complaints",
            outcome: "adjust",
            reason: "群众反映强烈",
            decision: decision("2025-06-01"),
          },
          "2025-06-01",
        ],
      ],
      T,
    )
    expect(refused(transition(closed, admonish(), ctxFor(T, "2025-07-10"))).reason).toBe("closed")
  })
})

describe("004 淮上 目标考核 三是: 诫勉谈话 as a recordable outcome", () => {
  const talk: PlacementMove = {
    _tag: "Admonish",
    triggerId: "admonish_below_60",
    measures: ["admonishment_talk"],
    reason: "2025年满意度测评满意率 55/100 = 55.0%，达不到60%",
    decision: decision("2025-12-28", "street"),
  }
  it("the township (street) records the talk; the cadre stays in post", () => {
    const p = moved(transition(huaishangInPost(), talk, ctxFor(H, "2025-12-28", "street_admin")))
    expect(p.state).toBe("in_term")
    expect(p.admonishments?.[0]?.measures).toEqual(["admonishment_talk"])
  })
  it("批评教育 is not what 淮上 names below 60%", () => {
    const r = refused(
      transition(
        huaishangInPost(),
        { ...talk, measures: ["criticism_education"] },
        ctxFor(H, "2025-12-28", "street_admin"),
      ),
    )
    expect(r.reason).toBe("measure_not_in_clause")
  })
  it("the org dept does not speak for the township committee the clause names", () => {
    const r = refused(
      transition(huaishangInPost(), { ...talk, decision: decision("2025-12-28") }, ctxFor(H, "2025-12-28")),
    )
    expect(r.reason).toBe("wrong_decider")
  })
  it("the scheme's 50% trigger is a recall, not an admonishment", () => {
    expect(
      refused(
        transition(
          huaishangInPost(),
          { ...talk, triggerId: "recall_below_50" },
          ctxFor(H, "2025-12-28", "street_admin"),
        ),
      ).reason,
    ).toBe("trigger_action_mismatch")
  })
})

describe("loadPreset keeps the measures", () => {
  it("003 and 淮上 decode with their measures", () => {
    expect(
      loadPreset(secretaryTeamManagement).recall.triggers.filter((t) => t.measures !== undefined),
    ).toHaveLength(3)
    expect(H.recall.triggers.find((t) => t.id === "admonish_below_60")?.measures).toEqual([
      "admonishment_talk",
    ])
  })
})
