import { type Access, Person, type Regions, Scheme } from "@cadre/domain"
import { and, eq, isNull, sql } from "drizzle-orm"
import { Schema } from "effect"
import type { Db } from "./database.js"
import { auditLog, people, posts, regions, schemes, units } from "./schema/index.js"

/**
 * Demo data: real places, clearly fictitious people (names from a generator, phones 1990000xxxx, ID numbers
 * computed with the GB 11643 check character). Loaded on an empty database; loading again changes nothing
 * (detected by the marker region 310110 and by ids: every insert is ON CONFLICT DO NOTHING).
 */

interface DemoRegion {
  readonly id: string
  readonly name: string
  readonly level: Regions.RegionLevel
  readonly parentId?: string
}

const r = (id: string, name: string, level: Regions.RegionLevel, parentId?: string): DemoRegion =>
  parentId === undefined ? { id, name, level } : { id, name, level, parentId }

/** The region tree, parents before children. Every preset's regionId is here (checked by a test). */
export const DEMO_REGIONS: ReadonlyArray<DemoRegion> = [
  // Shanghai › Yangpu (seed 000): streets and residential areas (居民区, level community).
  r("310000", "上海市", "province"),
  r("310110", "杨浦区", "district", "310000"),
  r("310110001", "定海路街道", "street", "310110"),
  r("310110001001", "定海一村居民区", "community", "310110001"),
  r("310110001002", "隆昌路居民区", "community", "310110001"),
  r("310110001003", "杨树浦港居民区", "community", "310110001"),
  r("310110002", "平凉路街道", "street", "310110"),
  r("310110002001", "平凉一村居民区", "community", "310110002"),
  r("310110002002", "辽源西路居民区", "community", "310110002"),
  r("310110003", "五角场街道", "street", "310110"),
  r("310110003001", "国权路居民区", "community", "310110003"),
  r("310110003002", "政立路居民区", "community", "310110003"),
  r("310110003003", "武川路居民区", "community", "310110003"),
  r("310110004", "控江路街道", "street", "310110"),
  r("310110004001", "凤城一村居民区", "community", "310110004"),
  r("310110004002", "控江东居民区", "community", "310110004"),
  // Guizhou (seed 001): the seed names neither district nor street.
  r("520000", "贵州省", "province"),
  r("guizhou-district", "贵州省某区（示例）", "district", "520000"),
  r("guizhou-street", "某街道（001 号方案所在街道）", "street", "guizhou-district"),
  r("guizhou-street-c1", "和平社区", "community", "guizhou-street"),
  r("guizhou-street-c2", "文昌社区", "community", "guizhou-street"),
  r("guizhou-street-c3", "新华社区", "community", "guizhou-street"),
  r("guizhou-street-c4", "河滨社区", "community", "guizhou-street"),
  r("guizhou-street-c5", "东风社区", "community", "guizhou-street"),
  // Sichuan › Zigong › Da'an (seed 002): townships with villages and communities.
  r("510000", "四川省", "province"),
  r("510300", "自贡市", "city", "510000"),
  r("510304", "大安区", "district", "510300"),
  r("510304101", "牛佛镇", "township", "510304"),
  r("510304101201", "牛佛镇烟坡村", "village", "510304101"),
  r("510304101202", "牛佛镇民主村", "village", "510304101"),
  r("510304101001", "牛佛镇正街社区", "community", "510304101"),
  r("510304102", "何市镇", "township", "510304"),
  r("510304102201", "何市镇双河村", "village", "510304102"),
  r("510304102202", "何市镇白岩村", "village", "510304102"),
  r("510304103", "团结镇", "township", "510304"),
  r("510304103201", "团结镇盐井村", "village", "510304103"),
  // Seed 003: a district the speech does not name.
  r("district-003", "某区（003 号发言所在区）", "district"),
  r("district-003-s1", "示例街道", "street", "district-003"),
  r("district-003-s1-c1", "示例社区", "community", "district-003-s1"),
  // Shanxi › Jincheng (seed 004): county-level units and host units.
  r("140000", "山西省", "province"),
  r("140500", "晋城市", "city", "140000"),
  r("140502", "城区", "district", "140500"),
  r("140525", "泽州县", "district", "140500"),
  r("140581", "高平市", "district", "140500"),
  r("140525100", "南村镇", "township", "140525"),
  r("140525100201", "南村镇冶底村", "village", "140525100"),
  // Host regions of seed 004's other presets.
  r("370000", "山东省", "province"),
  r("370700", "潍坊市", "city", "370000"),
  r("370784", "安丘市", "district", "370700"),
  r("370784100", "兴安街道", "street", "370784"),
  r("370784100201", "兴安街道东关村", "village", "370784100"),
  r("330000", "浙江省", "province"),
  r("330200", "宁波市", "city", "330000"),
  r("330204", "江东区", "district", "330200"),
  r("340000", "安徽省", "province"),
  r("340300", "蚌埠市", "city", "340000"),
  r("340311", "淮上区", "district", "340300"),
  r("340311100", "小蚌埠镇", "township", "340311"),
  r("340311100201", "小蚌埠镇吴湖村", "village", "340311100"),
]

interface DemoUnit {
  readonly id: string
  readonly name: string
  readonly regionId: string
  readonly roles: ReadonlyArray<Regions.UnitRole>
  readonly category: Regions.UnitCategory
}

export const DEMO_UNITS: ReadonlyArray<DemoUnit> = [
  { id: "u-yp-mz", name: "杨浦区民政局", regionId: "310110", roles: ["dispatching"], category: "agency" },
  { id: "u-yp-jw", name: "杨浦区教育局", regionId: "310110", roles: ["dispatching"], category: "agency" },
  {
    id: "u-yp-wjw",
    name: "杨浦区卫生健康委员会",
    regionId: "310110",
    roles: ["dispatching"],
    category: "agency",
  },
  {
    id: "u-yp-sc",
    name: "杨浦区市场监督管理所（示例）",
    regionId: "310110003",
    roles: ["dispatching"],
    category: "public_institution",
  },
  {
    id: "u-gz-jd",
    name: "某街道办事处",
    regionId: "guizhou-street",
    roles: ["dispatching", "host"],
    category: "township",
  },
  { id: "u-da-zzb", name: "大安区委组织部", regionId: "510304", roles: ["dispatching"], category: "agency" },
  {
    id: "u-da-nyj",
    name: "大安区农业农村局",
    regionId: "510304",
    roles: ["dispatching"],
    category: "agency",
  },
  {
    id: "u-jc-fgw",
    name: "晋城市发展和改革委员会",
    regionId: "140500",
    roles: ["dispatching"],
    category: "agency",
  },
  { id: "u-jc-xfj", name: "晋城市信访局", regionId: "140500", roles: ["host"], category: "petition_bureau" },
  {
    id: "u-jc-zdgc",
    name: "晋城市某重点工程项目指挥部",
    regionId: "140525",
    roles: ["host"],
    category: "key_project",
  },
  {
    id: "u-jc-gt",
    name: "晋城市某国有企业（示例）",
    regionId: "140502",
    roles: ["dispatching", "host"],
    category: "soe",
  },
  {
    id: "u-aq-fgj",
    name: "安丘市发展和改革局",
    regionId: "370784",
    roles: ["dispatching"],
    category: "agency",
  },
  { id: "u-jd-xfj", name: "江东区信访局", regionId: "330204", roles: ["host"], category: "petition_bureau" },
  {
    id: "u-hs-nyj",
    name: "淮上区农业农村局",
    regionId: "340311",
    roles: ["dispatching"],
    category: "agency",
  },
]

interface DemoPost {
  readonly id: string
  readonly regionId: string
  readonly unitId?: string
  readonly title: string
  readonly status: "vacant" | "filled" | "closed"
}

const communityPosts: ReadonlyArray<DemoPost> = DEMO_REGIONS.filter(
  (x) => x.id.startsWith("310110") && x.level === "community",
).map((x, i) => ({
  id: `post-${x.id}`,
  regionId: x.id,
  title: `${x.name}党组织书记`,
  status: i % 3 === 0 ? "filled" : "vacant",
}))

export const DEMO_POSTS: ReadonlyArray<DemoPost> = [
  ...communityPosts,
  { id: "post-da-yanpo", regionId: "510304101201", title: "烟坡村党组织第一书记", status: "filled" },
  { id: "post-da-minzhu", regionId: "510304101202", title: "民主村党组织第一书记", status: "vacant" },
  { id: "post-da-shuanghe", regionId: "510304102201", title: "双河村党组织第一书记", status: "vacant" },
  {
    id: "post-jc-xfj",
    regionId: "140500",
    unitId: "u-jc-xfj",
    title: "信访接待岗位（挂职）",
    status: "vacant",
  },
  {
    id: "post-jc-xfj-reception",
    regionId: "140500",
    unitId: "u-jc-xfj",
    title: "来访接待岗位（挂职）",
    status: "vacant",
  },
  {
    id: "post-jc-zdgc",
    regionId: "140525",
    unitId: "u-jc-zdgc",
    title: "项目协调岗位（挂职）",
    status: "vacant",
  },
  { id: "post-jd-xfj", regionId: "330204", unitId: "u-jd-xfj", title: "信访岗位挂职锻炼", status: "vacant" },
  { id: "post-hs-wuhu", regionId: "340311100201", title: "吴湖村党组织书记（选派）", status: "vacant" },
  // 001 贵州: the reserve places of two communities (appointing a nominee records them there).
  {
    id: "post-gz-heping-reserve",
    regionId: "guizhou-street-c1",
    title: "和平社区党组织书记后备人选",
    status: "vacant",
  },
  {
    id: "post-gz-xinhua-reserve",
    regionId: "guizhou-street-c3",
    title: "新华社区党组织书记后备人选",
    status: "vacant",
  },
  // 004 安丘: a township post for the seconded cadre.
  { id: "post-aq-xingan", regionId: "370784100", title: "兴安街道党工委委员（挂职）", status: "vacant" },
]

/** A demo account for the auth side to create (with a password it chooses). */
export interface DemoAccount {
  readonly email: string
  readonly displayName: string
  readonly role: Access.Role
  /** Scope region (for a unit account: the unit's region); null for applicants. */
  readonly regionId: string | null
  /** For unit accounts. */
  readonly unitId: string | null
  /** For a cadre's own account: the demo person it is linked to (people.account_id). */
  readonly personId?: string
}

const account = (
  email: string,
  displayName: string,
  role: Access.Role,
  regionId: string | null,
  unitId: string | null = null,
): DemoAccount => ({ email, displayName, role, regionId, unitId })

/** Org dept, street and integrator accounts per seed region (and a few others to try every role). */
export const DEMO_ACCOUNTS: ReadonlyArray<DemoAccount> = [
  account("yangpu.org@demo.example.org", "杨浦区委组织部（演示）", "org_dept_admin", "310110"),
  account("yangpu.dinghai@demo.example.org", "定海路街道（演示）", "street_admin", "310110001"),
  account("yangpu.pingliang@demo.example.org", "平凉路街道（演示）", "street_admin", "310110002"),
  account("yangpu.reviewer@demo.example.org", "杨浦区审核人员（演示）", "reviewer", "310110"),
  account("yangpu.api@demo.example.org", "杨浦区系统对接（演示）", "integrator", "310110"),
  account(
    "yangpu.minzheng@demo.example.org",
    "杨浦区民政局（演示）",
    "dispatching_unit_admin",
    "310110",
    "u-yp-mz",
  ),
  account("guizhou.org@demo.example.org", "贵州某区组织部（演示）", "org_dept_admin", "guizhou-district"),
  account("guizhou.street@demo.example.org", "某街道（演示）", "street_admin", "guizhou-street"),
  account("guizhou.api@demo.example.org", "贵州某区系统对接（演示）", "integrator", "guizhou-district"),
  account("daan.org@demo.example.org", "大安区委组织部（演示）", "org_dept_admin", "510304"),
  account("daan.niufo@demo.example.org", "牛佛镇（演示）", "street_admin", "510304101"),
  account("daan.api@demo.example.org", "大安区系统对接（演示）", "integrator", "510304"),
  account("d003.org@demo.example.org", "某区组织部（演示）", "org_dept_admin", "district-003"),
  account("d003.street@demo.example.org", "示例街道（演示）", "street_admin", "district-003-s1"),
  account("jincheng.org@demo.example.org", "晋城市委组织部（演示）", "org_dept_admin", "140500"),
  account("jincheng.api@demo.example.org", "晋城市系统对接（演示）", "integrator", "140500"),
  account("jincheng.xfj@demo.example.org", "晋城市信访局（演示）", "host_unit_admin", "140500", "u-jc-xfj"),
  account("anqiu.org@demo.example.org", "安丘市委组织部（演示）", "org_dept_admin", "370784"),
  account("jiangdong.org@demo.example.org", "江东区委组织部（演示）", "org_dept_admin", "330204"),
  account("huaishang.org@demo.example.org", "淮上区委组织部（演示）", "org_dept_admin", "340311"),
  account("applicant@demo.example.org", "报名人员（演示）", "applicant", null),
  // A cadre in post (004 晋城): sees their own placement, files reports and asks for leave in the portal.
  {
    ...account("cadre.jc@demo.example.org", "王凤霞（演示挂职干部）", "applicant", null),
    personId: "demo-p-33",
  },
]

// ------------------------------------------------------------------------------------------------ people

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
    attestations: ["city_department_cadre", "character_conduct", "health", "willingness_grassroots"].map(
      (item) => ({
        item,
        result: true,
        by: "reviewer" as const,
        reviewer: `${unit as string}党组`,
        date: "2026-11-18",
      }),
    ),
  },
}))

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

// ------------------------------------------------------------------------------------------------ load

export interface DemoLoadResult {
  /** False when the demo data was already there (nothing was changed). */
  readonly loaded: boolean
  readonly regions: number
  readonly units: number
  readonly posts: number
  readonly people: number
  readonly schemes: number
  readonly campaigns: number
}

const MARKER_REGION = "310110"

const pathsFor = (list: ReadonlyArray<DemoRegion>): Map<string, string> => {
  const byId = new Map(list.map((x) => [x.id, x]))
  const out = new Map<string, string>()
  for (const x of list) {
    const chain: Array<string> = []
    let cur: DemoRegion | undefined = x
    while (cur !== undefined) {
      chain.unshift(cur.id)
      cur = cur.parentId === undefined ? undefined : byId.get(cur.parentId)
    }
    out.set(x.id, `/${chain.map((id) => id.replaceAll("/", "_")).join("/")}/`)
  }
  return out
}

/**
 * Load the demo's reference data (regions, units, posts, people, published schemes) into an empty database in one
 * transaction. Idempotent: when the marker region exists nothing is written; every insert also ignores rows that
 * already exist. The campaigns and placements are made by the application services on top of it
 * (`loadDemoData` in @cadre/services).
 */
export async function loadDemoBase(db: Db): Promise<Omit<DemoLoadResult, "campaigns">> {
  return db.transaction(async (tx) => {
    const [marker] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, MARKER_REGION))
    const loaded = marker === undefined
    if (loaded) {
      const paths = pathsFor(DEMO_REGIONS)
      await tx
        .insert(regions)
        .values(
          DEMO_REGIONS.map((x) => ({
            id: x.id,
            name: x.name,
            level: x.level,
            parentId: x.parentId ?? null,
            path: paths.get(x.id) ?? `/${x.id}/`,
          })),
        )
        .onConflictDoNothing()
      await tx
        .insert(units)
        .values(DEMO_UNITS.map((u) => ({ ...u, roles: [...u.roles] })))
        .onConflictDoNothing()
      await tx
        .insert(posts)
        .values(DEMO_POSTS.map((p) => ({ ...p, unitId: p.unitId ?? null })))
        .onConflictDoNothing()
      for (const { regionId, profile } of [...demoPeople(), ...DEMO_ANQIU_CANDIDATES]) {
        const decoded = Schema.decodeSync(Person.Profile)(profile)
        const { id, idNumber, phone, ...rest } = Schema.encodeSync(Person.Profile)(decoded)
        await tx
          .insert(people)
          .values({ id, regionId, idNumber, phone: phone ?? null, name: decoded.name, profile: rest })
          .onConflictDoNothing()
      }
      for (const preset of Scheme.PRESETS) {
        const scheme = Scheme.loadPreset(preset)
        await tx
          .insert(schemes)
          .values({
            schemeId: scheme.id,
            version: scheme.version,
            regionId: scheme.regionId,
            status: "published",
            effectiveFrom: scheme.effectiveFrom,
            formatVersion: scheme.formatVersion,
            body: Schema.encodeSync(Scheme.Scheme)(scheme),
            createdBy: "system:demo",
            publishedAt: sql`now()`,
            publishedBy: "system:demo",
          })
          .onConflictDoNothing()
      }
      await tx.insert(auditLog).values({
        actorAccountId: "system:demo",
        actorRole: "org_dept_admin",
        action: "demo.load",
        entity: "demo",
        entityId: "demo",
        regionPath: "/",
        before: null,
        after: { regions: DEMO_REGIONS.length, people: DEMO_PEOPLE_COUNT, schemes: Scheme.PRESETS.length },
      })
    }
    const count = async (
      t: typeof regions | typeof units | typeof posts | typeof people | typeof schemes,
    ) => {
      const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(t)
      return c?.n ?? 0
    }
    return {
      loaded,
      regions: await count(regions),
      units: await count(units),
      posts: await count(posts),
      people: await count(people),
      schemes: await count(schemes),
    }
  })
}

/**
 * Link a demo cadre's account to their person (people.account_id), so `placements.mine` and the portal show
 * them their own placement. Only an unlinked person is linked; returns whether this call linked it.
 */
export async function linkDemoAccount(db: Db, personId: string, accountId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const linked = await tx
      .update(people)
      .set({ accountId })
      .where(and(eq(people.id, personId), isNull(people.accountId)))
      .returning({ id: people.id, regionId: people.regionId })
    const row = linked[0]
    if (row === undefined) return false
    const [region] = await tx.select({ path: regions.path }).from(regions).where(eq(regions.id, row.regionId))
    await tx.insert(auditLog).values({
      actorAccountId: "system:demo",
      actorRole: "org_dept_admin",
      action: "demo.link_account",
      entity: "person",
      entityId: personId,
      regionPath: region?.path ?? "/",
      before: null,
      after: { accountId },
    })
    return true
  })
}
