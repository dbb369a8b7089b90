import { cited, unspecified } from "../../shared/Cited.js"
import { text } from "../../shared/Text.js"
import { citeIn, type Preset } from "../Preset.js"
import { SEED_004_DATE, SEED_004_SOURCE } from "./seed-004.js"

/**
 * Seed 004, Anqiu (安丘市, Shandong): city-department section-level cadres seconded down to townships and streets
 * for a year. Clauses: "安丘 严格选人标准（2）" is requirement (2) of the paragraph 严格选人标准; "安丘 规范选派程序（3）"
 * step (3) of 规范选派程序; "安丘 强化考核激励" the paragraph of that name. Region key: Anqiu's administrative
 * division code (GB/T 2260).
 */
const c = citeIn("004")

export const anqiuDownSecondment: Preset = {
  key: "anqiu-down-secondment",
  seed: "004",
  title: text(
    "安丘市选派市直科级干部到基层挂职锻炼",
    "Anqiu: city-department section-level cadres seconded down",
  ),
  encoded: {
    formatVersion: 1,
    id: "anqiu-down-secondment",
    regionId: "370784",
    kind: { _tag: "Secondment", direction: "down" },
    name: text(
      "安丘市选派市直科级干部到基层挂职锻炼",
      "Anqiu City: section-level cadres of city departments seconded to the grassroots",
    ),
    version: 1,
    effectiveFrom: SEED_004_DATE,
    sources: [SEED_004_SOURCE],

    eligibility: {
      rules: [
        {
          _tag: "EmploymentIn",
          id: "on_establishment",
          citation: c("安丘 严格选人标准（1）", "市直部门(单位)在职在编副科级领导职务干部"),
          label: text("在职在编人员", "In service, on the establishment"),
          waivable: false,
          categories: ["civil_servant", "civil_servant_managed", "public_institution_established"],
        },
        {
          _tag: "RankIn",
          id: "rank",
          citation: c("安丘 严格选人标准（1）", "副科级领导职务干部"),
          label: text("副科级领导职务", "Deputy section level, leading post"),
          waivable: false,
          levels: ["deputy_section"],
          track: "leading",
          // No rank recorded means not a deputy-section leader: the clause names the rank outright.
          unranked: "fail",
        },
        {
          _tag: "Attested",
          id: "city_department",
          citation: c("安丘 严格选人标准（1）", "市直部门(单位)"),
          label: text("市直部门（单位）干部", "Works in a city department or unit"),
          waivable: false,
          item: "city_department_cadre",
        },
        {
          _tag: "EducationAtLeast",
          id: "education",
          citation: c("安丘 严格选人标准（2）", "全日制大学本科以上学历"),
          label: text("全日制大学本科以上学历", "Full-time bachelor's degree or higher"),
          waivable: false,
          level: "bachelor",
          fullTimeOnly: true,
        },
        {
          _tag: "Attested",
          id: "character",
          citation: c("安丘 严格选人标准（3）", "品行端正,作风正派"),
          label: text("品行端正，作风正派", "Of good character and upright conduct"),
          waivable: false,
          item: "character_conduct",
        },
        {
          _tag: "Attested",
          id: "health",
          citation: c("安丘 严格选人标准（4）", "身体健康"),
          label: text("身体健康", "In good health"),
          waivable: false,
          item: "health",
        },
        {
          // "缺乏基层工作经历" names no length of grassroots work, so the preset sets none (issue 20: the former
          // "less than 1 month" was a number the seed does not state). A reviewer judges it, seeing the work
          // history; a district that fixes a length publishes a version with a `LacksGrassrootsExperience` rule
          // whose `thresholdMonths` cites its own document.
          _tag: "Attested",
          id: "lacks_grassroots",
          citation: c("安丘 严格选人标准（5）", "缺乏基层工作经历"),
          label: text(
            "缺乏基层工作经历（文件未规定界限，由审核人员认定）",
            "Lacks grassroots experience (no length is set: a reviewer judges)",
          ),
          waivable: false,
          item: "lacks_grassroots_experience",
        },
        {
          _tag: "Attested",
          id: "willingness",
          citation: c("安丘 严格选人标准（6）", "本人有到基层锻炼服务的志向"),
          label: text("本人有到基层锻炼服务的志向", "Wishes to serve at the grassroots"),
          waivable: false,
          item: "willingness_grassroots",
        },
      ],
      exclusions: [
        {
          // "违法违纪等不良行为": violations, and the records that presuppose one (punishments, sanctions).
          _tag: "NoExclusion",
          id: "no_misconduct",
          citation: c("安丘 严格选人标准（3）", "无违法违纪等不良行为"),
          label: text("无违法违纪等不良行为", "No violation of law or discipline or similar misconduct"),
          waivable: false,
          kinds: ["violation", "criminal_punishment", "party_sanction", "government_sanction"],
          openKinds: [],
          description: text("违法违纪等不良行为", "violations of law or discipline and similar misconduct"),
        },
      ],
      preferences: [],
      referenceDate: unspecified(text("未规定条件的计算基准日", "No reference date is set")),
    },

    term: {
      length: cited({ amount: 1, unit: "year" }, c("安丘 导语", "挂职时间1年")),
      afterTerm: cited(
        text(
          "挂职期满进行综合考察，挂职情况作为干部使用的重要依据",
          "A full review at the end; it weighs in the cadre's next post",
        ),
        c("安丘 强化考核激励", "挂职期满,进行综合考察,挂职情况作为干部使用的重要依据"),
      ),
      probation: unspecified(text("未设见习期", "No probation is set")),
    },

    channels: cited(
      ["unit_recommendation"],
      c(
        "安丘 规范选派程序（2）",
        "先由符合条件的干部个人提出书面申请,所在单位根据干部申请,召开班子成员会研究确定推荐人选",
      ),
      {
        note: text(
          "本人书面申请，所在单位班子会研究后向市委组织部写出推荐报告",
          "The cadre applies in writing; the unit's leadership meeting decides and sends a recommendation report",
        ),
      },
    ),

    stages: [
      {
        id: "announce",
        label: text("发布挂职预告，明确选派范围和标准", "Announce the secondment, its scope and standards"),
        actor: "org_dept",
        deadline: unspecified(text("未规定时限", "No date is set")),
        citation: c("安丘 规范选派程序（1）", "发布选派干部挂职预告,明确选派范围和标准"),
      },
      {
        id: "apply",
        label: text("干部个人提出书面申请", "The cadre applies in writing"),
        actor: "applicant",
        deadline: unspecified(text("未规定时限", "No date is set")),
        citation: c("安丘 规范选派程序（2）", "先由符合条件的干部个人提出书面申请"),
      },
      {
        id: "unit_recommend",
        label: text(
          "所在单位召开班子成员会确定推荐人选，向市委组织部写出推荐报告",
          "The unit's leadership meeting picks its nominees and reports them to the city org dept",
        ),
        actor: "dispatching_unit",
        deadline: unspecified(text("未规定时限", "No date is set")),
        citation: c("安丘 规范选派程序（2）", "召开班子成员会研究确定推荐人选"),
      },
      {
        id: "shortlist",
        label: text(
          "市委组织部部长办公会按1:2的比例确定初步推荐人选",
          "The org dept's heads' meeting shortlists two candidates per place",
        ),
        actor: "org_dept_meeting",
        deadline: unspecified(text("未规定时限", "No date is set")),
        shortlistRatio: cited(
          { candidates: 2, places: 1 },
          c("安丘 规范选派程序（3）", "按照1:2的比例确定初步推荐人选"),
        ),
        citation: c("安丘 规范选派程序（3）", "市委组织部召开部长办公会"),
      },
      {
        id: "decide",
        label: text("市委常委会讨论确定最终人选", "The city standing committee decides the final list"),
        actor: "standing_committee",
        deadline: unspecified(text("未规定时限", "No date is set")),
        citation: c(
          "安丘 规范选派程序（3）",
          "市委常委会根据工作实际和组织部门提供的情况,讨论确定选派干部最终人选",
        ),
      },
      {
        id: "publish",
        label: text("向社会公开讨论决定情况", "Make the decision public"),
        actor: "standing_committee",
        deadline: unspecified(
          text("原文为“及时”，未给时限", "The text says “promptly” and gives no time limit"),
        ),
        citation: c("安丘 规范选派程序（3）", "并及时向社会公开讨论决定情况"),
      },
    ],

    reports: [
      {
        // 跟踪考察 is the org dept's duty towards each cadre, every quarter "in principle": an obligation the
        // platform dates (calendar quarters, inpost/Obligations.ts) and shows as owed by the org dept.
        id: "tracking",
        from: "org_dept",
        to: "org_dept",
        subject: text(
          "对挂职干部跟踪考察（原则上每季度一次）",
          "Tracking review of the seconded cadre (in principle once a quarter)",
        ),
        cadence: cited(
          { _tag: "Every", interval: { amount: 3, unit: "month" } },
          c("安丘 强化考核激励", "市委组织部对挂职干部实行跟踪考察,原则上每季度考察一次"),
          { qualifier: "in_principle" },
        ),
        citation: c("安丘 强化考核激励", "市委组织部对挂职干部实行跟踪考察"),
      },
    ],

    leave: unspecified(
      text(
        "原文只规定请假备案（见 leaveFiling），未规定由谁审批请假",
        "The text only requires leave to be filed (see leaveFiling); it does not say who approves leave",
      ),
    ),

    // "挂职干部请假天以上要报市委组织部备案": the filing and its recipient are stated, the number of days is missing from
    // the text. Recorded as the clause with the number unspecified: the district fills it in with a new version.
    leaveFiling: cited(
      {
        fromDays: unspecified(
          text(
            "原文“请假天以上”缺少天数，文件未规定；由本地区填写后发布新版本",
            "The text reads “leave of [missing] days or more”: the number is not stated; the district fills it in with a new version",
          ),
        ),
        fileWith: "org_dept",
      },
      c("安丘 强化考核激励", "挂职干部请假天以上要报市委组织部备案"),
    ),

    relations: cited(
      { party: "moves", administrative: "stays", pay: "stays" },
      c("安丘 强化考核激励", "工作与原单位脱钩,组织关系随转,行政、工资关系不变"),
    ),

    assessment: {
      grades: unspecified(text("未列出考核等次", "No grades are listed")),
      cycles: [
        {
          id: "annual",
          label: text(
            "年度考核在挂职镇街道进行",
            "The annual assessment is made by the host township or street",
          ),
          cadence: { _tag: "YearEnd" },
          decidedBy: "street",
          citation: c("安丘 强化考核激励", "年度考核在挂职镇街道进行"),
        },
        {
          id: "tracking",
          label: text(
            "市委组织部跟踪考察，原则上每季度一次",
            "Org dept tracking review, in principle every quarter",
          ),
          cadence: { _tag: "Every", interval: { amount: 3, unit: "month" } },
          decidedBy: "org_dept",
          citation: c("安丘 强化考核激励", "市委组织部对挂职干部实行跟踪考察,原则上每季度考察一次"),
        },
        {
          id: "term_end",
          label: text("挂职期满综合考察", "Full review at the end of the secondment"),
          cadence: { _tag: "TermEnd" },
          citation: c("安丘 强化考核激励", "挂职期满,进行综合考察"),
        },
      ],
      quotas: unspecified(text("未规定考核等次比例", "No quota on grades is set")),
    },

    recall: {
      triggers: [],
      consequences: unspecified(text("未规定召回及其后果", "No recall or consequences are set")),
    },

    pool: unspecified(text("非后备干部方案", "Not a reserve-pool scheme")),

    provisions: [
      {
        id: "appointment_rules",
        topic: "other",
        text: text(
          "选派挂职人员须符合干部任用条例规定",
          "Seconded cadres must also meet the cadre appointment regulations",
        ),
        citation: c("安丘 严格选人标准", "选派挂职人员除符合干部任用条例规定外"),
      },
      {
        id: "post",
        topic: "other",
        text: text(
          "到基层挂任党（工）委委员、副镇长（副主任）",
          "Serves as member of the township Party committee and deputy township head (or deputy street director)",
        ),
        citation: c("安丘 导语", "到基层挂任党(工)委委员、副镇长(副主任)"),
      },
      {
        id: "relations",
        topic: "relations",
        text: text(
          "工作与原单位脱钩，组织关系随转，行政、工资关系不变",
          "Detached from the original unit's work; the Party relation moves; administrative and pay relations stay",
        ),
        citation: c("安丘 强化考核激励", "工作与原单位脱钩,组织关系随转,行政、工资关系不变"),
      },
      {
        id: "attendance",
        topic: "other",
        text: text("严格落实考勤制度", "Attendance is strictly kept"),
        citation: c("安丘 强化考核激励", "严格落实考勤制度"),
      },
    ],
  },
}
