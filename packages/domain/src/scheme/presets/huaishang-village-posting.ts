import { cited, unspecified } from "../../shared/Cited.js"
import { text } from "../../shared/Text.js"
import { citeIn, type Preset } from "../Preset.js"
import { SEED_004_DATE, SEED_004_SOURCE } from "./seed-004.js"

/**
 * Seed 004, Huaishang (淮上区, Bengbu): agency cadres posted to villages (选派干部到村任职), with a 100-point
 * score, a year-end satisfaction survey, recall below 50% and money incentives. A posting of agency cadres down to a
 * village is a downward secondment in the seed's terms (晋城 挂职方式 二是). Clauses: "淮上 目标考核 三是" is
 * item 三是 of the paragraph 建立目标考核机制 (likewise 选优派强, 激励保障, 量才使用). Region key: the district's
 * administrative division code (GB/T 2260).
 */
const c = citeIn("004")

export const huaishangVillagePosting: Preset = {
  key: "huaishang-village-posting",
  seed: "004",
  title: text("淮上区选派干部到村任职", "Huaishang: cadres posted to villages"),
  encoded: {
    formatVersion: 1,
    id: "huaishang-village-posting",
    regionId: "340311",
    kind: { _tag: "Secondment", direction: "down" },
    name: text("淮上区选派机关干部到村任职", "Huaishang District: agency cadres posted to villages"),
    version: 1,
    effectiveFrom: SEED_004_DATE,
    sources: [SEED_004_SOURCE],

    eligibility: {
      // The notes name where cadres come from (provisions) and one quality the organisation selects on.
      rules: [
        {
          _tag: "Attested",
          id: "quality_ability",
          citation: c("淮上 选优派强 三是", "鼓励更多素质高、能力强的优秀干部,主动站出来接受组织的挑选"),
          label: text("素质高、能力强", "High quality and strong ability"),
          waivable: false,
          item: "quality_ability",
        },
      ],
      exclusions: [],
      preferences: [],
      referenceDate: unspecified(text("未规定条件的计算基准日", "No reference date is set")),
    },

    term: {
      length: unspecified(
        text("实行任期目标考核，但未规定任期长短", "Term targets are assessed, but no term length is set"),
      ),
      afterTerm: unspecified(text("未规定期满后的安排", "Nothing is set for the end of the term")),
      probation: unspecified(text("未设见习期", "No probation is set")),
    },

    channels: cited(
      ["self_registration", "unit_recommendation"],
      c("淮上 选优派强 三是", "三是双向选择“派”下去"),
      {
        note: text(
          "一方面鼓励优秀干部主动站出来接受组织挑选，另一方面组织各部门推荐本单位业务骨干",
          "Good cadres are encouraged to come forward, and departments recommend their best staff",
        ),
      },
    ),

    stages: [],

    reports: [
      {
        id: "decision_feedback",
        from: "applicant",
        to: "street",
        subject: text(
          "本村重大村务决策（会议记录，以“信息反馈卡”上报乡镇党委）",
          "Major village decisions (minutes, reported to the township committee on a feedback card)",
        ),
        cadence: cited(
          { _tag: "OnEvent", event: text("重大村务决策", "A major village decision") },
          c(
            "淮上 目标考核 三是",
            "任职干部对本村重大村务决策必须做好会议记录,并以“信息反馈卡”的方式上报乡镇党委",
          ),
        ),
        citation: c("淮上 目标考核 三是"),
      },
      {
        id: "early_warning",
        from: "applicant",
        to: "street",
        subject: text("发现的苗头性事件", "Early signs of trouble"),
        cadence: cited(
          { _tag: "OnEvent", event: text("发现苗头性事件时（随时）", "Whenever one is noticed") },
          c("淮上 目标考核 三是", "对发现的苗头性事件随时上报"),
        ),
        citation: c("淮上 目标考核 三是"),
      },
    ],

    leave: unspecified(text("未规定请销假", "Leave is not regulated")),

    relations: cited(
      { administrative: "stays", pay: "stays" },
      c("淮上 选优派强 一是", "凡到村任职干部,原身份不变,工资发放渠道不变,正常晋级晋职"),
      {
        note: text("原文未提组织关系是否转移", "The text does not say whether the Party relation moves"),
      },
    ),

    assessment: {
      grades: unspecified(
        text("提到“优秀”“不称职”，未列出完整等次", "Names 优秀 and 不称职 but not the full scale"),
      ),
      // Scored on 100 points at each of half-year, year-end and term-end (`scoring`).
      cycles: [
        {
          id: "half_year",
          label: text("百分制量化考核（半年）", "100-point assessment (half-year)"),
          cadence: { _tag: "Every", interval: { amount: 6, unit: "month" } },
          citation: c(
            "淮上 目标考核 三是",
            "实行百分制量化考核,对工作业绩逢半年、年终、任期期满分别进行考核",
          ),
        },
        {
          id: "year_end",
          label: text("百分制量化考核（年终）", "100-point assessment (year-end)"),
          cadence: { _tag: "YearEnd" },
          citation: c(
            "淮上 目标考核 三是",
            "实行百分制量化考核,对工作业绩逢半年、年终、任期期满分别进行考核",
          ),
        },
        {
          id: "term_end",
          label: text("百分制量化考核（任期期满）", "100-point assessment (end of term)"),
          cadence: { _tag: "TermEnd" },
          citation: c(
            "淮上 目标考核 三是",
            "实行百分制量化考核,对工作业绩逢半年、年终、任期期满分别进行考核",
          ),
        },
        {
          id: "satisfaction",
          label: text(
            "年终满意度测评：群众代表和全体党员测评，乡镇党委会评定",
            "Year-end satisfaction survey by residents' representatives and all Party members; the township committee rates",
          ),
          cadence: { _tag: "YearEnd" },
          firstOpinionBy: "residents",
          decidedBy: "street",
          citation: c("淮上 目标考核 三是", "年终由群众代表和全体党员进行满意度测评,乡镇党委会评定"),
        },
        {
          id: "district_check",
          label: text(
            "以区为主每半年对选派工作检查一次",
            "The district checks the programme every half year",
          ),
          cadence: { _tag: "Every", interval: { amount: 6, unit: "month" } },
          decidedBy: "org_dept",
          citation: c("淮上 目标考核 二是", "以区为主每半年对选派工作进行一次检查"),
        },
        {
          id: "annual",
          label: text("每年对到村任职干部考核一次", "Each posted cadre is assessed once a year"),
          cadence: { _tag: "YearEnd" },
          citation: c("淮上 目标考核 二是", "每年对选派到村任职干部进行一次考核"),
        },
      ],
      quotas: unspecified(text("未规定考核等次比例", "No quota on grades is set")),
      scoring: cited(
        {
          maxPoints: cited(100, c("淮上 目标考核 三是", "实行百分制量化考核")),
          cycleIds: ["half_year", "year_end", "term_end"],
          items: unspecified(
            text(
              "未规定考核项目及分值；任期目标和年度目标写入每年签订的目标管理责任书（目标考核 一是）",
              "No items or points are set; the targets are in the yearly target responsibility letter (目标考核 一是)",
            ),
          ),
          gradeBands: unspecified(
            text(
              "未规定分数与等次的对应关系；等次由乡镇党委会评定",
              "No score-to-grade bands are set; the township committee decides the grade",
            ),
          ),
        },
        c("淮上 目标考核 三是", "实行百分制量化考核,对工作业绩逢半年、年终、任期期满分别进行考核"),
      ),
      survey: cited(
        {
          respondents: cited(
            text("群众代表和全体党员", "Residents' representatives and all Party members"),
            c("淮上 目标考核 三是", "年终由群众代表和全体党员进行满意度测评"),
          ),
          basicallySatisfied: unspecified(
            text(
              "未规定“基本满意”是否计入满意率；测评表设此选项的，须先由组织部门确定",
              "Whether “basically satisfied” counts as satisfied is not set; a form with that option needs the org dept to decide first",
            ),
          ),
        },
        c("淮上 目标考核 三是", "进行民主测评,年终由群众代表和全体党员进行满意度测评,乡镇党委会评定"),
      ),
      incentives: cited(
        [
          {
            id: "investment_excellent",
            label: text(
              "引进项目、创办产业投资达30万元以上的，年终考核为“优秀”等次",
              "Projects or investment of 300,000 CNY or more: graded excellent at year-end",
            ),
            when: [{ _tag: "InvestmentAtLeast", yuan: 300_000 }],
            effect: "graded",
            grade: "excellent",
            citation: c("淮上 量才使用 二是", "对引进项目、创办产业投资达30万元以上的,年终考核为“优秀”等次"),
          },
          {
            id: "three_years_excellent",
            label: text(
              "在村任职三年以上并连续考核为优秀的，优先考虑提拔使用",
              "Three years or more in the village, excellent every year: priority promotion",
            ),
            when: [
              { _tag: "ServedAtLeast", length: { amount: 3, unit: "year" } },
              { _tag: "ConsecutiveGrades", grades: ["excellent"], years: 3 },
            ],
            effect: "priority_promotion",
            citation: c("淮上 量才使用 二是", "在村任职三年以上并连续考核为优秀的,优先考虑提拔使用"),
          },
          {
            id: "five_years_promotion",
            label: text(
              "连续到村任职5年以上，经组织考察表现优秀的，优先提拔使用",
              "Five years or more in villages and found excellent on inspection: priority promotion",
            ),
            when: [
              { _tag: "ServedAtLeast", length: { amount: 5, unit: "year" } },
              { _tag: "Judged", description: text("经组织考察表现优秀", "Found excellent on inspection") },
            ],
            effect: "priority_promotion",
            citation: c(
              "淮上 量才使用 三是",
              "对连续到村任职5年以上的选派干部,经组织考察表现优秀的,优先予以提拔使用",
            ),
          },
        ],
        c("淮上 量才使用"),
      ),
    },

    recall: {
      triggers: [
        {
          id: "admonish_below_60",
          label: text("群众满意率达不到60%，诫勉谈话", "Satisfaction below 60%: admonishment talk"),
          condition: {
            _tag: "SurveyRate",
            measure: "satisfaction",
            comparator: "lt",
            share: { numerator: 60, denominator: 100 },
          },
          action: "admonish",
          decidedBy: "street",
          measures: ["admonishment_talk"],
          citation: c("淮上 目标考核 三是", "对群众满意率达不到60%的,诫勉谈话"),
        },
        {
          id: "recall_below_50",
          label: text("满意率达不到50%，实行“召回”", "Satisfaction below 50%: recalled"),
          condition: {
            _tag: "SurveyRate",
            measure: "satisfaction",
            comparator: "lt",
            share: { numerator: 50, denominator: 100 },
          },
          action: "recall",
          decidedBy: "street",
          citation: c("淮上 目标考核 三是", "满意率达不到50%的,实行“召回”"),
        },
      ],
      consequences: cited(
        [
          {
            id: "graded_incompetent",
            label: text(
              "被召回的，当年考评为“不称职”",
              "A recalled cadre is graded incompetent for the year",
            ),
            appliesTo: "cadre",
            effect: "graded",
            grade: "incompetent",
            // 考评 is the yearly assessment (目标考核 二是 "每年对选派到村任职干部进行一次考核"): the recall writes its grade.
            cycleId: "annual",
            period: "that_year",
            citation: c("淮上 目标考核 三是", "当年考评为“不称职”"),
          },
        ],
        c("淮上 目标考核 三是"),
      ),
    },

    pool: unspecified(text("非后备干部方案", "Not a reserve-pool scheme")),

    provisions: [
      {
        id: "status",
        topic: "relations",
        text: text(
          "到村任职干部原身份不变，工资发放渠道不变，正常晋级晋职",
          "Status and pay channel unchanged; promotion continues as normal",
        ),
        citation: c("淮上 选优派强 一是", "凡到村任职干部,原身份不变,工资发放渠道不变,正常晋级晋职"),
      },
      {
        id: "sources",
        topic: "other",
        text: text(
          "机关年轻后备干部有计划、分批次到村任职；机关新考录公务员或事业单位管理人员定期到村实践",
          "Young agency reserves are posted in planned batches; newly recruited civil servants and institution managers practise in villages regularly",
        ),
        citation: c("淮上 选优派强 二是", "对机关年轻后备干部,有计划、分批次地安排到村进行任职"),
      },
      {
        id: "target_letter",
        topic: "other",
        text: text(
          "实行任期目标和年度目标考核制，每年签订目标管理责任书",
          "Term and yearly targets; a target responsibility letter is signed every year",
        ),
        citation: c("淮上 目标考核 一是", "每年与到村任职干部签定目标管理责任书"),
      },
      {
        id: "quarterly_meeting",
        topic: "inspection",
        text: text(
          "每季度召开一次选派工作例会；督查考评结果与奖惩直接挂钩",
          "A programme meeting every quarter; supervision results feed rewards and penalties directly",
        ),
        citation: c("淮上 目标考核 二是", "每季度召开一次选派工作例会"),
      },
      {
        id: "incentive_pay",
        topic: "incentive",
        text: text(
          "为村集体经济做出突出贡献的，按村集体经济年度净增长额的10%领取绩效工资；村人均纯收入增幅超过全区平均的，奖励500元",
          "10% of the village collective's yearly net growth as performance pay; 500 CNY when village income growth beats the district average",
        ),
        citation: c("淮上 激励保障 一是", "按村集体经济年度净增长额的10%领取绩效工资"),
      },
      {
        id: "incentive_branch_honours",
        topic: "incentive",
        text: text(
          "所在党支部连续两年被评为区级先进奖励1000元，市级2000元，省级3000元，中央级5000元",
          "Branch honoured two years running: 1,000 CNY (district), 2,000 (city), 3,000 (province), 5,000 (central)",
        ),
        citation: c("淮上 激励保障 一是", "所在党支部连续两年被评为区级先进党支部的,奖励1000元"),
      },
      {
        id: "support_living",
        topic: "support",
        text: text(
          "与原单位同级人员同等福利；派出单位每人每月200元通讯补助；一次性3000元生活安置补助",
          "Same benefits as peers at the unit; 200 CNY a month for communications from the unit; 3,000 CNY once on arrival",
        ),
        citation: c(
          "淮上 激励保障 二是",
          "由派出单位每人每月按200元标准给予通讯补助,并对到村任职干部一次性给予3000元的生活安置补助",
        ),
      },
      {
        id: "support_projects",
        topic: "support",
        text: text(
          "财政部门为每人安排5—10万元选派项目资金及5—10万元无息贷款；区委组织部牵头联席会议予以倾斜支持",
          "50,000–100,000 CNY of project funds and the same of interest-free loans each; a joint meeting led by the org dept channels support",
        ),
        citation: c(
          "淮上 激励保障 三是",
          "财政部门为每位到村任职的选派干部安排5-10万元选派项目资金及5-10万元无息贷款的权利",
        ),
      },
      {
        id: "training",
        topic: "training",
        text: text(
          "强化岗前培训；“走出去”学习；每季度召开一次座谈会交流",
          "Pre-post training; study visits elsewhere; a quarterly exchange meeting",
        ),
        citation: c("淮上 量才使用 一是", "坚持“交流式”提高,每季度召开一次座谈会"),
      },
      {
        id: "graded_excellent_investment",
        topic: "incentive",
        text: text(
          "引进项目、创办产业投资达30万元以上的，年终考核为“优秀”等次",
          "Bringing in projects or investment of 300,000 CNY or more earns an excellent year-end grade",
        ),
        citation: c("淮上 量才使用 二是", "对引进项目、创办产业投资达30万元以上的,年终考核为“优秀”等次"),
      },
      {
        id: "promotion",
        topic: "incentive",
        text: text(
          "在村任职三年以上并连续考核为优秀的优先提拔；连续到村任职5年以上、经考察表现优秀的优先提拔并进入乡镇领导班子或区直部门领导岗位",
          "Three years in the village with excellent grades throughout: priority promotion; five years in all and found excellent: promotion into township or district leadership",
        ),
        citation: c("淮上 量才使用 二是", "在村任职三年以上并连续考核为优秀的,优先考虑提拔使用"),
      },
      {
        id: "political_incentive",
        topic: "incentive",
        text: text(
          "区每年召开党建工作会议表彰；推选担任各级党代表、人大代表和政协委员",
          "A yearly district meeting commends them; they are put forward as Party, people's congress and CPPCC delegates",
        ),
        citation: c(
          "淮上 量才使用 三是",
          "区每年召开一次党建工作会议,对工作业绩突出的到村任职干部进行表彰奖励",
        ),
      },
    ],
  },
}
