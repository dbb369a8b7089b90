import { createI18n } from "@cadre/ui"
import { describe, expect, it } from "vitest"
import { adminResources } from "../../i18n"
import {
  applyCommonParams,
  type Change,
  commonParams,
  deadlineWords,
  diffRows,
  groupSchemes,
  inForceOn,
  issueRows,
  pathText,
  type Rule,
  ruleWords,
  type SchemeBody,
  type Summary,
  splitPath,
  type Tr,
} from "./scheme-words"

const i18n = createI18n({ resources: adminResources, defaultNS: "admin", language: "zh-CN" })
const zh = i18n.getFixedT("zh-CN", "schemes") as Tr
const en = i18n.getFixedT("en", "schemes") as Tr
const text = (zhText: string, enText: string) => ({ zh: zhText, en: enText })

// Rules as packages/domain/src/scheme/presets/yangpu-community-secretary.ts states them (seed 000).
const age: Rule = {
  _tag: "AgeRange",
  id: "age",
  citation: {
    document: "000",
    clause: "一（一）5",
    quote: "年龄一般为25—38周岁，特别优秀的，可适当放宽限制",
  },
  label: text("年龄一般为25—38周岁", "Generally aged 25 to 38"),
  waivable: true,
  min: 25,
  max: 38,
}
const party: Rule = {
  _tag: "PartyStanding",
  id: "party_standing",
  citation: { document: "000", clause: "一（一）1", quote: "中共正式党员，党龄满三年" },
  label: text("中共正式党员，党龄满三年", "Full CPC member for at least three years"),
  waivable: false,
  minYears: 3,
}
const rank: Rule = {
  _tag: "RankIn",
  id: "rank",
  citation: { document: "000", clause: "一（一）2", quote: "科级及以下" },
  label: text("科级及以下", "Section level or below"),
  waivable: false,
  levels: ["staff", "clerk", "deputy_section", "section"],
  unranked: "needs_review",
}
const education: Rule = {
  _tag: "EducationAtLeast",
  id: "education",
  citation: { document: "000", clause: "一（一）5" },
  label: text("大学专科及以上学历", "Junior college or higher"),
  waivable: false,
  level: "junior_college",
  fullTimeOnly: false,
}

const stages = [
  {
    id: "recommend",
    label: text("单位党委会议讨论通过并推荐报送名单", "Unit Party committee approves and recommends names"),
    actor: "dispatching_unit",
    deadline: {
      _tag: "Cited",
      value: { _tag: "ByDate", month: 12, day: 18, yearOffset: 0 },
      citation: { document: "000", clause: "二（一）" },
    },
    citation: { document: "000", clause: "二（一）" },
  },
]

const scheme = (rules: ReadonlyArray<Rule>, over: Record<string, unknown> = {}): SchemeBody =>
  ({
    id: "yangpu-community-secretary",
    version: 2,
    effectiveFrom: "2026-11-26",
    eligibility: { rules, exclusions: [], preferences: [] },
    stages,
    leave: { _tag: "Unspecified", note: text("通知未规定请销假", "The notice does not regulate leave") },
    ...over,
  }) as unknown as SchemeBody

describe("rule → words", () => {
  it("says what Yangpu's rules require, in Chinese and English", () => {
    expect(ruleWords(age, zh, "zh")).toBe("25—38周岁")
    expect(ruleWords(age, en, "en")).toBe("aged 25 to 38 (full years)")
    const { min: _min, ...maxOnly } = age as Extract<Rule, { _tag: "AgeRange" }>
    expect(ruleWords(maxOnly, zh, "zh")).toBe("38周岁以下")
    expect(ruleWords(party, zh, "zh")).toBe("中共正式党员满3年")
    expect(ruleWords({ ...party, minYears: 0 }, zh, "zh")).toBe("中共正式党员")
    expect(ruleWords(education, zh, "zh")).toBe("大学专科及以上学历")
    expect(ruleWords({ ...education, level: "bachelor", fullTimeOnly: true }, zh, "zh")).toBe(
      "全日制大学本科及以上学历",
    )
    expect(ruleWords(rank, zh, "zh")).toBe("职务职级：办事员、科员、副科级、正科级；无职级者由审核人员判断")
    expect(ruleWords(rank, en, "en")).toBe(
      "rank: staff, clerk, deputy section level, section level; without a rank: a reviewer decides",
    )
  })

  it("words exclusions with their look-back window and open investigations", () => {
    const exclusion: Rule = {
      _tag: "NoExclusion",
      id: "no_sanction",
      citation: { document: "001", clause: "二" },
      label: text("近三年无处分", "No sanction in three years"),
      waivable: false,
      kinds: ["party_sanction"],
      withinYears: 3,
      openKinds: ["investigation"],
      description: text("受过党纪处分", "a Party sanction"),
    }
    expect(ruleWords(exclusion, zh, "zh")).toBe("近3年内无以下情形：受过党纪处分；正在接受立案审查的亦不得")
  })

  it("dates deadlines relative to the campaign year", () => {
    const label = () => "面试"
    expect(deadlineWords({ _tag: "ByDate", month: 12, day: 18, yearOffset: 0 }, zh, label)).toBe(
      "当年12月18日前",
    )
    expect(deadlineWords({ _tag: "InPeriod", month: 1, part: "mid", yearOffset: 1 }, zh, label)).toBe(
      "次年1月中旬",
    )
    expect(
      deadlineWords({ _tag: "After", stageId: "interview", within: { amount: 5, unit: "day" } }, zh, label),
    ).toBe("“面试”结束后5天内")
  })
})

const summary = (version: number, status: "draft" | "published", effectiveFrom: string): Summary =>
  ({
    schemeId: "yangpu-community-secretary",
    version,
    status,
    effectiveFrom,
    regionId: "310110",
    regionPath: "/310000/310110/",
    name: text("杨浦", "Yangpu"),
    kind: "CommunitySecretaryDispatch",
    rowVersion: 1,
    publishedAt: null,
  }) as Summary

describe("versions", () => {
  const versions = [
    summary(3, "draft", "2026-01-01"),
    summary(2, "published", "2027-01-01"),
    summary(1, "published", "2020-12-09"),
  ]
  it("the version in force is the latest published one already in effect; drafts never are", () => {
    expect(inForceOn(versions, "2026-11-26")?.version).toBe(1)
    expect(inForceOn(versions, "2027-01-01")?.version).toBe(2)
    expect(inForceOn(versions, "2020-12-08")).toBeUndefined()
  })
  it("groups the list by scheme, newest version first", () => {
    const groups = groupSchemes([versions[2], versions[0], versions[1]] as ReadonlyArray<Summary>)
    expect(groups.map((g) => g.schemeId)).toEqual(["yangpu-community-secretary"])
    expect(groups[0]?.versions.map((v) => v.version)).toEqual([3, 2, 1])
  })
})

describe("diff → rows", () => {
  const from = scheme([party, age], { version: 1, effectiveFrom: "2020-12-09" })
  const to = scheme([party, { ...age, max: 40 }])
  const changes: ReadonlyArray<Change> = [
    {
      _tag: "RuleChanged",
      group: "rules",
      ruleId: "age",
      parameter: "max",
      before: 38,
      after: 40,
      citation: age.citation,
    },
    { _tag: "ParameterChanged", path: "effectiveFrom", before: "2020-12-09", after: "2026-11-26" },
    {
      _tag: "ParameterChanged",
      path: "stages[id=recommend].deadline.value.day",
      before: 18,
      after: 20,
      citation: { document: "000", clause: "二（一）" },
    },
  ]
  it("names the changed parameter in words, with before, after and clause", () => {
    expect(diffRows(changes, from, to, zh, "zh")).toEqual([
      {
        key: "0",
        where: "人选条件“年龄一般为25—38周岁” › 最大年龄",
        before: "38",
        after: "40",
        citation: "000 一（一）5",
      },
      { key: "1", where: "生效日期", before: "2020-12-09", after: "2026-11-26", citation: "" },
      {
        key: "2",
        where: "程序环节“单位党委会议讨论通过并推荐报送名单” › 时限 › 日",
        before: "18",
        after: "20",
        citation: "000 二（一）",
      },
    ])
    expect(diffRows(changes.slice(0, 1), from, to, en, "en")[0]?.where).toBe(
      'Rule "Generally aged 25 to 38" › max age',
    )
  })
  it("shows an added rule by its meaning", () => {
    const [row] = diffRows(
      [
        {
          _tag: "RuleAdded",
          group: "rules",
          ruleId: "education",
          after: education,
          citation: education.citation,
        },
      ],
      from,
      scheme([party, age, education]),
      zh,
      "zh",
    )
    expect(row?.where).toBe("人选条件“大学专科及以上学历”（新增）")
    expect(row?.after).toBe("大学专科及以上学历")
    expect(row?.before).toBe("（无）")
  })
  it("splits diff paths into keys, ids and indices", () => {
    expect(splitPath("stages[id=recommend].deadline.value.day")).toEqual([
      "stages",
      "#recommend",
      "deadline",
      "value",
      "day",
    ])
    expect(splitPath("leave.value[0].upToDays")).toEqual(["leave", "value", 0, "upToDays"])
  })
})

describe("server issues", () => {
  it("locates each refused field in the scheme, with the path the server names", () => {
    const s = scheme([party, age])
    const rows = issueRows(
      [
        {
          path: ["scheme", "eligibility", "rules", 1],
          message: text("最小年龄不得大于最大年龄", "min age must not exceed max age"),
        },
        {
          path: ["scheme", "eligibility", "rules", 1, "max"],
          message: text("不能小于 0", "must be at least 0"),
        },
      ],
      s,
      zh,
      "zh",
    )
    expect(rows).toEqual([
      {
        path: "eligibility.rules[1]",
        where: "人选条件“年龄一般为25—38周岁”",
        message: "最小年龄不得大于最大年龄",
      },
      {
        path: "eligibility.rules[1].max",
        where: "人选条件“年龄一般为25—38周岁” › 最大年龄",
        message: "不能小于 0",
      },
    ])
    expect(pathText(["scheme", "effectiveFrom"])).toBe("effectiveFrom")
  })
})

describe("common parameters form", () => {
  it("reads and writes age bounds, Party standing, the effective date and leave tier days", () => {
    const leave = {
      _tag: "Cited",
      value: [{ upToDays: 3, approver: "host_unit" }, { approver: "org_dept" }],
      citation: { document: "004", clause: "四" },
    }
    const s = scheme([party, age, education], { leave })
    const p = commonParams(s)
    expect(p.ages).toEqual([{ id: "age", label: age.label, min: 25, max: 38 }])
    expect(p.party.map((x) => x.minYears)).toEqual([3])
    expect(p.leave).toEqual([
      { approver: "host_unit", upToDays: 3 },
      { approver: "org_dept", upToDays: null },
    ])
    const next = applyCommonParams(s, {
      effectiveFrom: "2027-01-01",
      ages: [{ ...(p.ages[0] ?? { id: "age", label: age.label }), min: null, max: 40 }],
      party: [{ id: "party_standing", label: party.label, minYears: 2 }],
      leave: [
        { approver: "host_unit", upToDays: 5 },
        { approver: "org_dept", upToDays: null },
      ],
    })
    expect(next.effectiveFrom).toBe("2027-01-01")
    const ageAfter = next.eligibility.rules.find((r) => r.id === "age")
    expect(ageAfter).toEqual({ ...age, min: undefined, max: 40 })
    expect(ageAfter !== undefined && "min" in ageAfter).toBe(false)
    expect(next.eligibility.rules.find((r) => r.id === "party_standing")).toEqual({ ...party, minYears: 2 })
    expect(next.eligibility.rules.find((r) => r.id === "education")).toBe(education)
    expect(next.leave).toEqual({
      ...leave,
      value: [{ upToDays: 5, approver: "host_unit" }, { approver: "org_dept" }],
    })
  })
})
