import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { type DecodeMessage, decodeUnknownWithMessages, formatDecodeError } from "../shared/Decode.js"
import { Profile, type ProfileEncoded } from "./Profile.js"

/** A complete profile using every optional field. ID 11010519491231002X: born 1949-12-31, female. */
const full = {
  id: "p-001",
  name: "王丽",
  sex: "female",
  birthDate: "1949-12-31",
  idNumber: "11010519491231002X",
  phone: "13812341234",
  party: { _tag: "Full", joined: "1970-07-01", fullMemberSince: "1971-07-01" },
  education: [
    {
      level: "junior_college",
      fullTime: true,
      institution: "某大学",
      major: "法学",
      graduated: "1970-07-01",
    },
    { level: "bachelor", fullTime: false },
  ],
  employment: "civil_servant",
  rank: { level: "section", track: "leading" },
  currentUnit: "区民政局",
  currentPosition: "科长",
  workHistory: [
    {
      from: "1970-08-01",
      to: "1980-01-31",
      organisation: "某街道",
      position: "科员",
      grassroots: true,
      tags: ["epidemic_assistant"],
    },
    { from: "1980-02-01", organisation: "区民政局", position: "科长", grassroots: false },
  ],
  conduct: [{ kind: "commendation", date: "1990-01-01", description: "嘉奖" }],
  attestations: [{ item: "health", result: true, by: "reviewer", reviewer: "李四", date: "2020-01-01" }],
  tags: ["reserve"],
  nativePlace: "上海市杨浦区",
  birthPlace: "上海市",
  health: "健康",
  family: [
    {
      relation: "配偶",
      name: "张伟",
      birthDate: "1950-03-01",
      politicalStatus: "群众",
      workUnitAndPost: "已退休",
    },
    { relation: "女儿", name: "张静" },
  ],
} satisfies ProfileEncoded

const decode = Schema.decodeUnknownEither(Profile, { errors: "all" })
const messages = (input: unknown): ReadonlyArray<DecodeMessage> => {
  const r = decodeUnknownWithMessages(Profile)(input)
  if (Either.isRight(r)) throw new Error("expected the profile to be rejected")
  return r.left
}
const at = (ms: ReadonlyArray<DecodeMessage>, path: ReadonlyArray<string | number>): DecodeMessage => {
  const m = ms.find((x) => JSON.stringify(x.path) === JSON.stringify(path))
  if (m === undefined) throw new Error(`no message at ${JSON.stringify(path)}: ${JSON.stringify(ms)}`)
  return m
}

describe("Profile decode", () => {
  it("decodes a full profile, and encode → JSON → decode gives it back", () => {
    const decoded = Either.getOrThrow(decode(full))
    expect(decoded.workHistory[1]?.tags).toEqual([]) // default filled in
    const json = JSON.stringify(Schema.encodeSync(Profile)(decoded))
    const again = Either.getOrThrow(decode(JSON.parse(json)))
    expect(again).toEqual(decoded)
  })

  it("normalises a lowercase x in the ID number", () => {
    const decoded = Either.getOrThrow(decode({ ...full, idNumber: "11010519491231002x" }))
    expect(decoded.idNumber).toBe("11010519491231002X")
  })

  it("rejects a birth date that disagrees with the ID number, on the birthDate field", () => {
    const m = at(messages({ ...full, birthDate: "1949-12-30" }), ["birthDate"])
    expect(m.message.zh).toBe("身份证号中的出生日期与出生日期不一致")
    expect(m.message.en).toBe("the birth date in the ID number does not match the birth date")
  })

  it("rejects a sex that disagrees with the ID number (17th digit 2: female), on the sex field", () => {
    const ms = messages({ ...full, sex: "male" })
    expect(ms).toHaveLength(1)
    expect(at(ms, ["sex"]).message).toEqual({
      zh: "身份证号中的性别与性别不一致",
      en: "the sex in the ID number does not match the sex",
    })
  })

  it("reports both cross-check failures at once", () => {
    const ms = messages({ ...full, sex: "male", birthDate: "1950-01-01" })
    expect(ms.map((m) => m.path[0]).sort()).toEqual(["birthDate", "sex"])
  })
})

describe("the 报名表's personal fields (seed 000 附件: 籍贯, 出生地, 健康状况, 家庭主要成员及重要社会关系)", () => {
  it("keeps 籍贯, 出生地, 健康状况 and the family rows through a round trip", () => {
    const decoded = Either.getOrThrow(decode(full))
    expect([decoded.nativePlace, decoded.birthPlace, decoded.health]).toEqual([
      "上海市杨浦区",
      "上海市",
      "健康",
    ])
    expect(decoded.family?.map((m) => `${m.relation}${m.name}`)).toEqual(["配偶张伟", "女儿张静"])
    expect(Schema.encodeSync(Profile)(decoded).family).toEqual(full.family)
  })
  it("a family row needs its relation and name, at the row's field, in both languages", () => {
    const ms = messages({ ...full, family: [{ relation: " ", name: "张伟" }] })
    const m = at(ms, ["family", 0, "relation"])
    expect(m.field.zh).toContain("称谓")
    expect(m.field.en + m.message.en).toContain("relation")
  })
  it("refuses more family rows than the form holds, and an over-long 籍贯", () => {
    const many = Array.from({ length: 16 }, (_, i) => ({ relation: "其他", name: `成员${i}` }))
    expect(at(messages({ ...full, family: many }), ["family"]).message.zh).toContain("最多填写15人")
    expect(at(messages({ ...full, nativePlace: "市".repeat(51) }), ["nativePlace"]).field.zh).toContain(
      "籍贯",
    )
  })
})

describe("formatDecodeError names the field in Chinese and English", () => {
  it("missing name", () => {
    const { name: _omit, ...noName } = full
    const m = at(messages(noName), ["name"])
    expect(m.field).toEqual({ zh: "姓名", en: "name" })
    expect(m.message).toEqual({ zh: "必填", en: "is required" })
    expect(m.text).toBe("姓名（name）：必填 / name: is required")
  })

  it("bad birth date", () => {
    const m = at(messages({ ...full, birthDate: "1949-02-30" }), ["birthDate"])
    expect(m.field).toEqual({ zh: "出生日期", en: "birth date" })
    expect(m.text).toBe(
      "出生日期（birthDate）：日期格式应为 YYYY-MM-DD 且为真实日期 / " +
        "birth date (birthDate): date must be YYYY-MM-DD and a real calendar date",
    )
  })

  it("bad ID number nested in a larger input", () => {
    const Application = Schema.Struct({ applicant: Profile })
    const r = Schema.decodeUnknownEither(Application)({
      applicant: { ...full, idNumber: "110105194912310021" },
    })
    if (Either.isRight(r)) throw new Error("expected a failure")
    const [m] = formatDecodeError(r.left, "en")
    expect(m?.path).toEqual(["applicant", "idNumber"])
    expect(m?.field).toEqual({ zh: "身份证号", en: "ID number" })
    expect(m?.message.zh).toBe("身份证号校验位不正确，请检查是否输错")
    expect(m?.text).toBe(
      "ID number (applicant.idNumber): ID number check character is wrong; please check for a typo",
    )
  })

  it("bad education level inside the array: the path carries the index, the message lists the allowed values", () => {
    const education = [full.education[0], { level: "phd", fullTime: true }]
    const m = at(messages({ ...full, education }), ["education", 1, "level"])
    expect(m.field).toEqual({ zh: "学历层次", en: "education level" })
    expect(m.message.zh).toBe(
      "应为以下之一：primary、junior_secondary、senior_secondary、technical_secondary、junior_college、bachelor、master、doctorate",
    )
    expect(m.message.en).toContain("must be one of: primary, junior_secondary")
    expect(m.text).toContain("学历层次（education[1].level）：")
    expect(m.text).toContain("education level (education[1].level): ")
  })

  it("optional fields and defaulted arrays keep their titles (phone, work-history tags)", () => {
    const workHistory = [{ ...full.workHistory[0], tags: ["ok", 7] }]
    const ms = messages({ ...full, phone: "12345", workHistory })
    const phone = at(ms, ["phone"])
    expect(phone.field).toEqual({ zh: "手机号", en: "phone" })
    expect(phone.message.zh).toBe("手机号应为 11 位数字")
    // No "must be absent" noise from the `| undefined` of an optional field.
    expect(ms.filter((m) => m.path[0] === "phone")).toHaveLength(1)
    expect(at(ms, ["workHistory", 0, "tags", 1]).field).toEqual({ zh: "标签", en: "tags" })
  })

  it("a wrong union tag names the union's kind and lists the tags", () => {
    const m = at(messages({ ...full, party: { _tag: "Member" } }), ["party", "_tag"])
    expect(m.field).toEqual({ zh: "党员身份类型", en: "Party membership kind" })
    expect(m.message.en).toBe("must be one of: NotMember, Probationary, Full")
  })

  it("collects every problem, not only the first", () => {
    const { name: _omit, ...noName } = full
    const ms = messages({ ...noName, birthDate: "bad", sex: "x", employment: "farmer" })
    expect(ms.map((m) => m.path.join(".")).sort()).toEqual(["birthDate", "employment", "name", "sex"])
  })
})
