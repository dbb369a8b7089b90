import { createI18n } from "@cadre/ui"
import { describe, expect, it } from "vitest"
import { portalResources } from "../../i18n"
import { answerRows, type Reason, reasonGroups } from "./application-words"

const reason = (kind: Reason["kind"], zh: string): Reason => ({ kind, text: { zh, en: zh }, clause: null })

describe("我的报名: reasons in their groups", () => {
  it("keeps failures, pending reviews and a body's notes apart, failures first, empty groups left out", () => {
    const groups = reasonGroups([
      reason("review", "党性强（待审核）"),
      reason("fail", "年龄超过38周岁"),
      reason("review", "作风扎实（待审核）"),
    ])
    expect(groups.map((g) => [g.kind, g.reasons.map((r) => r.text.zh)])).toEqual([
      ["fail", ["年龄超过38周岁"]],
      ["review", ["党性强（待审核）", "作风扎实（待审核）"]],
    ])
    expect(reasonGroups([])).toEqual([])
  })
})

describe("check your answers", () => {
  const t = createI18n({ resources: portalResources, defaultNS: "portal", language: "zh-CN" }).getFixedT(
    "zh-CN",
    "portal",
  )
  const profile = {
    id: "p-1",
    name: "王晓明",
    sex: "male",
    birthDate: "1992-03-14",
    idNumber: "340311199203141239",
    party: { _tag: "Full", joined: "2014-06-01", fullMemberSince: "2015-06-01" },
    education: [{ level: "bachelor", fullTime: true }],
    employment: "public_institution_established",
    currentUnit: "淮上区民政局",
    workHistory: [
      { from: "2018-09-01", organisation: "淮上区民政局", position: "科员", grassroots: false, tags: [] },
      {
        from: "2014-07-01",
        to: "2018-08-31",
        organisation: "某街道",
        position: "办事员",
        grassroots: true,
        tags: [],
      },
    ],
    conduct: [],
    attestations: [],
  } as unknown as Parameters<typeof answerRows>[0]

  it("says in Chinese what the 报名表 will print; the earliest résumé start is 参加工作时间; gaps read 未填写", () => {
    const groups = answerRows(profile, t, "zh-CN")
    const all = groups.flatMap((g) => g.rows.map((r) => [g.title, r.label, r.children]))
    expect(all).toContainEqual(["基本信息", "性别", "男"])
    expect(all).toContainEqual(["工作情况", "参加工作时间", "2014年7月1日"])
    expect(all).toContainEqual(["工作情况", "现任职务", "未填写"])
    expect(all).toContainEqual(["最高学历", "学历层次", "大学本科"])
    // The résumé in order, the open period "至今".
    expect(groups.at(-2)?.rows.map((r) => `${r.label} ${r.children}`)).toEqual([
      "2014年7月1日—2018年8月31日 某街道 办事员",
      "2018年9月1日—至今 淮上区民政局 科员",
    ])
    // Each group's "修改" opens the profile's page that asks it.
    expect(groups.map((g) => g.page)).toEqual(["basic", "party", "education", "work", "resume", "family"])
    // 籍贯 and the family box as the 报名表 prints them; an empty box says so.
    expect(all).toContainEqual(["基本信息", "籍贯", "未填写"])
    expect(all).toContainEqual(["家庭主要成员及重要社会关系", "家庭主要成员及重要社会关系", "未填写家庭成员"])
    const withFamily = answerRows(
      { ...profile, family: [{ relation: "配偶", name: "李娜", politicalStatus: "群众" }] },
      t,
      "zh-CN",
    )
    expect(withFamily.at(-1)?.rows).toEqual([{ label: "配偶", children: "李娜 群众" }])
    // No raw key or English word on the zh-CN page.
    for (const [title, label, value] of all) expect(`${title}${label}${value}`).not.toMatch(/[a-z]{3,}/i)
  })
})
