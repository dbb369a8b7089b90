import { Person } from "@cadre/domain"

/**
 * Clearly fictitious demo people: names from a generator, phones 1990000xxxx, ID numbers computed with the
 * GB 11643 check character; deterministic (the same output every run).
 */

const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "赵",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
]
const GIVEN = [
  "晓明",
  "丽华",
  "建国",
  "文静",
  "海涛",
  "雪梅",
  "志强",
  "佳怡",
  "宇航",
  "秀英",
  "俊杰",
  "欣然",
  "国庆",
  "思远",
  "婷婷",
  "子豪",
  "凤霞",
  "立新",
]
const UNITS_BY_ADDRESS: Readonly<Record<string, string>> = {
  "310110": "杨浦区民政局",
  "520102": "某街道办事处",
  "510304": "大安区农业农村局",
  "140500": "晋城市发展和改革委员会",
  "370784": "安丘市发展和改革局",
  "330204": "江东区某机关",
  "340311": "淮上区农业农村局",
}

/** Where demo people live (region) and the address code of their ID numbers. */
const HOMES: ReadonlyArray<{ readonly regionId: string; readonly address: string }> = [
  { regionId: "310110001001", address: "310110" },
  { regionId: "310110001002", address: "310110" },
  { regionId: "310110002001", address: "310110" },
  { regionId: "310110003001", address: "310110" },
  { regionId: "310110003002", address: "310110" },
  { regionId: "310110004001", address: "310110" },
  { regionId: "310110", address: "310110" },
  { regionId: "guizhou-street-c1", address: "520102" },
  { regionId: "guizhou-street-c3", address: "520102" },
  { regionId: "guizhou-street", address: "520102" },
  { regionId: "510304101201", address: "510304" },
  { regionId: "510304102", address: "510304" },
  { regionId: "510304", address: "510304" },
  { regionId: "140500", address: "140500" },
  { regionId: "140525", address: "140500" },
  { regionId: "370784", address: "370784" },
  { regionId: "330204", address: "330204" },
  { regionId: "340311100201", address: "340311" },
]

/** How many demo people there are. */
export const DEMO_PEOPLE_COUNT = 36

const pad = (n: number, w: number): string => String(n).padStart(w, "0")

/** A valid GB 11643 ID number for the given address code, birth date and sequence (odd = male). */
export const demoIdNumber = (address: string, birthDate: string, sequence: number): string => {
  const first17 = `${address}${birthDate.replaceAll("-", "")}${pad(sequence, 3)}`
  return `${first17}${Person.checkCharacter(first17)}`
}

/**
 * Two Anqiu section chiefs who meet every 安丘 rule (deputy-section leaders of city departments, full-time
 * bachelors, attested by their unit's Party group, no grassroots posting yet), so the Anqiu campaign can be run
 * through its 1:2 shortlist: the generated people of that region do not qualify (and show why).
 */
export const DEMO_ANQIU_CANDIDATES: ReadonlyArray<{
  readonly regionId: string
  readonly profile: Person.ProfileEncoded
}> = [
  ["demo-p-aq-1", "赵文博", "male", "1988-05-16", 201, "安丘市发展和改革局", "经济运行科科长"],
  ["demo-p-aq-2", "孙雅琴", "female", "1990-09-03", 202, "安丘市财政局", "预算科科长"],
].map(([id, name, sex, birthDate, sequence, unit, position]) => ({
  regionId: "370784",
  profile: {
    id: id as string,
    name: name as string,
    sex: sex as Person.Sex,
    birthDate: birthDate as string,
    idNumber: demoIdNumber("370784", birthDate as string, sequence as number),
    phone: `1990001${pad(sequence as number, 4)}`,
    party: { _tag: "Full", joined: "2010-06-01", fullMemberSince: "2011-06-01" },
    education: [{ level: "bachelor", fullTime: true }],
    employment: "civil_servant",
    rank: { level: "deputy_section", track: "leading" },
    currentUnit: unit as string,
    currentPosition: position as string,
    workHistory: [
      { from: "2012-08-01", organisation: unit as string, position: "科员", grassroots: false, tags: [] },
    ],
    conduct: [],
    attestations: [
      "city_department_cadre",
      "character_conduct",
      "health",
      "lacks_grassroots_experience",
      "willingness_grassroots",
    ].map((item) => ({
      item,
      result: true,
      by: "reviewer" as const,
      reviewer: `${unit as string}党组`,
      date: "2026-11-18",
    })),
  },
}))

/**
 * A community worker of 新华社区 aged 33 on 001's reference date, nominated as the community's principal reserve
 * in the demo's 001 campaign, so the demo pool meets the street's age structure (001 三（4） 35周岁以下的要达到40%以上:
 * 2 of its 4 nominees) and its decisions pass the pool gate (issue 13 item 4): the generated people of the street's
 * communities are older but one.
 */
export const DEMO_GUIZHOU_CANDIDATES: ReadonlyArray<{
  readonly regionId: string
  readonly profile: Person.ProfileEncoded
}> = [
  {
    regionId: "guizhou-street-c3",
    profile: {
      id: "demo-p-gz-1",
      name: "罗晓宇",
      sex: "male",
      birthDate: "1993-03-15",
      idNumber: demoIdNumber("520102", "1993-03-15", 203),
      phone: "19900010203",
      party: { _tag: "Full", joined: "2015-06-01", fullMemberSince: "2016-06-01" },
      education: [{ level: "junior_college", fullTime: true }],
      employment: "community_worker",
      currentUnit: "新华社区",
      currentPosition: "社区工作者",
      workHistory: [
        { from: "2016-08-01", organisation: "新华社区", position: "社区工作者", grassroots: true, tags: [] },
      ],
      conduct: [],
      // Nothing attested yet: his screening leaves 001 三's attested conditions to the street's reviewer (the
      // admin's 审核认定 walks through them on the demo).
      attestations: [],
    },
  },
]

/**
 * A cadre of 淮上区农业农村局 posted to 吴湖村 under the 淮上 scheme, for the demo placement whose year-end survey
 * falls below 60% and whose township records a 诫勉谈话 (004 淮上 目标考核 三是): the generated people of the district
 * are all placed elsewhere.
 */
export const DEMO_HUAISHANG_CADRES: ReadonlyArray<{
  readonly regionId: string
  readonly profile: Person.ProfileEncoded
}> = [
  {
    regionId: "340311",
    profile: {
      id: "demo-p-hs-1",
      name: "周立新",
      sex: "male",
      birthDate: "1989-10-08",
      idNumber: demoIdNumber("340311", "1989-10-08", 205),
      phone: "19900010205",
      party: { _tag: "Full", joined: "2011-06-01", fullMemberSince: "2012-06-01" },
      education: [{ level: "bachelor", fullTime: true }],
      employment: "civil_servant",
      currentUnit: "淮上区农业农村局",
      currentPosition: "科员",
      workHistory: [
        {
          from: "2012-08-01",
          organisation: "淮上区农业农村局",
          position: "科员",
          grassroots: false,
          tags: [],
        },
      ],
      conduct: [],
      attestations: [],
    },
  },
]

/** The demo people, encoded profiles (deterministic: same output every run). */
export const demoPeople = (): ReadonlyArray<{
  readonly regionId: string
  readonly profile: Person.ProfileEncoded
}> =>
  Array.from({ length: DEMO_PEOPLE_COUNT }, (_, i) => {
    const home = HOMES[i % HOMES.length] ?? { regionId: "310110", address: "310110" }
    const sex: Person.Sex = i % 2 === 0 ? "male" : "female"
    const year = 1978 + ((i * 7) % 22)
    const birthDate = `${year}-${pad(1 + ((i * 5) % 12), 2)}-${pad(1 + ((i * 11) % 28), 2)}`
    const sequence = 100 + i * 2 + (sex === "male" ? 1 : 0)
    const joined = `${year + 22}-07-01`
    const unit = UNITS_BY_ADDRESS[home.address] ?? "某机关"
    const profile: Person.ProfileEncoded = {
      id: `demo-p-${pad(i + 1, 2)}`,
      name: `${SURNAMES[i % SURNAMES.length] ?? "王"}${GIVEN[(i * 5) % GIVEN.length] ?? "明"}`,
      sex,
      birthDate,
      idNumber: demoIdNumber(home.address, birthDate, sequence),
      phone: `1990000${pad(1000 + i, 4)}`,
      party:
        i % 5 === 4
          ? { _tag: "NotMember" }
          : i % 5 === 3
            ? { _tag: "Probationary", joined: "2024-07-01" }
            : { _tag: "Full", joined, fullMemberSince: `${year + 23}-07-01` },
      education: [
        {
          level: i % 4 === 0 ? "master" : i % 4 === 3 ? "junior_college" : "bachelor",
          fullTime: i % 3 !== 2,
        },
      ],
      employment:
        i % 6 === 5 ? "community_worker" : i % 3 === 1 ? "public_institution_established" : "civil_servant",
      ...(i % 3 === 0
        ? { rank: { level: i % 2 === 0 ? "section" : "deputy_section", track: "leading" } }
        : {}),
      currentUnit: unit,
      currentPosition: i % 3 === 0 ? "科长" : "科员",
      workHistory: [
        {
          from: `${year + 22}-08-01`,
          organisation: unit,
          position: "科员",
          grassroots: i % 4 === 1,
          tags: [],
        },
      ],
      conduct: [],
      attestations: [],
      tags: i % 7 === 0 ? ["epidemic_assistant"] : [],
    }
    return { regionId: home.regionId, profile }
  })

/**
 * Three young people of 示例社区 (003's district), for the demo's reserve pipeline (003 一 拓源储备一批): two entered
 * by the demo (a “95后” community worker as a committee reserve, a committee member as a secretary reserve), the
 * third left for the org dept to enter from the 后备干部 screen.
 */
export const DEMO_D003_PEOPLE: ReadonlyArray<{
  readonly regionId: string
  readonly profile: Person.ProfileEncoded
}> = (
  [
    ["demo-p-d3-1", "陈思雨", "female", "1997-06-12", 208, "社区工作者"],
    ["demo-p-d3-2", "林浩然", "male", "1990-02-20", 207, "居委会委员"],
    ["demo-p-d3-3", "吴佳琪", "female", "1998-11-05", 210, "社区工作者"],
  ] as const
).map(([id, name, sex, birthDate, sequence, position]) => ({
  regionId: "district-003-s1-c1",
  profile: {
    id,
    name,
    sex,
    birthDate,
    idNumber: demoIdNumber("310110", birthDate, sequence),
    phone: `1990001${pad(sequence, 4)}`,
    party: { _tag: "Full", joined: "2019-06-01", fullMemberSince: "2020-06-01" },
    education: [{ level: "bachelor", fullTime: true }],
    employment: "community_worker",
    currentUnit: "示例社区",
    currentPosition: position,
    workHistory: [
      { from: "2020-08-01", organisation: "示例社区", position: "社区工作者", grassroots: true, tags: [] },
    ],
    conduct: [],
    attestations: [],
  },
}))
