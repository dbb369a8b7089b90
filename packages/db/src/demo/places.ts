import type { Regions } from "@cadre/domain"

/** The demo's places: real regions (parents before children), the units in them and the posts (seats) to fill. */

export interface DemoRegion {
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
  r("330100", "杭州市", "city", "330000"),
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
  // 004 淮上: the demo placement with a 诫勉谈话 on record (the campaign's post above stays vacant).
  { id: "post-hs-xinhua", regionId: "340311100201", title: "吴湖村党组织第一书记（选派）", status: "vacant" },
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
