import type {
  Cohort,
  Coverage,
  OverdueFigures,
  OverdueReport,
  QuotaUse,
  SchemeSummary,
  TermEnding,
} from "./figures-data"

/** A date as the API's branded LocalDate (the wire carries plain strings). */
const day = (s: string) => s as Coverage["on"]

/**
 * Answers of the figures procedures, as the API gave them for the demo data (yangpu.org and daan.org on
 * 2026-11-26; packages/db/src/demoPlacements.ts), typed as the API's output so a changed procedure breaks here.
 */

/** 杨浦区: ten residential areas, three with a secretary in post (国权路, 武川路, 凤城一村). */
export const yangpuCoverage = {
  on: day("2026-11-26"),
  all: {
    total: 10,
    covered: {
      count: 3,
      of: 10,
      rate: {
        num: 3,
        den: 10,
      },
      percent: "30.0%",
    },
    uncovered: 7,
  },
  byKind: {
    village: {
      total: 0,
      covered: {
        count: 0,
        of: 0,
        percent: "—",
      },
      uncovered: 0,
    },
    community: {
      total: 10,
      covered: {
        count: 3,
        of: 10,
        rate: {
          num: 3,
          den: 10,
        },
        percent: "30.0%",
      },
      uncovered: 7,
    },
  },
  covered: [
    {
      unit: {
        id: "310110003001",
        kind: "community",
        name: "国权路居民区",
      },
      personIds: ["demo-p-04"],
    },
    {
      unit: {
        id: "310110003003",
        kind: "community",
        name: "武川路居民区",
      },
      personIds: ["demo-p-05"],
    },
    {
      unit: {
        id: "310110004001",
        kind: "community",
        name: "凤城一村居民区",
      },
      personIds: ["demo-p-06"],
    },
  ],
  uncovered: [
    {
      id: "310110001001",
      kind: "community",
      name: "定海一村居民区",
    },
    {
      id: "310110001002",
      kind: "community",
      name: "隆昌路居民区",
    },
    {
      id: "310110001003",
      kind: "community",
      name: "杨树浦港居民区",
    },
    {
      id: "310110002001",
      kind: "community",
      name: "平凉一村居民区",
    },
    {
      id: "310110002002",
      kind: "community",
      name: "辽源西路居民区",
    },
    {
      id: "310110003002",
      kind: "community",
      name: "政立路居民区",
    },
    {
      id: "310110004002",
      kind: "community",
      name: "控江东居民区",
    },
  ],
  unknownUnitIds: [],
} satisfies Coverage

/** 大安区: five villages and one community; only 盐井村 covered. */
export const daanCoverage = {
  on: day("2026-11-26"),
  all: {
    total: 6,
    covered: {
      count: 1,
      of: 6,
      rate: {
        num: 1,
        den: 6,
      },
      percent: "16.7%",
    },
    uncovered: 5,
  },
  byKind: {
    village: {
      total: 5,
      covered: {
        count: 1,
        of: 5,
        rate: {
          num: 1,
          den: 5,
        },
        percent: "20.0%",
      },
      uncovered: 4,
    },
    community: {
      total: 1,
      covered: {
        count: 0,
        of: 1,
        rate: {
          num: 0,
          den: 1,
        },
        percent: "0.0%",
      },
      uncovered: 1,
    },
  },
  covered: [
    {
      unit: {
        id: "510304103201",
        kind: "village",
        name: "团结镇盐井村",
      },
      personIds: ["demo-p-11"],
    },
  ],
  uncovered: [
    {
      id: "510304101001",
      kind: "community",
      name: "牛佛镇正街社区",
    },
    {
      id: "510304101201",
      kind: "village",
      name: "牛佛镇烟坡村",
    },
    {
      id: "510304101202",
      kind: "village",
      name: "牛佛镇民主村",
    },
    {
      id: "510304102201",
      kind: "village",
      name: "何市镇双河村",
    },
    {
      id: "510304102202",
      kind: "village",
      name: "何市镇白岩村",
    },
  ],
  unknownUnitIds: [],
} satisfies Coverage

/** 杨浦区's five placed cadres (a person placed twice counts once). */
export const yangpuCohort = {
  on: day("2026-11-26"),
  count: 5,
  partyMembers: {
    count: 3,
    of: 5,
    rate: {
      num: 3,
      den: 5,
    },
    percent: "60.0%",
  },
  reserves: {
    count: 0,
    of: 5,
    rate: {
      num: 0,
      den: 1,
    },
    percent: "0.0%",
  },
  byRank: {
    staff: {
      leading: 0,
      nonLeading: 0,
    },
    clerk: {
      leading: 0,
      nonLeading: 0,
    },
    deputy_section: {
      leading: 1,
      nonLeading: 0,
    },
    section: {
      leading: 1,
      nonLeading: 0,
    },
    deputy_division: {
      leading: 0,
      nonLeading: 0,
    },
    division: {
      leading: 0,
      nonLeading: 0,
    },
  },
  unranked: 3,
  deputyDivisionOrAbove: {
    all: {
      count: 0,
      of: 5,
      rate: {
        num: 0,
        den: 1,
      },
      percent: "0.0%",
    },
    leading: {
      count: 0,
      of: 5,
      rate: {
        num: 0,
        den: 1,
      },
      percent: "0.0%",
    },
  },
  education: {
    byLevel: {
      primary: 0,
      junior_secondary: 0,
      senior_secondary: 0,
      technical_secondary: 0,
      junior_college: 2,
      bachelor: 2,
      master: 1,
      doctorate: 0,
    },
    unknown: 0,
    juniorCollegeOrAbove: {
      count: 5,
      of: 5,
      rate: {
        num: 1,
        den: 1,
      },
      percent: "100.0%",
    },
    bachelorOrAbove: {
      count: 3,
      of: 5,
      rate: {
        num: 3,
        den: 5,
      },
      percent: "60.0%",
    },
    postgraduate: {
      count: 1,
      of: 5,
      rate: {
        num: 1,
        den: 5,
      },
      percent: "20.0%",
    },
    master: 1,
    doctorate: 0,
  },
  birthDecades: [
    {
      decade: 1970,
      count: 1,
      fromThisDecadeOn: {
        count: 5,
        of: 5,
        rate: {
          num: 1,
          den: 1,
        },
        percent: "100.0%",
      },
    },
    {
      decade: 1980,
      count: 1,
      fromThisDecadeOn: {
        count: 4,
        of: 5,
        rate: {
          num: 4,
          den: 5,
        },
        percent: "80.0%",
      },
    },
    {
      decade: 1990,
      count: 3,
      fromThisDecadeOn: {
        count: 3,
        of: 5,
        rate: {
          num: 3,
          den: 5,
        },
        percent: "60.0%",
      },
    },
  ],
  youngest: {
    birthDate: day("1999-04-06"),
    birthYear: 1999,
    personIds: ["demo-p-04"],
  },
  averageAge: {
    exact: {
      num: 182,
      den: 5,
    },
    display: "36.4",
  },
  outcomes: {
    promoted: {
      count: 0,
      of: 5,
      rate: {
        num: 0,
        den: 1,
      },
      percent: "0.0%",
    },
    movedToKeyPost: {
      count: 0,
      of: 5,
      rate: {
        num: 0,
        den: 1,
      },
      percent: "0.0%",
    },
    either: {
      count: 0,
      of: 5,
      rate: {
        num: 0,
        den: 1,
      },
      percent: "0.0%",
    },
  },
} satisfies Cohort

export const yangpuOverdue = {
  total: 28,
  byRegion: [
    {
      regionId: "310110003001",
      regionName: "国权路居民区",
      count: 13,
      maxDays: 1975,
    },
    {
      regionId: "310110004001",
      regionName: "凤城一村居民区",
      count: 10,
      maxDays: 1245,
    },
    {
      regionId: "310110003003",
      regionName: "武川路居民区",
      count: 4,
      maxDays: 514,
    },
    {
      regionId: "310110001003",
      regionName: "杨树浦港居民区",
      count: 1,
      maxDays: 879,
    },
  ],
} satisfies OverdueFigures

/** The first three of reports.overdue, most overdue first. */
export const yangpuOverdueReports = [
  {
    placementId: "demo-pl-yp-adjusted",
    personId: "demo-p-20",
    personName: "刘雪梅",
    regionId: "310110003001",
    regionName: "国权路居民区",
    key: "demo-pl-yp-adjusted/street_half_year/2021-01-15",
    subject: {
      zh: "选派干部履职情况",
      en: "How each dispatched cadre performs the duties",
    },
    due: day("2021-06-30"),
    clause: "000 三（二）",
    daysOverdue: 1975,
  },
  {
    placementId: "demo-pl-yp-adjusted",
    personId: "demo-p-20",
    personName: "刘雪梅",
    regionId: "310110003001",
    regionName: "国权路居民区",
    key: "demo-pl-yp-adjusted/annual_grade_filing/2021-01-15",
    subject: {
      zh: "选派干部年度考核等次",
      en: "Each dispatched cadre's annual grade",
    },
    due: day("2021-12-31"),
    clause: "000 三（二）",
    daysOverdue: 1791,
  },
  {
    placementId: "demo-pl-yp-adjusted",
    personId: "demo-p-20",
    personName: "刘雪梅",
    regionId: "310110003001",
    regionName: "国权路居民区",
    key: "demo-pl-yp-adjusted/street_half_year/2021-07-01",
    subject: {
      zh: "选派干部履职情况",
      en: "How each dispatched cadre performs the duties",
    },
    due: day("2021-12-31"),
    clause: "000 三（二）",
    daysOverdue: 1791,
  },
] satisfies ReadonlyArray<OverdueReport>

const daanName = {
  zh: "大安区全覆盖常态化选派村（社区）党组织第一书记",
  en: "Da'an District: first secretaries for every village and community, as a standing arrangement",
}

/** schemes.list for daan.org, with an older published version and a draft that the quota figures must skip. */
export const daanSchemes = [
  {
    schemeId: "daan-first-secretary",
    version: 1,
    regionId: "510304",
    regionPath: "/510000/510300/510304/",
    status: "published",
    effectiveFrom: day("2017-04-18"),
    name: daanName,
    kind: "FirstSecretary",
    direction: null,
    regionName: "大安区",
    rowVersion: 1,
    publishedAt: "2026-11-26T04:10:19.922Z",
  },
  {
    schemeId: "daan-first-secretary",
    version: 2,
    regionId: "510304",
    regionPath: "/510000/510300/510304/",
    status: "published",
    effectiveFrom: day("2026-01-01"),
    name: daanName,
    kind: "FirstSecretary",
    direction: null,
    regionName: "大安区",
    rowVersion: 1,
    publishedAt: "2026-11-26T04:10:19.922Z",
  },
  {
    schemeId: "daan-first-secretary",
    version: 3,
    regionId: "510304",
    regionPath: "/510000/510300/510304/",
    status: "draft",
    effectiveFrom: day("2027-01-01"),
    name: daanName,
    kind: "FirstSecretary",
    direction: null,
    regionName: "大安区",
    rowVersion: 1,
    publishedAt: null,
  },
] satisfies ReadonlyArray<SchemeSummary>

/** figures.quotaUse for daan-first-secretary@1, 2026 (three in post: 3 × 20% = 0.6, rounded down to 0). */
export const daanQuota2026 = [
  {
    groupKey: "daan-first-secretary",
    quotaId: "excellent_cap",
    size: 3,
    used: 0,
    limit: 0,
    remaining: 0,
    within: true,
    text: {
      zh: "全区第一书记总数（名额单列，不占派出单位名额）共3人，优秀不超过20%：3×20%=0.6，向下取整为0；已评优秀0人，尚余0个名额",
      en: "All first secretaries of the district (a separate quota, not the dispatching units'): 3 in all; excellent at most 20%: 3 × 20% = 0.6, rounded down to 0; 0 graded excellent, 0 place(s) left",
    },
    clause: "002 三（二）",
  },
] satisfies ReadonlyArray<QuotaUse>

/** The kernel's own example (docs/inpost.md §9): 10 first secretaries, 1 excellent, so 1 place left. */
export const tenSecretariesQuota = [
  {
    groupKey: "daan-first-secretary",
    quotaId: "excellent_cap",
    size: 10,
    used: 1,
    limit: 2,
    remaining: 1,
    within: true,
    text: {
      zh: "全区第一书记总数（名额单列，不占派出单位名额）共10人，优秀不超过20%：10×20%=2（向下取整）；已评优秀1人，尚余1个名额",
      en: "All first secretaries of the district (a separate quota, not the dispatching units'): 10 in all; excellent at most 20%: 10 × 20% = 2 (rounded down); 1 graded excellent, 1 place(s) left",
    },
    clause: "002 三（二）",
  },
] satisfies ReadonlyArray<QuotaUse>

/**
 * A term ending soon, shaped as figures.termsEnding answers (the demo data has none within 90 days): 000's
 * in-term secretary of 凤城一村 if the term ended on 2027-01-15.
 */
export const termsEndingSoon = [
  {
    placementId: "demo-pl-yp-in-term",
    personId: "demo-p-06",
    endsOn: day("2027-01-15"),
    daysLeft: 50,
    personName: "杨佳怡",
    postTitle: "凤城一村居民区党组织书记",
    regionName: "凤城一村居民区",
    state: "in_term",
  },
] satisfies ReadonlyArray<TermEnding>
