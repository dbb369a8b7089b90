import { fieldIssues, stripField } from "@cadre/ui"
import { describe, expect, it } from "vitest"
import {
  fieldOfPath,
  fromDraft,
  type ProfileValues,
  type StoredProfile,
  toDraft,
  toInput,
  toValues,
} from "./profile-values"

const values: ProfileValues = {
  name: " 王晓明 ",
  sex: "male",
  birthDate: "1992-03-14",
  idNumber: "340311199203141239",
  phone: "",
  partyStatus: "Full",
  partyJoined: "2014-06-01",
  partyFullSince: "2015-06-01",
  educationLevel: "bachelor",
  educationFullTime: true,
  employment: "public_institution_established",
  currentUnit: "淮上区民政局",
  currentPosition: "  ",
  workHistory: [
    { from: "2018-09-01", organisation: " 淮上区民政局 ", position: "科员", grassroots: false, to: "" },
    {
      from: "2014-07-01",
      to: "2018-08-31",
      organisation: "淮上区某街道",
      position: "办事员",
      grassroots: true,
    },
  ],
  family: [],
  regionId: " 340311 ",
}

describe("profile form ↔ API profile", () => {
  it("builds a new profile: trimmed, empty optionals absent, no id, empty lists", () => {
    expect(toInput(values)).toEqual({
      regionId: "340311",
      profile: {
        // Earliest first (the 报名表's 参加工作时间 is the first start); an empty end is absent, not "".
        workHistory: [
          {
            from: "2014-07-01",
            to: "2018-08-31",
            organisation: "淮上区某街道",
            position: "办事员",
            grassroots: true,
            tags: [],
          },
          { from: "2018-09-01", organisation: "淮上区民政局", position: "科员", grassroots: false, tags: [] },
        ],
        conduct: [],
        attestations: [],
        name: "王晓明",
        sex: "male",
        birthDate: "1992-03-14",
        idNumber: "340311199203141239",
        party: { _tag: "Full", joined: "2014-06-01", fullMemberSince: "2015-06-01" },
        education: [{ level: "bachelor", fullTime: true }],
        employment: "public_institution_established",
        currentUnit: "淮上区民政局",
      },
    })
  })

  it("keeps what the form does not edit and drops a cleared optional field", () => {
    const stored = {
      id: "p-1",
      name: "王晓明",
      sex: "male",
      birthDate: "1992-03-14",
      idNumber: "340311199203141239",
      phone: "13912345678",
      party: { _tag: "Probationary", joined: "2025-01-01" },
      education: [
        { level: "master", fullTime: false, major: "法学" },
        { level: "bachelor", fullTime: true },
      ],
      employment: "civil_servant",
      currentPosition: "科员",
      workHistory: [
        {
          from: "2015-07-01",
          organisation: "淮上区",
          position: "科员",
          grassroots: true,
          tags: ["epidemic_assistant"],
        },
      ],
      conduct: [],
      attestations: [],
      tags: ["x"],
    } as unknown as StoredProfile
    const v = { ...toValues(stored, "340311"), phone: "", partyStatus: "NotMember" as const }
    const { profile } = toInput(v, stored)
    expect(profile).not.toHaveProperty("id")
    expect(profile).not.toHaveProperty("phone")
    expect(profile.currentPosition).toBe("科员")
    expect(profile.party).toEqual({ _tag: "NotMember" })
    expect(profile.education).toEqual([
      { level: "master", fullTime: false, major: "法学" },
      { level: "bachelor", fullTime: true },
    ])
    // The period comes back from the form as it was, and keeps the tag staff gave it.
    expect(profile.workHistory).toEqual([
      {
        from: "2015-07-01",
        organisation: "淮上区",
        position: "科员",
        grassroots: true,
        tags: ["epidemic_assistant"],
      },
    ])
    expect(profile.tags).toEqual(["x"])
  })

  it("sends 籍贯, 出生地, 健康状况 and the family rows trimmed, blank cells absent, and reads them back", () => {
    const { profile } = toInput({
      ...values,
      nativePlace: " 安徽省淮北市 ",
      birthPlace: "",
      health: "健康",
      family: [
        {
          relation: " 配偶 ",
          name: "李娜",
          birthDate: "1993-05-01",
          politicalStatus: "群众",
          workUnitAndPost: " ",
        },
      ],
    })
    expect(profile.nativePlace).toBe("安徽省淮北市")
    expect(profile).not.toHaveProperty("birthPlace")
    expect(profile.health).toBe("健康")
    expect(profile.family).toEqual([
      { relation: "配偶", name: "李娜", birthDate: "1993-05-01", politicalStatus: "群众" },
    ])
    const back = toValues({ ...profile, id: "p-1" } as unknown as StoredProfile, "340311")
    expect(back.family[0]?.name).toBe("李娜")
    expect(back.nativePlace).toBe("安徽省淮北市")
    // Emptying the family box on the form removes the rows on record.
    const cleared = toInput({ ...back, family: [] }, { ...profile, id: "p-1" } as unknown as StoredProfile)
    expect(cleared.profile).not.toHaveProperty("family")
  })

  it("reads the stored party dates back into the form", () => {
    const stored = {
      ...toInput(values).profile,
      id: "p-1",
    } as unknown as StoredProfile
    const v = toValues(stored, "340311")
    expect([v.partyStatus, v.partyJoined, v.partyFullSince]).toEqual(["Full", "2014-06-01", "2015-06-01"])
  })
})

describe("server issues → form fields", () => {
  it("maps the API's paths to the form's fields", () => {
    expect(fieldOfPath(["profile", "idNumber"])).toBe("idNumber")
    expect(fieldOfPath(["regionId"])).toBe("regionId")
    expect(fieldOfPath(["profile", "party", "fullMemberSince"])).toBe("partyFullSince")
    expect(fieldOfPath(["profile", "party", "joined"])).toBe("partyJoined")
    expect(fieldOfPath(["profile", "education", 0, "fullTime"])).toBe("educationFullTime")
    expect(fieldOfPath(["profile", "education", 0, "level"])).toBe("educationLevel")
    expect(fieldOfPath(["profile", "workHistory", 0, "from"])).toBe("workHistory.0.from")
    expect(fieldOfPath(["profile", "workHistory"])).toBe("workHistory")
    expect(fieldOfPath(["profile", "family", 1, "name"])).toBe("family.1.name")
    expect(fieldOfPath(["profile", "nativePlace"])).toBe("nativePlace")
    expect(fieldOfPath(["expectedVersion"])).toBeUndefined()
  })

  it("drops the field prefix the label already says, in both languages", () => {
    expect(stripField("身份证号（profile.idNumber）：身份证号校验位不正确，请检查是否输错")).toBe(
      "身份证号校验位不正确，请检查是否输错",
    )
    expect(stripField("ID number (profile.idNumber): ID number check character is wrong")).toBe(
      "ID number check character is wrong",
    )
    expect(stripField("no prefix here")).toBe("no prefix here")
    const issues = fieldIssues(
      {
        code: "BAD_REQUEST",
        tag: "InvalidInput",
        message: { zh: "输入有误", en: "Invalid input" },
        issues: [
          {
            path: ["profile", "idNumber"],
            message: { zh: "身份证号（profile.idNumber）：错", en: "ID (x): bad" },
          },
          { path: ["profile", "tags"], message: { zh: "w", en: "w" } },
        ],
        requestId: null,
      },
      fieldOfPath,
    )
    expect(issues).toEqual([{ field: "idNumber", message: { zh: "错", en: "bad" } }])
  })
})

describe("save and return (issue 17): the form's answers as a draft and back", () => {
  it("keeps what is typed, half an ID number included, and nothing the API would refuse", () => {
    const typed = {
      ...values,
      idNumber: "3403111992",
      birthDate: undefined,
      extra: "not a field",
      workHistory: [{ from: "2018-09-01", organisation: "淮上区民政局", position: "", grassroots: false }],
      family: [{ relation: "配偶", name: "" }],
    } as unknown as Partial<ProfileValues>
    const draft = toDraft(typed)
    expect(draft.idNumber).toBe("3403111992")
    expect("birthDate" in draft).toBe(false)
    expect("extra" in draft).toBe(false)
    expect(draft.workHistory?.[0]).toEqual({
      from: "2018-09-01",
      organisation: "淮上区民政局",
      position: "",
      grassroots: false,
    })
    expect(draft.family).toEqual([{ relation: "配偶", name: "" }])
  })

  it("lays a draft over the saved profile: a saved answer stays unless the draft answers it", () => {
    const base: Partial<ProfileValues> = { name: "王晓明", phone: "19911335870", family: [] }
    const merged = fromDraft(base, {
      name: "王小明",
      phone: null,
      family: [{ relation: "母亲", name: "李某" }],
    })
    expect(merged.name).toBe("王小明")
    expect(merged.phone).toBe("19911335870")
    expect(merged.family).toEqual([{ relation: "母亲", name: "李某" }])
  })
})
