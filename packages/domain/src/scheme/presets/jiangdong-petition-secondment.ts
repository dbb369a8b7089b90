import { cited, unspecified } from "../../shared/Cited.js"
import { text } from "../../shared/Text.js"
import { citeIn, type Preset } from "../Preset.js"
import { SEED_004_DATE, SEED_004_SOURCE } from "./seed-004.js"

/**
 * Seed 004, Jiangdong (江东区, Ningbo): reserve cadres seconded in batches to the district petition bureau for six
 * months. A petition office at the same level is a lateral secondment in the seed's own terms (晋城 挂职方式 三是:
 * "平挂…到同级信访部门"). Clauses: "江东 一" is part 一 of the Jiangdong notes. Region key: the district's
 * administrative division code (GB/T 2260; the district was merged into 鄞州/海曙 in 2016).
 */
const c = citeIn("004")

export const jiangdongPetitionSecondment: Preset = {
  key: "jiangdong-petition-secondment",
  seed: "004",
  title: text("江东区选派干部到信访岗位挂职锻炼", "Jiangdong: reserve cadres seconded to petition posts"),
  encoded: {
    formatVersion: 1,
    id: "jiangdong-petition-secondment",
    regionId: "330204",
    kind: { _tag: "Secondment", direction: "lateral" },
    name: text(
      "江东区选派后备干部到信访岗位挂职锻炼",
      "Jiangdong District: reserve cadres seconded to the petition bureau",
    ),
    version: 1,
    effectiveFrom: SEED_004_DATE,
    sources: [SEED_004_SOURCE],

    eligibility: {
      rules: [
        {
          _tag: "Attested",
          id: "reserve_cadre",
          citation: c("江东 一", "从后备干部中研究确定具体选派人选"),
          label: text("后备干部", "A reserve cadre"),
          waivable: false,
          item: "reserve_cadre",
        },
      ],
      exclusions: [],
      preferences: [
        {
          // The notes name sectors (建设、卫生…), not units, so a reviewer tags the candidate's department.
          _tag: "HasTag",
          id: "livelihood_department",
          citation: c(
            "江东 一",
            "注重从民生热点部门、窗口单位,包括建设、卫生、教育、民政、劳动、环保等与信访工作联系密切,与民生直接相关的部门,以及纪检、法院、人大、政协等单位选派干部",
          ),
          label: text(
            "民生热点部门、窗口单位（建设、卫生、教育、民政、劳动、环保等）及纪检、法院、人大、政协等单位",
            "Livelihood and front-desk departments (construction, health, education, civil affairs, labour, environment…) and discipline, courts, congress, CPPCC",
          ),
          // The only preference: unit weight.
          weight: 1,
          tag: "livelihood_department",
        },
      ],
      referenceDate: unspecified(text("未规定条件的计算基准日", "No reference date is set")),
    },

    // "一般每批3人": a campaign of another size needs a recorded reason (selection/Batch.ts).
    batchSize: cited(3, c("江东 一", "一般每批3人"), { qualifier: "generally" }),

    // "为每个挂职干部确定1名信访局副局长和1名精通业务工作的信访干部": each cadre's two mentors, by kind.
    mentorsPerCadre: cited(
      [
        {
          key: "deputy_director",
          label: text("信访局副局长", "deputy head of the petition bureau"),
          count: 1,
        },
        {
          key: "petition_officer",
          label: text("精通业务工作的信访干部", "experienced petition officer"),
          count: 1,
        },
      ],
      c("江东 四", "为每个挂职干部确定1名信访局副局长和1名精通业务工作的信访干部"),
    ),

    term: {
      length: cited({ amount: 6, unit: "month" }, c("江东 一", "一般每批3人,挂职时间为6个月"), {
        qualifier: "generally",
      }),
      afterTerm: cited(
        text(
          "挂职结束前考核，鉴定表存入本人档案；根据表现和工作需要提拔交流",
          "Assessed before the end, appraisal filed; promoted or moved according to performance and need",
        ),
        c("江东 五", "坚持培养与使用相结合"),
      ),
      probation: unspecified(text("未设见习期", "No probation is set")),
    },

    channels: cited(
      ["organisation_recommendation"],
      c("江东 一", "采取民主推荐、组织考察、会议研究相结合的办法,从后备干部中研究确定具体选派人选"),
    ),

    stages: [
      {
        id: "host_proposal",
        label: text(
          "区信访局根据安排计划和阶段性信访案件提出拟选派部门的初步意向",
          "The petition bureau proposes the departments to draw from, by the yearly plan and current cases",
        ),
        actor: "host_unit",
        deadline: unspecified(
          text(
            "原文为“年初”制定计划，未给具体日期",
            "The plan is made “at the start of the year”; no date is given",
          ),
        ),
        citation: c("江东 一", "区信访局根据安排计划"),
      },
      {
        id: "selection",
        label: text(
          "区委组织部民主推荐、组织考察、会议研究，确定选派人选",
          "The org dept picks the cadres by democratic recommendation, inspection and meeting",
        ),
        actor: "org_dept",
        deadline: unspecified(text("未规定时限", "No date is set")),
        citation: c("江东 一", "区委组织部根据干部日常表现,坚持按要求推荐、按条件审核、按标准选派"),
      },
    ],

    reports: [
      {
        id: "monthly_exchange",
        from: "applicant",
        to: "host_unit",
        subject: text(
          "在挂职锻炼经验交流会上汇报所做工作、经验、问题和思路",
          "At the monthly exchange meeting: work done, lessons, problems and plans",
        ),
        cadence: cited(
          { _tag: "Every", interval: { amount: 1, unit: "month" } },
          c("江东 四", "挂职单位每月召开一次挂职锻炼经验交流会,由挂职干部汇报自己挂职锻炼期间所做的工作"),
        ),
        citation: c("江东 四"),
      },
    ],

    leave: unspecified(
      text(
        "工作手册对请销假提出要求，但未在文中给出审批层级和天数",
        "A handbook sets leave rules, but the notes give no tiers or days",
      ),
    ),

    assessment: {
      grades: unspecified(text("未列出考核等次", "No grades are listed")),
      cycles: [
        {
          id: "term_end",
          label: text(
            "挂职结束前，会同信访局和派出单位组成考察组共同考核，填写表现鉴定表",
            "Before the end, a team with the petition bureau and the dispatching unit assesses the cadre and writes the appraisal",
          ),
          cadence: { _tag: "TermEnd" },
          decidedBy: "org_dept",
          citation: c(
            "江东 五",
            "挂职结束前,会同信访局和派出单位组成考察组共同对挂职干部挂职期间作用发挥等情况进行考核",
          ),
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
        id: "batch_size",
        topic: "other",
        text: text("一般每批3人", "Generally three cadres per batch"),
        citation: c("江东 一", "一般每批3人"),
      },
      {
        id: "needs_survey",
        topic: "other",
        text: text(
          "年初开展信访岗位需求调研，确定总体工作方案和年度人员安排计划",
          "At the start of each year, a needs survey sets the overall plan and the year's roster",
        ),
        citation: c("江东 一", "年初结合选派干部工作计划的制定,开展信访岗位需求调研"),
      },
      {
        id: "posts",
        topic: "other",
        text: text(
          "挂职岗位为区信访局接访、办信、督查等一线岗位，以接访为主；当好督查专员、接谈员、办信员“三大员”",
          "Front-line posts of the petition bureau (reception first, letters, supervision): the “three roles”",
        ),
        citation: c("江东 二", "规定挂职锻炼岗位为区信访局接访、办信、督查等业务一线岗位,以接访岗位为主"),
      },
      {
        id: "pre_post_training",
        topic: "training",
        text: text(
          "每批派出前进行岗前培训：信访条例和业务、集中授课、专题讲座、模拟考试、角色模拟和情景模拟",
          "Training before each batch leaves: petition rules and practice, lectures, mock exams, role play and scenarios",
        ),
        citation: c("江东 三", "在每批挂职干部派出之前,都坚持进行岗前培训"),
      },
      {
        id: "two_mentors",
        topic: "mentoring",
        text: text(
          "为每个挂职干部确定1名信访局副局长和1名精通业务的信访干部结对帮带",
          "Each cadre has two mentors: a deputy head of the petition bureau and an experienced petition officer",
        ),
        citation: c("江东 四", "为每个挂职干部确定1名信访局副局长和1名精通业务工作的信访干部"),
      },
      {
        id: "case_ownership",
        topic: "other",
        text: text(
          "挂职干部包案制度，重要信访案件一包到底；参与法规解释、突发事件疏导和复杂案件分析（“三参与”）",
          "The cadre owns important cases end to end and takes part in explaining the law, handling incidents and analysing hard cases",
        ),
        citation: c("江东 四", "实行挂职干部包案制度"),
      },
      {
        id: "tracking",
        topic: "inspection",
        text: text(
          "“三联一解决”：定期联系派出单位、信访局和本人，及时解决思想、家庭和原岗位问题",
          "Regular contact with the dispatching unit, the bureau and the cadre; their problems are solved promptly",
        ),
        citation: c("江东 五", "具体做到 “三联一解决”"),
      },
      {
        id: "archive",
        topic: "archive",
        text: text("挂职干部表现鉴定表存入本人档案", "The appraisal form goes into the cadre's file"),
        citation: c("江东 五", "填写挂职干部表现鉴定表存入本人档案"),
      },
    ],
  },
}
