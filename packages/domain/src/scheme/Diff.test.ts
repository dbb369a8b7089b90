import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { diff } from "./Diff.js"
import { loadPreset } from "./Preset.js"
import { yangpuCommunitySecretary } from "./presets/yangpu-community-secretary.js"
import { Scheme, type SchemeEncoded } from "./Scheme.js"

const v1 = loadPreset(yangpuCommunitySecretary)
const enc = yangpuCommunitySecretary.encoded
const with_ = (s: SchemeEncoded) => Schema.decodeUnknownSync(Scheme)(s)
const mapRules = (
  f: (r: SchemeEncoded["eligibility"]["rules"][number]) => SchemeEncoded["eligibility"]["rules"][number],
) => with_({ ...enc, eligibility: { ...enc.eligibility, rules: enc.eligibility.rules.map(f) } })

describe("diff", () => {
  it("000: diff(x, x) is empty", () => {
    expect(diff(v1, v1)).toEqual([])
  })
  it("000 一（一）5: a changed maximum age is one rule parameter change, with before, after and the clause", () => {
    const v2 = mapRules((r) => (r._tag === "AgeRange" ? { ...r, max: 40 } : r))
    expect(diff(v1, v2)).toEqual([
      {
        _tag: "RuleChanged",
        group: "rules",
        ruleId: "age",
        parameter: "max",
        before: 38,
        after: 40,
        citation: {
          document: "000",
          clause: "一（一）5",
          quote: "年龄一般为25—38周岁，特别优秀的，可适当放宽限制",
        },
      },
    ])
  })
  it("an added rule (e.g. an exclusion) is reported with its citation; removing it is the reverse", () => {
    const exclusion = {
      _tag: "NoExclusion" as const,
      id: "no_criminal",
      citation: { document: "000", clause: "补充" },
      label: { zh: "无刑事处罚", en: "no criminal punishment" },
      waivable: false,
      kinds: ["criminal_punishment"],
      description: { zh: "受过刑事处罚", en: "a criminal punishment" },
    }
    const v2 = with_({ ...enc, eligibility: { ...enc.eligibility, exclusions: [exclusion] } })
    const added = diff(v1, v2)
    expect(added).toHaveLength(1)
    expect(added[0]).toMatchObject({
      _tag: "RuleAdded",
      group: "exclusions",
      ruleId: "no_criminal",
      citation: { clause: "补充" },
    })
    expect(diff(v2, v1)[0]).toMatchObject({ _tag: "RuleRemoved", ruleId: "no_criminal" })
  })
  it("000 一: a changed term length is reported by path with the term's citation", () => {
    const v2 = with_({
      ...enc,
      term: {
        ...enc.term,
        length: { ...enc.term.length, value: { amount: 3, unit: "year" } } as SchemeEncoded["term"]["length"],
      },
    })
    expect(diff(v1, v2)).toEqual([
      expect.objectContaining({
        _tag: "ParameterChanged",
        path: "term.length.value.amount",
        before: 5,
        after: 3,
        citation: expect.objectContaining({ clause: "一" }),
      }),
    ])
  })
  it("000 二（一）: a moved deadline is reported under the stage's id, not its position", () => {
    const v2 = with_({
      ...enc,
      stages: enc.stages.map((s) =>
        s.id === "recommend" && s.deadline._tag === "Cited"
          ? {
              ...s,
              deadline: {
                ...s.deadline,
                value: { _tag: "ByDate" as const, month: 12, day: 20, yearOffset: 0 },
              },
            }
          : s,
      ),
    })
    expect(diff(v1, v2)).toEqual([
      expect.objectContaining({ path: "stages[id=recommend].deadline.value.day", before: 18, after: 20 }),
    ])
  })
  it("a version bump alone is a parameter change (so reviewers see it)", () => {
    expect(
      diff(v1, with_({ ...enc, version: 2, effectiveFrom: "2021-12-01" })).map(
        (c) => c._tag === "ParameterChanged" && c.path,
      ),
    ).toEqual(["version", "effectiveFrom"])
  })
})
