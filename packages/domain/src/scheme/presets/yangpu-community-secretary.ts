import { cited, unspecified } from "../../shared/Cited.js"
import { text } from "../../shared/Text.js"
import { citeIn, type Preset } from "../Preset.js"

/**
 * Seed 000: 杨浦区委组织部《关于选派机关、事业单位干部到居民区担任党组织书记的通知》(杨委组〔2020〕  号,
 * 2020-12-09). Clause references follow the notice's numbering: "一（一）5" is part 一, section （一）, item 5;
 * "一（一）末段" is the paragraph after item 5; "附件说明2" the second note on the attachment.
 */
const c = citeIn("000")

export const yangpuCommunitySecretary: Preset = {
  key: "yangpu-community-secretary",
  seed: "000",
  title: text(
    "杨浦区选派干部担任居民区党组织书记（2020）",
    "Yangpu: cadres dispatched as residential-area secretaries (2020)",
  ),
  encoded: {
    formatVersion: 1,
    id: "yangpu-community-secretary",
    regionId: "310110",
    kind: { _tag: "CommunitySecretaryDispatch" },
    name: text(
      "杨浦区选派机关、事业单位干部到居民区担任党组织书记",
      "Yangpu District: agency and public-institution cadres dispatched as residential-area Party secretaries",
    ),
    version: 1,
    effectiveFrom: "2020-12-09",
    sources: [
      {
        id: "000",
        title: text(
          "关于选派机关、事业单位干部到居民区担任党组织书记的通知",
          "Notice on dispatching agency and public-institution cadres to serve as residential-area Party secretaries",
        ),
        issuer: "中共上海市杨浦区委组织部",
        number: "杨委组〔2020〕  号",
        issuedOn: "2020-12-09",
      },
    ],

    eligibility: {
      rules: [
        {
          _tag: "PartyStanding",
          id: "party_standing",
          citation: c("一（一）1", "中共正式党员，党龄满三年"),
          label: text("中共正式党员，党龄满三年", "Full CPC member for at least three years"),
          waivable: false,
          minYears: 3,
        },
        {
          _tag: "EmploymentIn",
          id: "employment",
          citation: c(
            "一（一）2",
            "区各部、委、办、局、各街道、各人民团体机关中科级及以下公务员、参公、事业单位的在编人员",
          ),
          label: text(
            "公务员、参公或事业单位在编人员",
            "Civil servant, civil-servant-managed, or public institution on establishment",
          ),
          waivable: false,
          categories: ["civil_servant", "civil_servant_managed", "public_institution_established"],
        },
        {
          _tag: "RankIn",
          id: "rank",
          citation: c("一（一）2", "科级及以下"),
          label: text("科级及以下", "Section level or below"),
          waivable: false,
          levels: ["staff", "clerk", "deputy_section", "section"],
          // The clause also admits public-institution staff, who often hold no civil-service rank: a missing
          // rank is checked by a reviewer rather than refused.
          unranked: "needs_review",
        },
        {
          _tag: "Attested",
          id: "party_spirit",
          citation: c("一（一）3", "党性强，作风正，讲奉献"),
          label: text("党性强，作风正，讲奉献", "Strong Party spirit, upright conduct, dedication"),
          waivable: false,
          item: "party_spirit_conduct_dedication",
        },
        {
          _tag: "Attested",
          id: "mass_work",
          citation: c("一（一）3", "具有较强的群众工作能力"),
          label: text("具有较强的群众工作能力", "Strong ability to work with residents"),
          waivable: false,
          item: "mass_work_ability",
        },
        {
          _tag: "Attested",
          id: "temperament",
          citation: c("一（一）4", "性格开朗，热心社区工作，善于与人交流"),
          label: text(
            "性格开朗，热心社区工作，善于与人交流",
            "Outgoing, keen on community work, communicates well",
          ),
          waivable: false,
          item: "community_temperament",
        },
        {
          _tag: "Attested",
          id: "organising",
          citation: c("一（一）4", "具有较强的组织协调能力"),
          label: text("具有较强的组织协调能力", "Strong organising and coordinating ability"),
          waivable: false,
          item: "organising_ability",
        },
        {
          _tag: "EducationAtLeast",
          id: "education",
          citation: c("一（一）5", "具有大学专科及以上学历"),
          label: text("大学专科及以上学历", "Junior college or higher"),
          waivable: false,
          level: "junior_college",
          fullTimeOnly: false,
        },
        {
          _tag: "AgeRange",
          id: "age",
          citation: c("一（一）5", "年龄一般为25—38周岁，特别优秀的，可适当放宽限制"),
          label: text("年龄一般为25—38周岁", "Generally aged 25 to 38"),
          // "一般" and "特别优秀的，可适当放宽限制": waivable for an individual with a recorded reason.
          waivable: true,
          min: 25,
          max: 38,
        },
      ],
      // 000 lists no exclusions (不宜/不得 情形).
      exclusions: [],
      preferences: [
        {
          _tag: "HasWorkTag",
          id: "epidemic_assistant",
          citation: c(
            "一（一）末段",
            "鼓励在新冠肺炎疫情防控中选派到居民区担任书记、主任助理的符合条件的年轻干部主动报名",
          ),
          label: text(
            "疫情防控中曾任居民区书记、主任助理",
            "Served as residential-area secretary or director assistant in epidemic prevention",
          ),
          // The notice gives no weight; 1 is the unit weight of the scheme's only preference.
          weight: 1,
          tag: "epidemic_assistant",
        },
      ],
      referenceDate: unspecified(
        text(
          "通知未规定年龄、党龄的计算基准日；由本次选派工作确定（通常为12月18日推荐报送截止日）",
          "The notice does not say on which date age and Party standing are measured; the campaign sets it (usually the 18 December recommendation deadline)",
        ),
      ),
    },

    term: {
      length: cited({ amount: 5, unit: "year" }, c("一", "选派干部在居民区任职时间原则上为一届任期（5年）"), {
        qualifier: "in_principle",
      }),
      afterTerm: cited(
        text(
          "期满后，本人有留任意向的，鼓励继续在居民区任职",
          "After the term, a cadre who wishes to stay is encouraged to continue in the residential area",
        ),
        c("一", "期满后，本人有留任意向的，鼓励继续在居民区任职"),
      ),
      probation: cited(
        {
          asRole: text("居民区党组织副书记", "deputy secretary of the residential-area Party organisation"),
          length: unspecified(
            text(
              "通知未规定见习期长短（可适当延长）",
              "The notice sets no probation length (it may be extended)",
            ),
          ),
          confirmation: text(
            "条件成熟的，经街道综合考评能胜任的，通过换届选举正式担任居民区党组织书记",
            "When ready and found competent in the street's assessment, confirmed as secretary through election",
          ),
          otherwise: ["extend_probation", "return_to_unit"],
        },
        c("三（一）", "先在居民区党组织担任副书记见习"),
      ),
    },

    channels: cited(
      ["unit_recommendation"],
      c("二（一）", "经党委（党工委、党组）会议讨论通过后，向区委组织部推荐报送人员名单"),
      {
        note: text(
          "本人填写报名表向所在单位报名，由单位党组织会议讨论通过后推荐",
          "Cadres register with their own unit (registration form); the unit's Party committee approves and recommends",
        ),
      },
    ),

    stages: [
      {
        id: "mobilise",
        label: text("宣传发动、本人报名", "Publicise in the unit; cadres register"),
        actor: "dispatching_unit",
        deadline: unspecified(text("通知未规定宣传发动的时限", "The notice sets no date for publicising")),
        citation: c(
          "二（一）",
          "各部门（单位）党组织要积极在本系统内进行宣传发动，鼓励符合条件的同志积极报名",
        ),
      },
      {
        id: "recommend",
        label: text(
          "单位党委会议讨论通过并推荐报送名单",
          "Unit Party committee approves and recommends names",
        ),
        actor: "dispatching_unit",
        deadline: cited(
          { _tag: "ByDate", month: 12, day: 18, yearOffset: 0 },
          c("二（一）", "12月18日前，经党委（党工委、党组）会议讨论通过后，向区委组织部推荐报送人员名单"),
          {
            note: text(
              "报名表亦于12月18日前报送（附件说明2）",
              "Registration forms are also due by 18 December (attachment note 2)",
            ),
          },
        ),
        citation: c("二（一）"),
      },
      {
        id: "interview",
        label: text("区委组织部组织面试，产生初步人选", "Org dept interviews; preliminary list"),
        actor: "org_dept",
        deadline: cited(
          { _tag: "InPeriod", month: 12, part: "late", yearOffset: 0 },
          c("二（二）", "12月下旬"),
        ),
        citation: c("二（二）"),
      },
      {
        id: "decide",
        label: text("部务会讨论确定正式人选", "Department affairs meeting fixes the final list"),
        actor: "org_dept_meeting",
        deadline: unspecified(text("通知未规定部务会的时间", "The notice does not date the meeting")),
        citation: c("二（二）", "经部务会讨论确定正式人选"),
      },
      {
        id: "report_to_street",
        label: text("选派干部到所安排的街道报到", "Cadres report to their assigned street"),
        actor: "applicant",
        deadline: cited(
          { _tag: "InPeriod", month: 1, part: "mid", yearOffset: 1 },
          c("二（二）", "明年1月中旬"),
        ),
        citation: c("二（二）"),
      },
      {
        id: "placement",
        label: text(
          "街道办理手续、安排到具体居民区任职并专题培训",
          "Street completes formalities, places each cadre in a residential area, gives induction training",
        ),
        actor: "street",
        deadline: unspecified(text("通知未规定安排任职的时限", "The notice sets no date for placement")),
        citation: c("二（二）", "安排到具体的居民区任职。相关街道党工委要对新上岗的选派干部进行专题培训"),
      },
    ],

    reports: [
      {
        id: "street_half_year",
        from: "street",
        to: "org_dept",
        subject: text("选派干部履职情况", "How each dispatched cadre performs the duties"),
        cadence: cited(
          { _tag: "Every", interval: { amount: 6, unit: "month" } },
          c("三（二）", "每半年将情况报送区委组织部"),
        ),
        citation: c("三（二）"),
      },
      {
        id: "annual_grade_filing",
        from: "dispatching_unit",
        to: "org_dept",
        subject: text("选派干部年度考核等次", "Each dispatched cadre's annual grade"),
        cadence: cited(
          { _tag: "YearEnd" },
          c("三（二）", "派出单位经综合考评后确定选派干部的考核等次，并向区委组织部报备"),
        ),
        citation: c("三（二）"),
      },
    ],

    leave: unspecified(text("通知未规定请销假", "The notice does not regulate leave")),

    relations: cited(
      { party: "moves", administrative: "stays", pay: "stays" },
      c("一（二）1", "选派干部到居民区任职时转组织关系，不转行政和工资关系"),
    ),
    mentorCapacity: unspecified(
      text(
        "通知要求结对带教、制定带教计划（二（三）、三），未规定每名带教人带几人",
        "The notice calls for pairing and a mentoring plan (二（三）, 三) but not how many each mentor takes",
      ),
    ),
    training: unspecified(
      text(
        "通知要求对新上岗干部专题培训、加强日常培训（二（二）、三），未规定每年次数",
        "The notice calls for induction and regular training (二（二）, 三) but sets no yearly number",
      ),
    ),

    assessment: {
      grades: unspecified(
        text(
          "通知提到“优秀”（一（二）2）和“不合格”（三（四）），未列出完整等次",
          "The notice names 优秀 (一（二）2) and 不合格 (三（四）) but not the full scale of grades",
        ),
      ),
      cycles: [
        {
          id: "probation_review",
          label: text("见习期综合考评", "Comprehensive assessment at the end of probation"),
          cadence: { _tag: "OnEvent", event: text("条件成熟时", "When the cadre is ready") },
          decidedBy: "street",
          citation: c("三（一）", "经街道综合考评能胜任的"),
        },
        {
          id: "annual",
          label: text("年度考核", "Annual assessment"),
          cadence: { _tag: "YearEnd" },
          firstOpinionBy: "street",
          decidedBy: "dispatching_unit",
          reportTo: "org_dept",
          citation: c(
            "三（二）",
            "年终，由街道党工委对选派干部的年度考核提出初评意见，派出单位经综合考评后确定选派干部的考核等次，并向区委组织部报备",
          ),
        },
      ],
      quotas: unspecified(text("通知未规定考核等次比例", "The notice sets no quota on grades")),
    },

    recall: {
      triggers: [
        {
          id: "illness_or_hardship",
          label: text("因病或家庭有特殊困难不能坚持在居民区工作", "Illness or family hardship"),
          condition: {
            _tag: "Circumstance",
            description: text(
              "因病或家庭有特殊困难不能坚持在居民区工作",
              "Cannot continue because of illness or family hardship",
            ),
          },
          action: "adjust_or_return",
          decidedBy: "org_dept",
          citation: c("三（四）"),
        },
        {
          id: "unfit_failed_annual",
          label: text(
            "因本人素质、能力等原因不适应，年终考核等次为不合格",
            "Unfit for the post, with a year-end grade of 不合格",
          ),
          condition: { _tag: "GradeIs", grades: ["incompetent"] },
          action: "adjust_or_return",
          decidedBy: "org_dept",
          citation: c("三（四）", "因本人素质、能力等方面的原因不适应在居民区工作，年终考核等次为不合格的"),
        },
        {
          id: "area_merged",
          label: text("居民区撤并，无合适岗位", "Residential area merged, no suitable post"),
          condition: {
            _tag: "Circumstance",
            description: text(
              "因居民区撤并，街道党工委无法提供合适的居民区党组织书记岗位",
              "The residential area was merged and the street has no suitable secretary post",
            ),
          },
          action: "adjust_or_return",
          decidedBy: "org_dept",
          citation: c("三（四）"),
        },
        {
          id: "other",
          label: text("其他不适合在居民区工作的情况", "Other reasons found by the org dept"),
          condition: {
            _tag: "Circumstance",
            description: text(
              "出现其它情况，经区委组织部研究认为不适合在居民区工作",
              "Another situation in which the org dept finds the cadre unsuited to the post",
            ),
          },
          action: "adjust_or_return",
          decidedBy: "org_dept",
          citation: c("三（四）", "选派干部的调整或退出须报区委组织部，由区委组织部根据实际情况研究决定"),
        },
      ],
      consequences: unspecified(
        text("通知未规定调整退出后的后果", "The notice attaches no consequences to adjustment or return"),
      ),
    },

    pool: unspecified(
      text("非后备干部方案，通知未规定队伍结构", "Not a reserve-pool scheme; no pool composition is set"),
    ),

    provisions: [
      {
        id: "relations",
        topic: "relations",
        text: text(
          "转组织关系，不转行政和工资关系",
          "Party relation moves to the post; administrative and pay relations stay",
        ),
        citation: c("一（二）1", "选派干部到居民区任职时转组织关系，不转行政和工资关系"),
      },
      {
        id: "pay",
        topic: "pay",
        text: text(
          "派出单位落实不低于现任岗位和职级的薪酬待遇；选派期间晋升职级的落实相应待遇",
          "The dispatching unit pays no less than the current post and grade, and follows any promotion",
        ),
        citation: c("一（二）1"),
      },
      {
        id: "incentive_priority",
        topic: "incentive",
        text: text(
          "表现突出、考核优秀的，在选拔任用、职级晋升、评优评先中优先考虑；可纳入全区后备干部、优秀年轻干部、青年干部人才名单",
          "Outstanding cadres graded excellent get priority in appointment, promotion and awards, and may join the district talent lists",
        ),
        citation: c("一（二）2"),
      },
      {
        id: "incentive_recruitment",
        topic: "incentive",
        text: text(
          "事业编制选派干部考核优秀、通过市统一考试的，公务员招录同等条件下可优先录取",
          "Public-institution cadres graded excellent who pass the city exam may be preferred in civil-service recruitment",
        ),
        citation: c("一（二）3"),
      },
      {
        id: "handover",
        topic: "handover",
        text: text(
          "街道开展“后备补充”，稳定现任书记队伍，做好转岗同志思想工作",
          "Streets replenish reserves and keep the serving secretaries stable during the handover",
        ),
        citation: c("二（三）"),
      },
      {
        id: "mentoring",
        topic: "mentoring",
        text: text(
          "运用结对带教，发挥优秀“老书记”传帮带作用",
          "Pairing: experienced secretaries mentor new ones",
        ),
        citation: c("二（三）", "运用结对带教等方式，继续发挥好优秀“老书记”的传帮带作用"),
      },
      {
        id: "street_management",
        topic: "training",
        text: text(
          "街道党工委负责日常管理，制定带教计划、明确岗位职责、加强日常培训",
          "The street manages day to day: mentoring plan, duties, regular training",
        ),
        citation: c("三"),
      },
      {
        id: "full_time",
        topic: "full_time",
        text: text(
          "全职担任书记，不得借调；不再担任派出单位职务、不承担派出单位工作",
          "Full-time: no secondment elsewhere, no post or duties at the dispatching unit",
        ),
        citation: c("三（三）"),
      },
    ],
  },
}
