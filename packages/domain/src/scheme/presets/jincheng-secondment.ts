import { cited, unspecified } from "../../shared/Cited.js"
import { type Text, text } from "../../shared/Text.js"
import { citeIn, type Preset } from "../Preset.js"
import type { SchemeEncoded, SecondmentDirection } from "../Scheme.js"
import { SEED_004_DATE, SEED_004_SOURCE } from "./seed-004.js"

/**
 * Seed 004, Jincheng (晋城市, Shanxi): 《关于进一步加强干部挂职锻炼工作的意见》 as summarised in the seed. One set
 * of rules covers four directions of secondment (上挂/下挂/平挂/外挂); each direction is its own scheme (the
 * programme kind carries the direction), built here from the shared parts so the four cannot drift apart.
 * Region key: Jincheng's administrative division code (GB/T 2260).
 */
const c = citeIn("004")

type Provision = SchemeEncoded["provisions"][number]

interface DirectionSpec {
  readonly zh: string
  readonly en: string
  /** The "一是上挂…" item: who goes where, and why. */
  readonly clause: string
  readonly quote: string
  readonly route: Text
  readonly purpose: Text
  readonly extra: ReadonlyArray<Provision>
}

const DIRECTIONS: Readonly<Record<SecondmentDirection, DirectionSpec>> = {
  up: {
    zh: "上挂",
    en: "upward",
    clause: "晋城 挂职方式 一是",
    quote:
      "一是上挂,选派市、县直单位干部对口到中央、省直单位挂职锻炼,选派县直单位、乡镇(街道)干部到市直单位挂职锻炼",
    route: text(
      "市、县直单位干部对口到中央、省直单位；县直单位、乡镇（街道）干部到市直单位",
      "City and county departments' cadres to central and provincial departments; county and township cadres to city departments",
    ),
    purpose: text(
      "着重提升宏观政策把握能力和科学决策能力",
      "To improve grasp of policy and sound decision-making",
    ),
    extra: [],
  },
  down: {
    zh: "下挂",
    en: "downward",
    clause: "晋城 挂职方式 二是",
    quote: "二是下挂,选派市、县直单位干部到乡镇(街道)、村(社区)等基层单位挂职锻炼",
    route: text(
      "市、县直单位干部到乡镇（街道）、村（社区）等基层单位",
      "City and county departments' cadres to townships, streets, villages and communities",
    ),
    purpose: text(
      "着重丰富基层工作经历，提升做好群众工作的能力",
      "To gain grassroots experience and skill in working with the public",
    ),
    extra: [
      {
        id: "township_recommendation",
        topic: "incentive",
        text: text(
          "到乡镇（街道）挂职锻炼一年以上的，可作为被推荐对象直接参加乡镇（街道）党政领导班子领导职务的推荐选拔",
          "A cadre seconded to a township or street for a year or more may be put forward directly for its leadership",
        ),
        citation: c(
          "晋城 成果运用 三是",
          "对那些到乡镇(街道)挂职锻炼一年以上的,可作为被推荐对象直接参加乡镇(街道)党政领导班子领导职务的推荐选拔",
        ),
      },
    ],
  },
  lateral: {
    zh: "平挂",
    en: "lateral",
    clause: "晋城 挂职方式 三是",
    quote: "三是平挂,选派市、县直单位干部到同级信访部门、重点工程建设项目挂职锻炼",
    route: text(
      "市、县直单位干部到同级信访部门、重点工程建设项目",
      "City and county departments' cadres to petition offices and key projects at the same level",
    ),
    purpose: text(
      "着重提升应对紧急事态、处理复杂局面以及领导科学发展的能力",
      "To handle emergencies and complex situations and to lead development",
    ),
    extra: [],
  },
  external: {
    zh: "外挂",
    en: "external",
    clause: "晋城 挂职方式 四是",
    quote: "四是外挂,选派市直综合部门、县乡党政领导干部到沿海经济发达地区和周边先进地市挂职锻炼",
    route: text(
      "市直综合部门、县乡党政领导干部到沿海经济发达地区和周边先进地市；逐步探索到国外政府部门挂职学习",
      "Leading cadres of city departments, counties and townships to developed coastal regions and advanced neighbouring cities; later, foreign government bodies",
    ),
    purpose: text(
      "着重拓展思维眼界，借鉴国内外先进经验，参与跨区域合作与交流",
      "To broaden horizons, learn from experience at home and abroad, and take part in cross-regional cooperation",
    ),
    extra: [],
  },
}

const sharedProvisions: ReadonlyArray<Provision> = [
  {
    id: "annual_programme",
    topic: "other",
    text: text(
      "每年选派后备干部和优秀年轻干部挂职锻炼，按“缺什么补什么”确定方向",
      "Reserve and promising young cadres are seconded every year, each where they most need experience",
    ),
    citation: c("晋城 导语", "拟每年选派后备干部和优秀年轻干部进行挂职锻炼"),
  },
  {
    id: "target_group",
    topic: "other",
    text: text(
      "选派对象主要是经历来源单一的领导干部、市县两级选拔的副处级和副科级后备干部以及有培养前途和发展潜力的优秀年轻干部",
      "Mainly leading cadres with a narrow career, deputy-division and deputy-section reserves of city and county, and promising young cadres",
    ),
    citation: c(
      "晋城 选派对象",
      "选派的对象主要是经历来源单一的领导干部、市县两级选拔的副处级和副科级后备干部以及有培养前途和发展潜力的优秀年轻干部",
    ),
  },
  {
    id: "absence",
    topic: "other",
    text: text("擅自离岗的，作出严肃处理", "Unauthorised absence is dealt with severely"),
    citation: c("晋城 管理考核 一是", "对于擅自离岗的,作出严肃处理"),
  },
  {
    id: "integrity",
    topic: "other",
    text: text(
      "遵守廉洁自律规定和挂职单位规章制度，不向挂职单位提工作之外的个人生活特殊要求",
      "Keeps the integrity rules and the host's regulations; asks the host for nothing personal beyond the work",
    ),
    citation: c("晋城 管理考核 二是", "要求挂职干部严格遵守廉洁自律有关规定和挂职单位的各项规章制度"),
  },
  {
    id: "inspection",
    topic: "inspection",
    text: text(
      "组织部门定期、不定期走访、查询，检查在岗情况，查岗情况作为考核的重要依据",
      "The org dept visits and checks attendance, announced and unannounced; the results weigh in assessment",
    ),
    citation: c("晋城 管理考核 四是", "并将查岗情况作为考核的重要依据"),
  },
  {
    id: "archive",
    topic: "archive",
    text: text(
      "实绩档案：挂职锻炼登记表、季度工作报告、期满工作总结、年度考核登记表、期满考核鉴定表及考核、鉴定材料",
      "Record file: registration form, quarterly reports, end-of-term summary, annual assessment forms, end-of-term appraisal and materials",
    ),
    citation: c("晋城 管理考核 六是", "六是建立挂职干部实绩档案"),
  },
  {
    id: "mentoring",
    topic: "mentoring",
    text: text(
      "挂职单位合理安排分工、明确目标任务，落实帮带责任制",
      "The host assigns duties and targets and names who mentors the cadre",
    ),
    citation: c("晋城 成果运用 一是", "落实帮带责任制"),
  },
  {
    id: "promotion",
    topic: "incentive",
    text: text(
      "有挂职锻炼经历的干部同等条件下优先提拔使用；表现特别优秀的予以表彰奖励并重点提拔使用",
      "Seconded cadres are preferred for promotion other things equal; exceptional ones are commended and promoted",
    ),
    citation: c("晋城 成果运用 三是", "有挂职锻炼经历的干部,在同等条件下优先提拔使用"),
  },
]

/** The Jincheng scheme for one direction of secondment. */
export const jinchengSecondment = (direction: SecondmentDirection): Preset => {
  const d = DIRECTIONS[direction]
  const id = `jincheng-secondment-${direction}`
  return {
    key: id,
    seed: "004",
    title: text(`晋城市干部${d.zh}挂职锻炼`, `Jincheng: ${d.en} secondment of cadres`),
    encoded: {
      formatVersion: 1,
      id,
      regionId: "140500",
      kind: { _tag: "Secondment", direction },
      name: text(`晋城市选派干部${d.zh}挂职锻炼`, `Jincheng City: ${d.en} secondment (挂职锻炼) of cadres`),
      version: 1,
      effectiveFrom: SEED_004_DATE,
      sources: [SEED_004_SOURCE],

      eligibility: {
        rules: [
          {
            _tag: "EducationAtLeast",
            id: "education",
            citation: c("晋城 条件要求", "条件要求是具有大学专科以上学历"),
            label: text("大学专科以上学历", "Junior college or higher"),
            waivable: false,
            level: "junior_college",
            fullTimeOnly: false,
          },
          {
            // "一般" opens the sentence and governs the three caps: waivable with a recorded reason. A profile
            // without a rank is left for review (no `unranked` band): "一般干部" is not "no rank recorded".
            _tag: "AgeCapByRank",
            id: "age",
            citation: c(
              "晋城 条件要求",
              "县处级干部年龄一般不超过45周岁,乡科级干部不超过40周岁,一般干部不超过35周岁",
            ),
            label: text(
              "县处级一般不超过45周岁，乡科级不超过40周岁，一般干部不超过35周岁",
              "Generally: county/division level at most 45, township/section level at most 40, other cadres at most 35",
            ),
            waivable: true,
            bands: [
              {
                levels: ["deputy_division", "division"],
                maxAge: 45,
                label: text("县处级干部", "county/division-level cadres"),
              },
              {
                levels: ["deputy_section", "section"],
                maxAge: 40,
                label: text("乡科级干部", "township/section-level cadres"),
              },
              { levels: ["staff", "clerk"], maxAge: 35, label: text("一般干部", "other cadres") },
            ],
          },
        ],
        exclusions: [],
        preferences: [
          {
            // The notes describe the departments, not a list of them, so the candidate is tagged by a reviewer
            // rather than matched on unit names.
            _tag: "HasTag",
            id: "priority_department",
            citation: c(
              "晋城 两个优先",
              "一是部门优先,优先从那些与经济工作、民生问题密切相关,工程项目多、信访量相对集中的部门中确定",
            ),
            label: text(
              "部门优先：与经济工作、民生问题密切相关，工程项目多、信访量相对集中的部门",
              "Department priority: departments tied to the economy and livelihoods, with many projects or petitions",
            ),
            // "两个优先" are listed side by side with no order between them: equal weights.
            weight: 1,
            tag: "priority_department",
          },
          {
            _tag: "HasTag",
            id: "strong_potential",
            citation: c(
              "晋城 两个优先",
              "二是人员优先,优先选派思想政治素质好,事业心强,有一定组织协调能力,有发展潜力的优秀年轻后备干部",
            ),
            label: text(
              "人员优先：思想政治素质好、事业心强、有组织协调能力、有发展潜力的优秀年轻后备干部",
              "Person priority: young reserves of sound politics, dedication, organising ability and potential",
            ),
            weight: 1,
            tag: "strong_potential",
          },
        ],
        referenceDate: unspecified(
          text("意见未规定年龄的计算基准日", "The notes set no date on which age is measured"),
        ),
      },

      term: {
        length: unspecified(text("意见未规定挂职期限", "The notes set no length of secondment")),
        afterTerm: cited(
          text(
            "挂职期满，组织部门结合考核情况、一贯表现、专长优势，征求派出单位和挂职单位意见，明确下一步培养方向，提出使用建议",
            "At the end, the org dept consults both units and records a next training direction and a recommendation for use",
          ),
          c("晋城 成果运用 二是", "明确挂职干部的下一步培养方向,提出使用建议"),
        ),
        probation: unspecified(text("意见未设见习期", "The notes set no probation")),
      },

      channels: unspecified(
        text(
          "意见只要求层层筛选、好中选优，由组织部门审定人选，未规定报名或推荐渠道",
          "The notes ask for careful screening with the org dept approving, but name no channel of entry",
        ),
      ),

      stages: [
        {
          id: "approve",
          label: text(
            "组织部门审定挂职干部人选（坚持“两个优先”）",
            "The org dept approves the candidates (two priorities)",
          ),
          actor: "org_dept",
          deadline: unspecified(text("意见未规定时限", "The notes set no date")),
          citation: c("晋城 两个优先", "组织部门在审定挂职干部人选时,坚持做到“两个优先”"),
        },
      ],

      reports: [
        {
          id: "half_year",
          from: "applicant",
          to: "org_dept",
          subject: text(
            "思想、学习、工作及生活情况（书面）",
            "Written report on thought, study, work and life",
          ),
          cadence: cited(
            { _tag: "Every", interval: { amount: 6, unit: "month" } },
            c("晋城 管理考核 三是", "挂职干部每半年书面汇报思想、学习、工作及生活情况"),
            {
              note: text(
                "意见未写明报送对象，暂定组织部门",
                "The notes do not name the recipient; the org dept is assumed",
              ),
            },
          ),
          citation: c("晋城 管理考核 三是"),
        },
        {
          id: "quarterly",
          from: "applicant",
          to: "org_dept",
          subject: text("季度工作报告", "Quarterly work report"),
          cadence: cited(
            { _tag: "Every", interval: { amount: 3, unit: "month" } },
            c("晋城 管理考核 六是", "挂职干部季度工作报告"),
            {
              note: text(
                "意见在实绩档案中列有季度工作报告，未写明报送对象，暂定组织部门",
                "Listed among the record file's contents; the recipient is not named, the org dept is assumed",
              ),
            },
          ),
          citation: c("晋城 管理考核 六是"),
        },
        {
          id: "yearly_summary",
          from: "applicant",
          to: "org_dept",
          subject: text("年度书面总结", "Yearly written summary"),
          cadence: cited({ _tag: "YearEnd" }, c("晋城 管理考核 三是", "每年进行一次书面总结"), {
            note: text(
              "意见未写明报送对象，暂定组织部门",
              "The notes do not name the recipient; the org dept is assumed",
            ),
          }),
          citation: c("晋城 管理考核 三是"),
        },
        {
          id: "term_end_report",
          from: "applicant",
          to: "org_dept",
          subject: text("有价值的工作报告或调研报告", "A worthwhile work or research report"),
          cadence: cited(
            { _tag: "TermEnd" },
            c("晋城 管理考核 三是", "挂职期满,撰写一篇有价值的工作报告或调研报告"),
            {
              note: text(
                "意见未写明报送对象，暂定组织部门",
                "The notes do not name the recipient; the org dept is assumed",
              ),
            },
          ),
          citation: c("晋城 管理考核 三是"),
        },
      ],

      leave: cited(
        [{ upToDays: 3, approver: "host_unit" }, { approver: "org_dept" }],
        c(
          "晋城 管理考核 一是",
          "挂职干部请假在3天以下的由挂职单位批准,请假在3天以上的按干部管理权限报组织部门批准",
        ),
        {
          note: text(
            "“3天以下”与“3天以上”都含3天：恰为3天的按前一句由挂职单位批准；更长的按干部管理权限报组织部门批准",
            "Both “3天以下” and “3天以上” include 3 days: exactly 3 goes to the host by the first clause; longer leave to the org dept as management authority requires",
          ),
        },
      ),

      // Issue 13: one stated rule for leave days — "3天" is calendar days (天, not 工作日), for the leave's length and a
      // late return alike (a return is due on the first working day after the leave).
      leaveDays: cited(
        "calendar",
        c(
          "晋城 管理考核 一是",
          "挂职干部请假在3天以下的由挂职单位批准,请假在3天以上的按干部管理权限报组织部门批准",
        ),
        {
          note: text(
            "条文以“天”计，不是“工作日”：按自然日计算；销假以请假结束后的第一个工作日为应到岗日",
            "The clause counts 天, not 工作日: calendar days; a return is due on the first working day after the leave",
          ),
        },
      ),

      assessment: {
        grades: unspecified(
          text("意见只提到“优秀”等次，未列出完整等次", "The notes name only 优秀, not the full scale"),
        ),
        cycles: [
          {
            id: "routine",
            label: text("日常考核", "Routine assessment"),
            cadence: { _tag: "OnEvent", event: text("日常", "Ongoing") },
            citation: c("晋城 管理考核 五是", "挂职干部考核实行日常考核、年度考核和期满考核相结合"),
          },
          {
            id: "annual",
            label: text("年度考核（等次单列）", "Annual assessment (graded separately)"),
            cadence: { _tag: "YearEnd" },
            citation: c("晋城 管理考核 五是", "考核等次评定实行单列,不占派出单位和挂职单位名额"),
          },
          {
            id: "term_end",
            label: text("期满考核", "End-of-term assessment"),
            cadence: { _tag: "TermEnd" },
            citation: c("晋城 管理考核 五是", "挂职干部考核实行日常考核、年度考核和期满考核相结合"),
          },
        ],
        quotas: cited(
          [
            {
              id: "excellent_cap",
              grade: "excellent",
              bound: "cap",
              share: { numerator: 30, denominator: 100 },
              rounding: "floor",
              countedAmong: text(
                "同类挂职干部（单列，不占派出单位和挂职单位名额）",
                "Seconded cadres of the same kind (a separate quota, not the dispatching or host unit's)",
              ),
              citation: c("晋城 管理考核 五是", "“优秀”等次按同类人员30%的比例确定"),
            },
          ],
          c("晋城 管理考核 五是"),
          {
            note: text(
              "“按30%的比例确定”读作上限：优秀人数不超过同类人员的30%，向下取整",
              "“按30%的比例确定” is read as a cap: at most 30% of the same kind, rounded down",
            ),
          },
        ),
      },

      recall: {
        triggers: [],
        consequences: unspecified(text("意见未规定召回及其后果", "The notes set no recall or consequences")),
      },

      pool: unspecified(text("非后备干部方案", "Not a reserve-pool scheme")),

      provisions: [
        {
          id: "direction",
          topic: "other",
          text: text(`${d.zh}：${d.route.zh}；${d.purpose.zh}`, `${d.en}: ${d.route.en}. ${d.purpose.en}`),
          citation: c(d.clause, d.quote),
        },
        ...sharedProvisions,
        ...d.extra,
      ],
    },
  }
}
