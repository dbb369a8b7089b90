import { cited, unspecified } from "../../shared/Cited.js"
import { text } from "../../shared/Text.js"
import { citeIn, type Preset } from "../Preset.js"
import { SEED_004_DATE, SEED_004_SOURCE } from "./seed-004.js"

/**
 * Seed 004, Hangzhou (杭州市): young and middle-aged cadres seconded to the city's key projects (市重点工程: road
 * building, environmental clean-up, land requisition and demolition, new-countryside projects). A key project at
 * the same level is a lateral secondment in the seed's own terms (晋城 挂职方式 三是: "平挂…到…重点工程建设项目").
 * Clauses: "杭州 教育管理" is the paragraph "为加强对挂职干部的教育管理…", "杭州 选派对象" the paragraph "在选派对象上…",
 * "杭州 导语" the opening, "杭州 长效机制" the closing paragraph "今年…建立了重点工程挂职干部管理制度". Region key:
 * Hangzhou's administrative division code (GB/T 2260).
 *
 * Only what the notes say: they describe practice, not rules, so most values are district-set (文件未规定) — who
 * may apply, the selection steps, leave, grades. What they do state: the receiving and the dispatching unit manage
 * the cadre together (the receiving unit day to day), every receiving unit sets up a temporary Party branch,
 * attendance and briefing systems, and at the end the dispatching unit assesses the cadre together with the
 * receiving unit.
 */
const c = citeIn("004")

export const hangzhouKeyProjectSecondment: Preset = {
  key: "hangzhou-key-project-secondment",
  seed: "004",
  title: text(
    "杭州市选派中青年干部到重点工程挂职锻炼",
    "Hangzhou: young and middle-aged cadres seconded to key projects",
  ),
  encoded: {
    formatVersion: 1,
    id: "hangzhou-key-project-secondment",
    regionId: "330100",
    kind: { _tag: "Secondment", direction: "lateral" },
    name: text(
      "杭州市选派中青年干部到市重点工程挂职锻炼",
      "Hangzhou City: young and middle-aged cadres seconded to the city's key projects",
    ),
    version: 1,
    effectiveFrom: SEED_004_DATE,
    sources: [SEED_004_SOURCE],

    eligibility: {
      // "重点锁定在…的中青年干部": the notes say whom selection focuses on, with no age, education or rank bound. A
      // reviewer attests it; a district that sets bounds publishes a version with its own rules and citation.
      rules: [
        {
          _tag: "Attested",
          id: "focus_group",
          citation: c(
            "杭州 选派对象",
            "重点锁定在基本素质比较好,文化程度比较高,责任感和进取心比较强,有发展培养潜力,但相对基层工作实践经验不够丰富的中青年干部",
          ),
          label: text(
            "基本素质较好、文化程度较高、责任感和进取心较强、有发展培养潜力、基层实践经验不够丰富的中青年干部（文件未规定年龄等界限，由审核人员认定）",
            "A young or middle-aged cadre of sound quality, good education, responsibility and drive, with potential and little grassroots experience (no bounds are set: a reviewer judges)",
          ),
          // "重点锁定": a focus, not a bar — waivable with a recorded reason.
          waivable: true,
          item: "key_project_focus_group",
        },
      ],
      exclusions: [],
      preferences: [],
      referenceDate: unspecified(
        text("未规定条件的计算基准日（由本地区设定）", "No reference date is set (district-set)"),
      ),
    },

    term: {
      // "挂职期满后,对挂职干部一年的工作学习情况进行全面总结": the secondment is a year.
      length: cited(
        { amount: 1, unit: "year" },
        c("杭州 教育管理", "挂职期满后,对挂职干部一年的工作学习情况进行全面总结"),
      ),
      afterTerm: cited(
        text(
          "挂职期满全面总结，由派出单位会同接收单位考核",
          "At the end, a full review; the dispatching unit assesses together with the receiving unit",
        ),
        c("杭州 教育管理", "由派出单位会同接收单位对挂职干部进行考核"),
      ),
      probation: unspecified(text("未设见习期", "No probation is set")),
    },

    channels: cited(
      ["unit_recommendation"],
      c("杭州 导语", "挂职干部派出单位精心挑选,把本单位的优秀年轻干部送到城建城管一线去接受锻炼"),
      {
        note: text(
          "派出单位挑选推荐；文件未规定报名和审批程序，由本地区设定",
          "The dispatching unit picks its cadres; the application and approval steps are not set (district-set)",
        ),
      },
    ),

    stages: [
      {
        id: "deploy",
        label: text(
          "每年年初专门召集有关部门专题研究部署，召开动员大会",
          "At the start of each year the city studies and deploys the programme and holds a mobilisation meeting",
        ),
        actor: "org_dept",
        deadline: unspecified(
          text(
            "原文为“每年年初”，未给具体日期（由本地区设定）",
            "“At the start of each year”; no date (district-set)",
          ),
        ),
        citation: c("杭州 导语", "每年年初,专门召集有关部门对挂职工作进行专题研究和部署"),
      },
      {
        id: "unit_recommend",
        label: text("派出单位挑选优秀年轻干部", "The dispatching unit picks its outstanding young cadres"),
        actor: "dispatching_unit",
        deadline: unspecified(text("未规定时限（由本地区设定）", "No date is set (district-set)")),
        citation: c("杭州 导语", "挂职干部派出单位精心挑选"),
      },
    ],

    reports: [],

    leave: unspecified(
      text(
        "文中只说建立考勤制度，未规定请假审批层级和天数（由本地区设定）",
        "The notes set up attendance but give no leave tiers or days (district-set)",
      ),
    ),

    assessment: {
      grades: unspecified(text("未列出考核等次（由本地区设定）", "No grades are listed (district-set)")),
      cycles: [
        {
          id: "term_end",
          label: text(
            "挂职期满全面总结，由派出单位会同接收单位考核",
            "Term-end review: the dispatching unit assesses together with the receiving unit",
          ),
          cadence: { _tag: "TermEnd" },
          decidedBy: "dispatching_unit",
          jointlyWith: ["host_unit"],
          citation: c("杭州 教育管理", "由派出单位会同接收单位对挂职干部进行考核"),
        },
      ],
      quotas: unspecified(
        text("未规定考核等次比例（由本地区设定）", "No quota on grades is set (district-set)"),
      ),
    },

    recall: {
      triggers: [],
      consequences: unspecified(
        text("未规定召回及其后果（由本地区设定）", "No recall or consequences are set (district-set)"),
      ),
    },

    pool: unspecified(text("非后备干部方案", "Not a reserve-pool scheme")),

    provisions: [
      {
        id: "joint_management",
        topic: "other",
        text: text(
          "派出单位和接收单位共同管理挂职干部：接收单位负责日常管理，派出单位经常到接收单位了解关心挂职干部工作学习情况",
          "The dispatching and the receiving unit manage the cadre together: the receiving unit day to day, the dispatching unit visits often",
        ),
        citation: c("杭州 教育管理", "由派出单位和接收单位共同管理挂职干部,接收单位负责日常管理"),
      },
      {
        id: "coordination_group",
        topic: "other",
        text: text(
          "成立由市委组织部、市建委等单位主要领导担任组长的挂职干部管理服务工作协调小组",
          "A coordination group for managing and serving the cadres, led by the heads of the org dept, the construction commission and others",
        ),
        citation: c(
          "杭州 教育管理",
          "成立由市委组织部、市建委等单位主要领导担任组长的挂职干部管理服务工作协调小组",
        ),
      },
      {
        id: "temporary_party_branch",
        topic: "relations",
        text: text(
          "各接收单位成立挂职干部临时党支部，保证党员正常参加组织生活学习",
          "Every receiving unit sets up a temporary Party branch of the seconded cadres, so that members keep their Party life",
        ),
        citation: c("杭州 教育管理", "各接收单位都成立挂职干部临时党支部"),
      },
      {
        id: "attendance",
        topic: "other",
        text: text(
          "建立情况通报制度、考勤制度等管理制度（考勤办法文件未规定，由本地区设定）",
          "Briefing and attendance systems (the attendance rules themselves are not set: district-set)",
        ),
        citation: c("杭州 教育管理", "建立情况通报制度、考勤制度等多项管理制度"),
      },
      {
        id: "standing_rules",
        topic: "other",
        text: text(
          "重点工程挂职干部管理制度：学习培训、双重管理、支部活动、日常工作、回访走访、考勤考核六个方面",
          "The key-project secondment rules cover six areas: training, dual management, branch activity, daily work, follow-up visits, attendance and assessment",
        ),
        citation: c(
          "杭州 长效机制",
          "从学习培训、双重管理、支部活动、日常工作、回访走访、考勤考核六个方面作出了制度性规定",
        ),
      },
      {
        id: "recognition",
        topic: "incentive",
        text: text(
          "召开动员和表彰大会，为挂职干部佩戴红花、颁发奖状",
          "Mobilisation and commendation meetings; the cadres receive red flowers and certificates",
        ),
        citation: c("杭州 导语", "连续4年召开全市百名干部到重点工程挂职锻炼动员和表彰大会"),
      },
    ],
  },
}
