/**
 * Test inputs: a Yangpu 2020 campaign (seed 000) with made-up people. Phones and ID numbers are given masked, as
 * the API layer would pass them to a clerk without the whole-profile permission.
 */
import type {
  ArrangementInput,
  ArrangementRow,
  RegistrationFormInput,
  RosterInput,
  RosterRow,
} from "./types.js"

const UNIT = "中共上海市杨浦区民政局党组"
const POST = "殷行街道居民区党组织副书记（见习）"

export const CAMPAIGN = "2020年杨浦区选派机关、事业单位干部到居民区担任党组织书记"

export const rosterRow = (over: Partial<RosterRow> = {}): RosterRow => ({
  name: "王晓明",
  sex: "男",
  birthDate: "1990-05-17",
  age: 30,
  ethnicity: "汉族",
  politicalStatus: "中共党员",
  partyJoinDate: "2012-06-01",
  education: "大学本科／法学学士",
  workUnitAndPost: "杨浦区民政局社会救助科科员",
  rank: "一级科员",
  channel: "单位推荐",
  recommendingUnit: UNIT,
  eligibility: "符合",
  stage: "面试",
  intendedPost: POST,
  phone: "138****1234",
  ...over,
})

export const rosterInput = (rows: ReadonlyArray<RosterRow>): RosterInput => ({
  campaignName: CAMPAIGN,
  ageReferenceDate: "2020-12-18",
  rows,
})

/** n rows with distinct names; every 5th self-registered (no 推荐单位), every 7th ineligible (no 拟任岗位). */
export const manyRosterRows = (n: number): RosterRow[] =>
  Array.from({ length: n }, (_, i) => {
    const {
      recommendingUnit: _unit,
      intendedPost: _post,
      ...base
    } = rosterRow({
      name: `测试干部${i + 1}`,
      sex: i % 2 === 0 ? "男" : "女",
      birthDate: `19${82 + (i % 13)}-${String((i % 12) + 1).padStart(2, "0")}-15`,
      age: 25 + (i % 14),
    })
    return {
      ...base,
      ...(i % 5 === 0 ? { channel: "个人自荐" } : { recommendingUnit: UNIT }),
      ...(i % 7 === 0 ? { eligibility: "不符合：党龄不满三年（000 一（一）1）" } : { intendedPost: POST }),
    }
  })

export const arrangementRow = (over: Partial<ArrangementRow> = {}): ArrangementRow => ({
  name: "王晓明",
  dispatchingUnitAndPost: "杨浦区民政局社会救助科科员",
  street: "殷行街道",
  community: "开鲁新村第一居民区",
  post: "党组织副书记（见习）",
  reportDate: "2021-01-15",
  ...over,
})

export const arrangementInput: ArrangementInput = {
  title: "杨浦区选派干部担任居民区党组织书记安排表",
  subtitle: "报到地点：各街道党工委社区党建办",
  rows: [
    arrangementRow(),
    arrangementRow({
      name: "李娜",
      dispatchingUnitAndPost: "杨浦区财政局预算科科员",
      street: "五角场街道",
      community: "政立路第二居民区",
      remarks: "疫情防控期间曾任居民区书记助理",
    }),
  ],
}

export const formInput = (over: Partial<RegistrationFormInput> = {}): RegistrationFormInput => ({
  formTitle: "杨浦区选派干部担任居民区党组织书记报名表",
  applicationNo: "YP2020-0012",
  filledOn: "2020-12-15",
  generatedOn: "2020-12-20",
  applicant: {
    name: "王晓明",
    sex: "男",
    birthDate: "1990-05-17",
    age: 30,
    ethnicity: "汉族",
    nativePlace: "江苏南通",
    birthPlace: "上海杨浦",
    politicalStatus: "中共党员",
    partyJoinDate: "2012-06-01",
    workStartDate: "2013-07-01",
    health: "健康",
    employmentCategory: "公务员",
    rank: "一级科员",
    fullTimeEducation: { degree: "大学本科　法学学士", school: "华东政法大学法律学院法学专业" },
    inServiceEducation: { degree: "研究生　公共管理硕士", school: "复旦大学国际关系与公共事务学院" },
    workUnitAndPost: "杨浦区民政局社会救助科科员",
    idNumber: "310110********1234",
    phone: "138****1234",
    specialty: "社会救助政策，社区矛盾调解",
  },
  channel: "单位推荐",
  intendedPost: "殷行街道居民区",
  resume: [
    { from: "2009-09-01", to: "2013-07-01", text: "华东政法大学法律学院法学专业学习" },
    { from: "2013-07-01", to: "2016-12-01", text: "杨浦区民政局办公室科员" },
    { from: "2016-12-01", to: "2020-02-01", text: "杨浦区民政局社会救助科科员" },
    {
      from: "2020-02-01",
      to: "2020-05-01",
      text: "杨浦区民政局社会救助科科员（其间：2020.02—2020.05 在殷行街道开鲁新村第一居民区担任书记助理，参与新冠肺炎疫情防控）",
    },
    { from: "2020-05-01", text: "杨浦区民政局社会救助科科员" },
  ],
  rewardsAndPunishments: "2020年被评为杨浦区疫情防控先进个人。",
  annualAssessments: "2017年称职，2018年优秀，2019年称职",
  family: [
    {
      relation: "妻子",
      name: "陈静",
      birthDate: "1991-03-02",
      politicalStatus: "群众",
      workUnitAndPost: "上海市杨浦区控江路小学教师",
    },
    {
      relation: "父亲",
      name: "王建国",
      birthDate: "1962-11-20",
      politicalStatus: "中共党员",
      workUnitAndPost: "已退休",
    },
    {
      relation: "母亲",
      name: "张秀英",
      birthDate: "1964-08-09",
      politicalStatus: "群众",
      workUnitAndPost: "已退休",
    },
  ],
  recommendation: {
    unit: "中共上海市杨浦区民政局党组",
    opinion:
      "该同志政治立场坚定，党性强，作风正，热心社区工作，群众工作能力较强，疫情防控期间表现突出。同意推荐其参加选派居民区党组织书记。",
    meeting: "局党组会议",
    meetingDate: "2020-12-16",
  },
  eligibility: {
    outcome: "eligible",
    scheme: "杨浦区选派干部担任居民区党组织书记方案（第1版）",
    referenceDate: "2020-12-18",
    items: [],
  },
  ...over,
})

/** An ineligible verdict: Party standing under three years, and an age limit relaxed (000 一（一）1, 5). */
export const ineligible: RegistrationFormInput["eligibility"] = {
  outcome: "ineligible",
  scheme: "杨浦区选派干部担任居民区党组织书记方案（第1版）",
  referenceDate: "2020-12-18",
  items: [
    {
      status: "fail",
      clause: "000 一（一）1",
      rule: "中共正式党员，党龄满三年",
      reason: "2019年3月1日转正，至基准日党龄1年",
    },
    {
      status: "waived",
      clause: "000 一（一）5",
      rule: "年龄一般为25—38周岁",
      reason: "39周岁；特别优秀，放宽限制（批准人：区委组织部部务会，2020年12月17日）",
    },
  ],
}
