import type { RouterInputs, RouterOutputs } from "@cadre/client"

/**
 * The profile form's flat values and their conversion to and from the API's profile (the kernel's
 * Person.Profile in its JSON form). What the form does not edit (rank, conduct records, attestations, tags,
 * further education entries, the tags staff put on a work period) is carried over unchanged from the stored profile.
 */

export type StoredProfile = RouterOutputs["profiles"]["mine"]["profile"]
export type ProfileInput = RouterInputs["profiles"]["createMine"]["profile"]

export const EDUCATION_LEVELS = [
  "primary",
  "junior_secondary",
  "senior_secondary",
  "technical_secondary",
  "junior_college",
  "bachelor",
  "master",
  "doctorate",
] as const satisfies ReadonlyArray<ProfileInput["education"][number]["level"]>

export const EMPLOYMENT_CATEGORIES = [
  "civil_servant",
  "civil_servant_managed",
  "public_institution_established",
  "public_institution_contract",
  "soe",
  "community_worker",
  "other",
] as const satisfies ReadonlyArray<ProfileInput["employment"]>

export type PartyStatus = ProfileInput["party"]["_tag"]

/** The 56 ethnic groups as the cadre roster writes them (GB/T 3304), 汉族 first: the 民族 field's choices. */
export const ETHNIC_GROUPS = [
  "汉族",
  "蒙古族",
  "回族",
  "藏族",
  "维吾尔族",
  "苗族",
  "彝族",
  "壮族",
  "布依族",
  "朝鲜族",
  "满族",
  "侗族",
  "瑶族",
  "白族",
  "土家族",
  "哈尼族",
  "哈萨克族",
  "傣族",
  "黎族",
  "傈僳族",
  "佤族",
  "畲族",
  "高山族",
  "拉祜族",
  "水族",
  "东乡族",
  "纳西族",
  "景颇族",
  "柯尔克孜族",
  "土族",
  "达斡尔族",
  "仫佬族",
  "羌族",
  "布朗族",
  "撒拉族",
  "毛南族",
  "仡佬族",
  "锡伯族",
  "阿昌族",
  "普米族",
  "塔吉克族",
  "怒族",
  "乌孜别克族",
  "俄罗斯族",
  "鄂温克族",
  "德昂族",
  "保安族",
  "裕固族",
  "京族",
  "塔塔尔族",
  "独龙族",
  "鄂伦春族",
  "赫哲族",
  "门巴族",
  "珞巴族",
  "基诺族",
]

/**
 * One period of the résumé (简历) as the form edits it. The earliest start is the 参加工作时间 the 报名表 prints
 * (000 附件), so at least one period is asked for.
 */
export interface WorkPeriodValues {
  from: string
  to?: string | undefined
  organisation: string
  position: string
  grassroots: boolean
}

/** 政治面貌 as the 报名表's family box writes it: the usual answers, typed freely when none fits. */
export const POLITICAL_STATUSES = [
  "中共党员",
  "中共预备党员",
  "共青团员",
  "民主党派成员",
  "无党派人士",
  "群众",
]

/** 称谓 as cadre forms write them: offered while typing, any other relation may be typed. */
export const RELATIONS = [
  "配偶",
  "父亲",
  "母亲",
  "儿子",
  "女儿",
  "岳父",
  "岳母",
  "公公",
  "婆婆",
  "兄弟",
  "姐妹",
]

/** One row of 家庭主要成员及重要社会关系 as the form edits it. */
export interface FamilyValues {
  relation: string
  name: string
  birthDate?: string | undefined
  politicalStatus?: string | undefined
  workUnitAndPost?: string | undefined
}

export interface ProfileValues {
  name: string
  sex: "male" | "female"
  ethnicity?: string | undefined
  /** 籍贯, 出生地 and 健康状况: printed on the 报名表 as the applicant gives them. */
  nativePlace?: string | undefined
  birthPlace?: string | undefined
  health?: string | undefined
  birthDate: string
  idNumber: string
  phone?: string | undefined
  partyStatus: PartyStatus
  partyJoined?: string | undefined
  partyFullSince?: string | undefined
  educationLevel: (typeof EDUCATION_LEVELS)[number]
  educationFullTime: boolean
  employment: (typeof EMPLOYMENT_CATEGORIES)[number]
  currentUnit?: string | undefined
  currentPosition?: string | undefined
  /** 参加工作时间; left empty, the 报名表 takes the résumé's earliest start. */
  workStarted?: string | undefined
  workHistory: Array<WorkPeriodValues>
  /** 家庭主要成员及重要社会关系 (may be empty: the 报名表's box is then filled by hand). */
  family: Array<FamilyValues>
  regionId: string
}

/** A new profile's starting values: one empty résumé line to fill in. */
export const emptyValues: Partial<ProfileValues> = {
  partyStatus: "NotMember",
  educationFullTime: true,
  workHistory: [{ from: "", organisation: "", position: "", grassroots: false }],
  family: [],
}

/** The form's values from the stored profile. */
export const toValues = (p: StoredProfile, regionId: string): ProfileValues => {
  const education = p.education[0]
  return {
    name: p.name,
    sex: p.sex,
    ethnicity: p.ethnicity,
    nativePlace: p.nativePlace,
    birthPlace: p.birthPlace,
    health: p.health,
    birthDate: p.birthDate,
    idNumber: p.idNumber,
    phone: p.phone,
    partyStatus: p.party._tag,
    partyJoined: p.party._tag === "NotMember" ? undefined : p.party.joined,
    partyFullSince: p.party._tag === "Full" ? p.party.fullMemberSince : undefined,
    educationLevel: education?.level ?? "bachelor",
    educationFullTime: education?.fullTime ?? true,
    employment: p.employment,
    currentUnit: p.currentUnit,
    currentPosition: p.currentPosition,
    workStarted: p.workStarted,
    workHistory: p.workHistory.map((w) => ({
      from: w.from,
      to: w.to,
      organisation: w.organisation,
      position: w.position,
      grassroots: w.grassroots,
    })),
    family: (p.family ?? []).map((m) => ({
      relation: m.relation,
      name: m.name,
      birthDate: m.birthDate,
      politicalStatus: m.politicalStatus,
      workUnitAndPost: m.workUnitAndPost,
    })),
    regionId,
  }
}

const filled = (s: string | undefined): string | undefined => {
  const t = s?.trim()
  return t === undefined || t === "" ? undefined : t
}

/** Only the keys whose value is present (exactOptionalPropertyTypes: absent, never `undefined`). */
const optional = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: string }

const partyOf = (v: ProfileValues): ProfileInput["party"] => {
  switch (v.partyStatus) {
    case "NotMember":
      return { _tag: "NotMember" }
    case "Probationary":
      return { _tag: "Probationary", joined: v.partyJoined ?? "" }
    case "Full":
      return { _tag: "Full", joined: v.partyJoined ?? "", fullMemberSince: v.partyFullSince ?? "" }
  }
}

/** What the form does not edit; the optional fields it does edit are dropped so that clearing them removes them. */
const keep = ({
  id: _id,
  phone: _p,
  currentUnit: _u,
  currentPosition: _c,
  workHistory: _w,
  ethnicity: _e,
  workStarted: _s,
  nativePlace: _n,
  birthPlace: _b,
  health: _h,
  family: _f,
  ...rest
}: StoredProfile) => rest

/**
 * The résumé from the form, earliest first. Tags that staff put on a period (e.g. 疫情防控 assistant, read by a
 * scheme's preferences) stay on the period with the same start and organisation.
 */
const workHistoryOf = (
  rows: ReadonlyArray<WorkPeriodValues>,
  previous: StoredProfile | undefined,
): ProfileInput["workHistory"] =>
  rows
    .map((w) => {
      const before = previous?.workHistory.find(
        (p) => p.from === w.from && p.organisation === w.organisation.trim(),
      )
      return {
        from: w.from,
        ...optional("to", filled(w.to)),
        organisation: w.organisation.trim(),
        position: w.position.trim(),
        grassroots: w.grassroots,
        tags: before?.tags ?? [],
      }
    })
    .sort((a, b) => a.from.localeCompare(b.from))

/** The family rows from the form: blank optional cells dropped, nothing sent for an empty box. */
const familyOf = (rows: ReadonlyArray<FamilyValues>): { family?: ProfileInput["family"] } =>
  rows.length === 0
    ? {}
    : {
        family: rows.map((m) => ({
          relation: m.relation.trim(),
          name: m.name.trim(),
          ...optional("birthDate", filled(m.birthDate)),
          ...optional("politicalStatus", filled(m.politicalStatus)),
          ...optional("workUnitAndPost", filled(m.workUnitAndPost)),
        })),
      }

/** The API's input from the form's values, keeping what the form does not edit from `previous`. */
export const toInput = (
  v: ProfileValues,
  previous?: StoredProfile,
): { regionId: string; profile: ProfileInput } => {
  const kept = previous === undefined ? { conduct: [], attestations: [] } : keep(previous)
  const [first, ...furtherEducation] = previous?.education ?? []
  const profile: ProfileInput = {
    ...kept,
    name: v.name.trim(),
    sex: v.sex,
    ...optional("ethnicity", filled(v.ethnicity)),
    ...optional("nativePlace", filled(v.nativePlace)),
    ...optional("birthPlace", filled(v.birthPlace)),
    ...optional("health", filled(v.health)),
    birthDate: v.birthDate,
    idNumber: v.idNumber.trim(),
    ...optional("phone", filled(v.phone)),
    party: partyOf(v),
    education: [{ ...first, level: v.educationLevel, fullTime: v.educationFullTime }, ...furtherEducation],
    employment: v.employment,
    ...optional("currentUnit", filled(v.currentUnit)),
    ...optional("currentPosition", filled(v.currentPosition)),
    ...optional("workStarted", filled(v.workStarted)),
    workHistory: workHistoryOf(v.workHistory ?? [], previous),
    ...familyOf(v.family ?? []),
  }
  return { regionId: v.regionId.trim(), profile }
}

/**
 * The form field a server issue names: `["profile", "idNumber"]` → "idNumber", `["regionId"]` → "regionId",
 * `["profile", "workHistory", 0, "from"]` → "workHistory.0.from" (the résumé's rows are ordered by start, as the
 * form sends them).
 */
export const fieldOfPath = (path: ReadonlyArray<PropertyKey>): string | undefined => {
  const [head, second, third] = path
  if (head === "regionId") return "regionId"
  if (head !== "profile") return undefined
  switch (second) {
    case "name":
    case "sex":
    case "birthDate":
    case "idNumber":
    case "phone":
    case "employment":
    case "currentUnit":
    case "currentPosition":
    case "ethnicity":
    case "workStarted":
    case "nativePlace":
    case "birthPlace":
    case "health":
      return second
    case "party":
      if (third === "joined") return "partyJoined"
      if (third === "fullMemberSince") return "partyFullSince"
      return "partyStatus"
    case "education":
      return path[3] === "fullTime" ? "educationFullTime" : "educationLevel"
    case "workHistory":
      return typeof third === "number" && typeof path[3] === "string"
        ? `workHistory.${third}.${path[3]}`
        : "workHistory"
    case "family":
      return typeof third === "number" && typeof path[3] === "string"
        ? `family.${third}.${path[3]}`
        : "family"
    default:
      return undefined
  }
}

/** An unfinished profile as the API keeps it (save and return, issue 17). */
export type DraftValues = RouterInputs["profiles"]["saveDraftMine"]["values"]
export type DraftStep = RouterInputs["profiles"]["saveDraftMine"]["step"]

/** Every field the form asks: a draft carries these and nothing else (the API refuses any other key). */
const DRAFT_FIELDS = [
  "name",
  "idNumber",
  "sex",
  "ethnicity",
  "birthDate",
  "nativePlace",
  "birthPlace",
  "health",
  "phone",
  "partyStatus",
  "partyJoined",
  "partyFullSince",
  "educationLevel",
  "educationFullTime",
  "employment",
  "currentUnit",
  "currentPosition",
  "workStarted",
  "regionId",
] as const satisfies ReadonlyArray<keyof ProfileValues & keyof DraftValues>

const present = (v: unknown): boolean => v !== undefined && v !== null

/** Only the keys of `row` in `keys` whose value is present: what a half-filled row holds. */
const pick = <K extends string>(row: Readonly<Record<string, unknown>> | undefined, keys: ReadonlyArray<K>) =>
  Object.fromEntries(keys.filter((k) => present(row?.[k])).map((k) => [k, row?.[k]])) as Partial<
    Record<K, never>
  >

/**
 * The form's answers so far as a draft: the fields it asks, as typed (half an ID number, a missing date), without
 * the empty ones; the kernel judges them only when the profile is saved whole.
 */
export const toDraft = (v: Partial<ProfileValues>): DraftValues => ({
  ...pick(v as Record<string, unknown>, DRAFT_FIELDS),
  ...(v.workHistory === undefined
    ? {}
    : {
        workHistory: v.workHistory.map((w) =>
          pick(w as unknown as Record<string, unknown>, [
            "from",
            "to",
            "organisation",
            "position",
            "grassroots",
          ]),
        ),
      }),
  ...(v.family === undefined
    ? {}
    : {
        family: v.family.map((m) =>
          pick(m as unknown as Record<string, unknown>, [
            "relation",
            "name",
            "birthDate",
            "politicalStatus",
            "workUnitAndPost",
          ]),
        ),
      }),
})

/** The form's values from a draft laid over what it started from (the stored profile, or a new one's). */
export const fromDraft = (base: Partial<ProfileValues>, draft: DraftValues): Partial<ProfileValues> => {
  const given = Object.fromEntries(Object.entries(draft).filter(([, v]) => present(v)))
  return { ...base, ...(given as Partial<ProfileValues>) }
}
