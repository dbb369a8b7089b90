import { cited, unspecified } from "../../shared/Cited.js"
import { text } from "../../shared/Text.js"
import { citeIn, type Preset } from "../Preset.js"

/**
 * Seed 002: 中共自贡市大安区委办公室《关于全覆盖常态化选派村(社区)党组织第一书记的通知》(2017-04-18). Clause
 * references follow its numbering: "三（二）" is part 三, section （二）. Region key: 大安区's administrative
 * division code (GB/T 2260), as the Yangpu preset uses Yangpu's.
 */
const c = citeIn("002")

export const daanFirstSecretary: Preset = {
  key: "daan-first-secretary",
  seed: "002",
  title: text(
    "大安区选派村（社区）党组织第一书记（2017）",
    "Da'an: first secretaries of villages and communities (2017)",
  ),
  encoded: {
    formatVersion: 1,
    id: "daan-first-secretary",
    regionId: "510304",
    kind: { _tag: "FirstSecretary" },
    name: text(
      "大安区全覆盖常态化选派村（社区）党组织第一书记",
      "Da'an District: first secretaries for every village and community, as a standing arrangement",
    ),
    version: 1,
    effectiveFrom: "2017-04-18",
    sources: [
      {
        id: "002",
        title: text(
          "关于全覆盖常态化选派村(社区)党组织第一书记的通知",
          "Notice on dispatching first secretaries to every village and community Party organisation as a standing practice",
        ),
        issuer: "中共自贡市大安区委办公室",
        issuedOn: "2017-04-18",
      },
    ],

    eligibility: {
      rules: [
        {
          // A first secretary holds a Party post, which a probationary member cannot be elected to: full member.
          _tag: "PartyStanding",
          id: "party_member",
          citation: c("一", "选派政治素质好、开拓创新意识强、作风扎实、具有正常履行职责身体条件的优秀党员"),
          label: text("中共党员", "CPC member"),
          waivable: false,
          minYears: 0,
        },
        {
          _tag: "Attested",
          id: "political_quality",
          citation: c("一", "政治素质好"),
          label: text("政治素质好", "Sound political quality"),
          waivable: false,
          item: "political_quality",
        },
        {
          _tag: "Attested",
          id: "innovation",
          citation: c("一", "开拓创新意识强"),
          label: text("开拓创新意识强", "Strong drive to innovate"),
          waivable: false,
          item: "innovation",
        },
        {
          _tag: "Attested",
          id: "work_style",
          citation: c("一", "作风扎实"),
          label: text("作风扎实", "Solid work style"),
          waivable: false,
          item: "work_style",
        },
        {
          _tag: "Attested",
          id: "health",
          citation: c("一", "具有正常履行职责身体条件"),
          label: text("具有正常履行职责身体条件", "Fit enough to perform the duties"),
          waivable: false,
          item: "health",
        },
      ],
      exclusions: [],
      preferences: [],
      referenceDate: unspecified(
        text(
          "通知未规定条件的计算基准日；由每次选派确定",
          "The notice sets no reference date; each dispatch sets it",
        ),
      ),
    },

    term: {
      length: cited({ amount: 2, unit: "year" }, c("三（一）", "第一书记任期一般为2年"), {
        qualifier: "generally",
      }),
      afterTerm: cited(
        text(
          "任职期满组织全面考核，结果作为评选先进、提拔使用、晋升职级的重要依据",
          "At the end of the term a full assessment is made; it weighs in awards, promotion and grade advancement",
        ),
        c("三（二）", "第一书记任职期满,组织全面考核,考核结果作为评选先进、提拔使用、晋升职级的重要依据"),
      ),
      probation: unspecified(text("通知未设见习期", "The notice sets no probation")),
    },

    channels: unspecified(
      text(
        "通知只规定由区委从机关和企事业单位选派，未规定报名或推荐渠道",
        "The notice says the district committee dispatches cadres from agencies and enterprises, not how they enter",
      ),
    ),

    // The notice sets out no selection procedure or dates.
    stages: [],

    reports: [],

    leave: unspecified(
      text(
        "通知要求严格驻村（社区）考勤和请销假管理，但未规定审批层级和天数（三（一））",
        "The notice requires strict attendance and leave management but sets no approval tiers or days (三（一）)",
      ),
    ),

    relations: cited(
      { party: "moves", administrative: "stays", pay: "stays" },
      c("三（一）", "原人事关系、工资和福利待遇不变,党组织关系转到村(社区)"),
    ),
    mentorCapacity: unspecified(
      text(
        "通知要求建立结对帮带制度（三（一）），未规定人数",
        "The notice calls for pairing (三（一）) but sets no number of mentees",
      ),
    ),
    training: unspecified(
      text(
        "通知要求建立岗前培训制度（三（一）），未规定每年培训次数",
        "The notice calls for pre-post training (三（一）) but sets no yearly number",
      ),
    ),

    assessment: {
      grades: unspecified(
        text(
          "通知提到“优秀”“称职”等次（三（二）、三（三）），未列出完整等次",
          "The notice names 优秀 and 称职 (三（二）, 三（三）) but not the full scale",
        ),
      ),
      cycles: [
        {
          id: "routine",
          label: text("乡镇（街道）日常考核", "Routine assessment by the township or street"),
          cadence: { _tag: "OnEvent", event: text("日常", "Ongoing") },
          decidedBy: "street",
          citation: c("三（二）", "在乡镇(街道)日常考核基础上统筹组织年度考核"),
        },
        {
          id: "annual",
          label: text("年度考核（在日常考核基础上统筹组织）", "Annual assessment, built on the routine one"),
          cadence: { _tag: "YearEnd" },
          citation: c("三（二）", "在乡镇(街道)日常考核基础上统筹组织年度考核"),
        },
        {
          id: "term_end",
          label: text("任职期满全面考核", "Full assessment at the end of the term"),
          cadence: { _tag: "TermEnd" },
          citation: c("三（二）", "第一书记任职期满,组织全面考核"),
        },
      ],
      quotas: cited(
        [
          {
            id: "excellent_cap",
            grade: "excellent",
            bound: "cap",
            share: { numerator: 20, denominator: 100 },
            rounding: "floor",
            countedAmong: text(
              "全区第一书记总数（名额单列，不占派出单位名额）",
              "All first secretaries of the district (a separate quota, not the dispatching units')",
            ),
            citation: c("三（二）", "“优秀”等次名额实行单列、以不超过第一书记总数20%的比例确定"),
          },
        ],
        c("三（二）"),
      ),
      survey: cited(
        {
          respondents: unspecified(
            text("通知未规定由谁参加满意度测评", "The notice does not say who answers the survey"),
          ),
          // Only the dissatisfaction rate is used (三（二）), which "基本满意" does not enter.
          basicallySatisfied: unspecified(
            text("通知只用不满意率，未规定“基本满意”如何计入满意率", "Only the dissatisfaction rate is used"),
          ),
        },
        c("三（二）", "年度考核不满意率高于30%"),
      ),
      incentives: cited(
        [
          {
            id: "excellent_top_bonus",
            label: text(
              "年度考核优秀：目标奖执行所在单位同职级人员的最高档次",
              "Graded excellent: the top bonus tier of the unit's peers",
            ),
            when: [{ _tag: "GradeIs", grades: ["excellent"], cycleId: "annual" }],
            effect: "top_bonus_tier",
            citation: c("三（三）", "目标奖执行所在单位同职级人员的最高档次"),
          },
          {
            // "区级以下机关公务员": civil servants only; 参公 staff are not named.
            id: "excellent_seniority_shortened",
            label: text(
              "年度考核优秀的区级以下机关公务员，晋升职级年限条件缩短半年",
              "Graded excellent, a civil servant of a district-level or lower agency: seniority for grade promotion shortened by half a year",
            ),
            when: [{ _tag: "GradeIs", grades: ["excellent"], cycleId: "annual" }],
            effect: "seniority_shortened",
            employment: ["civil_servant"],
            duration: { amount: 6, unit: "month" },
            citation: c("三（三）", "是区级以下机关公务员的,晋升职级年限条件按规定缩短半年"),
          },
          {
            id: "institution_excellent",
            label: text(
              "事业单位第一书记考核为优秀的，优先提档晋级",
              "Public-institution staff graded excellent advance first",
            ),
            when: [{ _tag: "GradeIs", grades: ["excellent"] }],
            effect: "priority_grade_advance",
            employment: ["public_institution_established"],
            citation: c("三（三）", "事业单位第一书记考核为“优秀”等次的,优先提档晋级"),
          },
          {
            id: "open_selection",
            label: text(
              "考核为“称职”等次以上的，可参加科级领导干部公开遴选",
              "Graded competent or better: may enter open selection for section-level posts",
            ),
            when: [{ _tag: "GradeIs", grades: ["excellent", "competent"] }],
            effect: "open_selection",
            citation: c("三（三）", "可面向考核为“称职”等次以上的第一书记,公开遴选一批科级领导干部"),
          },
          {
            id: "term_end_priority_promotion",
            label: text(
              "下派期满表现突出的，选拔领导干部时优先考虑",
              "Outstanding at the end of the term: preferred when leading cadres are selected",
            ),
            when: [
              { _tag: "Judged", description: text("下派期满表现突出", "Outstanding at the end of the term") },
            ],
            effect: "priority_promotion",
            citation: c("三（三）", "在选拔领导干部时,优先考虑下派期满表现突出的第一书记"),
          },
        ],
        c("三（三）"),
      ),
    },

    recall: {
      triggers: [
        {
          id: "incompetent",
          label: text("不胜任工作", "Unable to do the job"),
          condition: {
            _tag: "Circumstance",
            description: text("发现不胜任工作", "Found unable to do the job"),
          },
          action: "recall",
          citation: c("三（二）", "发现不胜任工作"),
        },
        {
          id: "dissatisfaction",
          label: text("年度考核不满意率高于30%", "Annual dissatisfaction rate above 30%"),
          condition: {
            _tag: "SurveyRate",
            measure: "dissatisfaction",
            comparator: "gt",
            share: { numerator: 30, denominator: 100 },
          },
          action: "recall",
          citation: c("三（二）", "年度考核不满意率高于30%"),
        },
        {
          id: "discipline_breach",
          label: text("违反纪律规定造成不良影响", "Breach of discipline with ill effects"),
          condition: { _tag: "DisciplineBreach" },
          action: "recall",
          citation: c("三（二）", "违反纪律规定造成不良影响的,要实行“召回”,并由派出单位重新选派人员"),
        },
      ],
      consequences: cited(
        [
          {
            id: "no_awards",
            label: text("被召回人员当年不得评先评优", "No awards or honours in the year of recall"),
            appliesTo: "cadre",
            effect: "no_awards",
            period: "that_year",
            citation: c("三（二）", "被“召回”人员当年不得评先评优"),
          },
          {
            id: "lose_reserve_status",
            label: text(
              "是递进培养对象和后备干部的取消资格",
              "Loses progressive-training and reserve-cadre status",
            ),
            appliesTo: "cadre",
            effect: "lose_reserve_status",
            citation: c("三（二）", "是递进培养对象和后备干部的取消资格"),
          },
          {
            id: "no_promotion",
            label: text("两年内不得提拔", "No promotion for two years"),
            appliesTo: "cadre",
            effect: "no_promotion",
            duration: { amount: 2, unit: "year" },
            citation: c("三（二）", "两年内不得提拔"),
          },
          {
            // "一年内" is a rolling window (issue 13: the seed says 一年内, not 年度 — contrast "当年年度考核", the
            // calendar year of the consequence itself): a recall on 28 Dec and one the next June count together.
            // "连续两次" is read as the second recall within one year of the first (`after`); the seed names no
            // amount of deduction.
            id: "unit_performance_deduction",
            label: text(
              "一年内连续两次召回第一书记的，扣减派出单位目标绩效综合考评分值",
              "A unit whose first secretaries are recalled twice within one year loses target-performance score",
            ),
            appliesTo: "dispatching_unit",
            effect: "performance_deduction",
            after: { recalls: 2, within: { amount: 1, unit: "year" }, window: "rolling" },
            citation: c("三（二）", "一年内连续两次召回第一书记的,扣减派出单位目标绩效综合考评分值"),
          },
          {
            id: "unit_head_not_excellent",
            label: text(
              "一年内连续两次召回第一书记的，单位主要负责人当年年度考核不得评为“优秀”",
              "After two recalls within one year, the unit head cannot be graded excellent that year",
            ),
            appliesTo: "dispatching_unit",
            effect: "head_not_excellent",
            grade: "excellent",
            period: "that_year",
            after: { recalls: 2, within: { amount: 1, unit: "year" }, window: "rolling" },
            citation: c("三（二）", "单位主要负责人当年年度考核不得评为“优秀”等次"),
          },
        ],
        c("三（二）"),
      ),
    },

    pool: unspecified(
      text("非后备干部方案，通知未规定队伍结构", "Not a reserve-pool scheme; no pool composition is set"),
    ),

    provisions: [
      {
        id: "source_units",
        topic: "other",
        text: text(
          "从机关和企事业单位选派优秀党员干部，全覆盖常态化",
          "Cadres come from agencies, enterprises and public institutions; every village and community is covered",
        ),
        citation: c("导语", "从机关和企事业单位选派优秀党员干部到村(社区)任党组织第一书记"),
      },
      {
        id: "duties",
        topic: "other",
        text: text(
          "在乡镇（街道）党（工）委领导下开展工作：强化政治引领、推动基层发展、切实为民服务、提升治理水平",
          "Works under the township or street committee: political leadership, local development, service to residents, governance",
        ),
        citation: c("二", "第一书记在乡镇(街道)党(工)委领导下"),
      },
      {
        id: "not_in_committee",
        topic: "other",
        text: text(
          "不占村（社区）“两委”班子职数，不参加换届选举",
          "Does not take a seat on the village or community committees and does not stand in their elections",
        ),
        citation: c("三（一）", "不占村(社区)“两委”班子职数,不参加村(社区)换届选举"),
      },
      {
        id: "full_time",
        topic: "full_time",
        text: text(
          "坚持驻村（社区）工作，不承担派出单位工作",
          "Lives and works in the village or community; no duties at the dispatching unit",
        ),
        citation: c("三（一）", "坚持驻村(社区)工作,不承担派出单位工作"),
      },
      {
        id: "relations",
        topic: "relations",
        text: text(
          "原人事关系、工资和福利待遇不变，党组织关系转到村（社区）",
          "Personnel relation, pay and benefits stay with the unit; the Party relation moves to the village or community",
        ),
        citation: c("三（一）", "原人事关系、工资和福利待遇不变,党组织关系转到村(社区)"),
      },
      {
        id: "management",
        topic: "other",
        text: text(
          "乡镇（街道）党（工）委担负直接管理责任，派出单位配合；建立岗前培训、任期承诺、民情日记、督查指导、结对帮带等制度",
          "The township or street manages directly, the unit helps; pre-post training, term pledges, people's diary, supervision and pairing",
        ),
        citation: c("三（一）", "建立完善岗前培训、任期承诺、民情日记、督查指导、结对帮带等制度"),
      },
      {
        id: "replacement",
        topic: "other",
        text: text("召回后由派出单位重新选派人员", "After a recall the dispatching unit sends a replacement"),
        citation: c("三（二）", "并由派出单位重新选派人员"),
      },
      {
        id: "incentive_promotion",
        topic: "incentive",
        text: text(
          "选拔领导干部时优先考虑期满表现突出的第一书记；特别优秀或作出突出贡献的可先提拔，期满考核合格后再到岗",
          "Outstanding first secretaries are preferred for leading posts; exceptional ones may be promoted first and take up the post after the term",
        ),
        citation: c("三（三）", "优先考虑下派期满表现突出的第一书记"),
      },
      {
        id: "incentive_selection",
        topic: "incentive",
        text: text(
          "可面向考核为“称职”等次以上的第一书记公开遴选科级领导干部",
          "Section-level leading posts may be filled by open selection among first secretaries graded competent or better",
        ),
        citation: c("三（三）", "可面向考核为“称职”等次以上的第一书记,公开遴选一批科级领导干部"),
      },
      {
        id: "incentive_excellent",
        topic: "incentive",
        text: text(
          "年度考核优秀的：目标奖执行同职级最高档；区级以下机关公务员晋升职级年限缩短半年；事业单位人员优先提档晋级",
          "Graded excellent: top bonus tier; civil servants' seniority for grade promotion shortened by half a year; public-institution staff advance first",
        ),
        citation: c("三（三）", "晋升职级年限条件按规定缩短半年"),
      },
      {
        id: "incentive_honours",
        topic: "incentive",
        text: text(
          "在优秀共产党员等评先评优中单列第一书记名额",
          "A separate quota for first secretaries in Party honours",
        ),
        citation: c("三（三）", "单列第一书记名额进行推荐"),
      },
      {
        id: "pay",
        topic: "pay",
        text: text(
          "下派期间不在村（社区）领取报酬，享受乡镇工作补贴；差旅费、加班费、工作日伙食补助由乡镇（街道）报销",
          "No pay from the village or community; township allowance; travel, overtime and meal costs reimbursed by the township or street",
        ),
        citation: c("三（三）", "不在村(社区)领取报酬,根据规定享受乡镇工作补贴"),
      },
      {
        id: "support_funds",
        topic: "support",
        text: text(
          "工作经费按每年5000元落实，由市、区财政分级统筹列支",
          "Work funds of 5,000 CNY a year, shared by city and district budgets",
        ),
        citation: c("三（三）", "工作经费按每年5000元落实"),
      },
      {
        id: "support_health_insurance",
        topic: "support",
        text: text(
          "派出单位每年安排一次健康体检；区委组织部统一办理人身意外伤害保险；乡镇（街道）落实工作和生活条件",
          "A yearly health check by the unit; accident insurance by the district org dept; working and living conditions from the township",
        ),
        citation: c(
          "三（三）",
          "派出单位每年要安排一次健康体检,区委组织部统一办理驻村(社区)期间人身意外伤害保险",
        ),
      },
      {
        id: "leadership",
        topic: "other",
        text: text(
          "区委成立第一书记选派工作领导小组，办公室设在区委组织部",
          "A district leading group for first secretaries, with its office in the org dept",
        ),
        citation: c("四", "区委成立由区委书记任组长"),
      },
    ],
  },
}
