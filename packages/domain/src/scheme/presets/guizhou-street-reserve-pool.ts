import { cited, unspecified } from "../../shared/Cited.js"
import { text } from "../../shared/Text.js"
import { citeIn, type Preset } from "../Preset.js"

/**
 * Seed 001: 《街道社區后備干部選拔培養工作方案》 of a street in a Guizhou district (2019). The seed is in traditional
 * characters with pinyin glosses after some characters; quotes below keep its characters and drop the glosses.
 * Clause references follow its numbering: "三（4）" is part 三 (選拔標準), item (4); "三 不宜（3）" is item (3) of the
 * 不宜 list in part 三; "四（二）1" is part 四, stage （二）, step 1.
 *
 * The seed names neither the district nor the street, so there is no administrative division code to use:
 * the region key is ours. Nor does it carry an issue date; `effectiveFrom` is the first day of its first stage
 * (四（一）, 2019-07-01).
 */
const c = citeIn("001")

export const guizhouStreetReservePool: Preset = {
  key: "guizhou-street-reserve-pool",
  seed: "001",
  title: text(
    "贵州某街道社区后备干部选拔培养（2019）",
    "A Guizhou street: community reserve cadre pool (2019)",
  ),
  encoded: {
    formatVersion: 1,
    id: "guizhou-street-reserve-pool",
    regionId: "guizhou-street",
    kind: { _tag: "ReservePool" },
    name: text(
      "街道社区后备干部选拔培养",
      "Street programme for selecting and training community reserve cadres",
    ),
    version: 1,
    effectiveFrom: "2019-07-01",
    sources: [
      {
        id: "001",
        title: text(
          "街道社区后备干部选拔培养工作方案",
          "Work plan for selecting and training community reserve cadres in the street",
        ),
        issuer: "街道党工委",
      },
    ],

    eligibility: {
      rules: [
        {
          _tag: "Attested",
          id: "political_loyalty",
          citation: c("三（1）", "立場堅定,對黨忠誠老實,“四個意識”強"),
          label: text(
            "立场坚定，对党忠诚老实，“四个意识”强",
            "Firm stance, loyal to the Party, strong “four consciousnesses”",
          ),
          waivable: false,
          item: "political_loyalty",
        },
        {
          _tag: "Attested",
          id: "community_ability",
          citation: c("三（2）", "具有較強的推動社區建設、服務居民群眾的能力,具有開拓進取精神"),
          label: text(
            "具有较强的推动社区建设、服务居民群众的能力，具有开拓进取精神",
            "Strong ability to build the community and serve residents; enterprising",
          ),
          waivable: false,
          item: "community_service_ability",
        },
        {
          _tag: "Attested",
          id: "conduct",
          citation: c("三（3）", "事業心責任感強,辦事公道正派,工作作風務實……作風正、品行好"),
          label: text(
            "事业心责任感强，办事公道正派，作风正、品行好",
            "Dedicated and responsible, fair and upright, of good conduct and character",
          ),
          waivable: false,
          item: "conduct_character",
        },
        {
          _tag: "EducationAtLeast",
          id: "education",
          citation: c("三（4）", "一般應具有大專及以上文化程度"),
          label: text("一般应具有大专及以上文化程度", "Generally junior college or higher"),
          // "一般": waivable for an individual with a recorded reason.
          waivable: true,
          level: "junior_college",
          fullTimeOnly: false,
        },
        {
          _tag: "Attested",
          id: "computer_skills",
          citation: c("三（4）", "且有一定的計算機操作能力"),
          label: text("有一定的计算机操作能力", "Some computer skills"),
          // The same sentence opens with "一般", which governs both halves.
          waivable: true,
          item: "computer_skills",
        },
        {
          _tag: "AgeCapByRole",
          id: "age",
          citation: c("三（4）", "社區正職后備干部年齡一般不超過45周歲,副職后備干部年齡一般不超過40周歲"),
          label: text(
            "正职后备干部一般不超过45周岁，副职后备干部一般不超过40周岁",
            "Principal reserves generally at most 45, deputy reserves at most 40",
          ),
          waivable: true,
          caps: [
            { role: "principal", maxAge: 45, label: text("社区正职后备干部", "principal reserve") },
            { role: "deputy", maxAge: 40, label: text("社区副职后备干部", "deputy reserve") },
          ],
        },
      ],
      exclusions: [
        {
          _tag: "NoExclusion",
          id: "criminal_punishment",
          citation: c("三 不宜（1）", "受過刑事處罰的"),
          label: text("未受过刑事处罚", "No criminal punishment"),
          waivable: false,
          kinds: ["criminal_punishment"],
          openKinds: [],
          description: text("受过刑事处罚", "a criminal punishment"),
        },
        {
          _tag: "NoExclusion",
          id: "disciplinary_sanction",
          citation: c("三 不宜（2）", "受到黨紀政紀處分的"),
          label: text("未受到党纪政纪处分", "No Party or government disciplinary sanction"),
          waivable: false,
          kinds: ["party_sanction", "government_sanction"],
          openKinds: [],
          description: text("受到党纪政纪处分", "a Party or government disciplinary sanction"),
        },
        {
          _tag: "NoExclusion",
          id: "recent_violation",
          citation: c("三 不宜（3）", "近三年內有違法違紀行為或正在接受紀檢、司法部門立案審查的"),
          label: text(
            "近三年内无违法违纪行为，且未在接受立案审查",
            "No violation in the last three years and not under investigation",
          ),
          waivable: false,
          kinds: ["violation"],
          withinYears: 3,
          openKinds: ["investigation"],
          description: text(
            "近三年内有违法违纪行为，或正在接受纪检、司法部门立案审查",
            "a violation of law or discipline in the last three years, or an open investigation by discipline or judicial organs",
          ),
        },
        {
          _tag: "NoExclusion",
          id: "illegal_religion",
          citation: c("三 不宜（4）", "參與非法宗教活動和封建迷信活動的"),
          label: text("未参与非法宗教活动和封建迷信活动", "No illegal religious or superstitious activity"),
          waivable: false,
          kinds: ["illegal_religious_activity"],
          openKinds: [],
          description: text(
            "参与非法宗教活动和封建迷信活动",
            "taking part in illegal religious or superstitious activity",
          ),
        },
        {
          // Exclusions are matched against recorded conduct; a reviewer who finds such a reason records it under
          // this open kind (the Schema has no attested exclusion).
          _tag: "NoExclusion",
          id: "duty_impediment",
          citation: c("三 不宜（5）", "有其它原因影響正常履職的"),
          label: text("无其他影响正常履职的原因", "No other reason that prevents normal duty"),
          waivable: false,
          kinds: ["duty_impediment"],
          openKinds: [],
          description: text(
            "有其它原因影响正常履职（由审核人员记录）",
            "another reason that prevents normal duty (recorded by a reviewer)",
          ),
        },
      ],
      preferences: [
        {
          _tag: "PreferEmploymentIn",
          id: "community_worker",
          citation: c("三（4）末句", "優先從社區工作者中選拔"),
          label: text("优先从社区工作者中选拔", "Community workers are preferred"),
          // The plan gives no weight; 1 is the unit weight of its only preference.
          weight: 1,
          categories: ["community_worker"],
        },
      ],
      referenceDate: unspecified(
        text(
          "方案未规定年龄的计算基准日；由本次选拔工作确定（例如7月12日组织推荐截止日）",
          "The plan does not say on which date age is measured; the campaign sets it (e.g. the 12 July recommendation deadline)",
        ),
      ),
    },

    term: {
      length: unspecified(
        text(
          "后备干部无固定任期；每年年度考核评议，实行动态调整（五1）",
          "Reserves have no fixed term; they are assessed yearly and adjusted dynamically (五1)",
        ),
      ),
      afterTerm: unspecified(text("方案未规定", "The plan does not say")),
      probation: unspecified(text("方案未设见习期", "The plan sets no probation")),
    },

    channels: cited(
      ["organisation_recommendation"],
      c("四（二）1", "各社區黨組織要做好組織推薦工作,確定不少于2名推薦人選(含正職、副職),并進行公示"),
    ),

    stages: [
      {
        id: "deploy",
        label: text("工作部署：各社区召开会议、广泛宣传", "Deployment: each community meets and publicises"),
        actor: "community_party_org",
        deadline: cited(
          { _tag: "Between", from: { month: 7, day: 1 }, to: { month: 7, day: 4 }, yearOffset: 0 },
          c("四（一）", "工作部署階段(2019年7月1日—7月4日)"),
        ),
        citation: c("四（一）"),
      },
      {
        id: "recommend",
        label: text(
          "组织推荐：确定不少于2名推荐人选（含正职、副职），公示，填写推荐表报街道党工委",
          "Recommendation: at least 2 nominees (principal and deputy), public notice, recommendation form to the street",
        ),
        actor: "community_party_org",
        deadline: cited(
          { _tag: "ByDate", month: 7, day: 12, yearOffset: 0 },
          c("四（二）1", "組織推薦(7月12日前)"),
        ),
        citation: c("四（二）1"),
      },
      {
        id: "joint_review",
        label: text(
          "征求纪检、公安、综治、计生等部门意见",
          "Opinions of the discipline, public security, comprehensive-governance and family-planning departments",
        ),
        actor: "joint_review",
        departments: ["纪检", "公安", "综治", "计生"],
        deadline: cited(
          { _tag: "ByDate", month: 7, day: 17, yearOffset: 0 },
          c("四（二）2", "街道考察(7月17日前)"),
          {
            note: text("属街道考察环节，随考察一并完成", "Part of the street's inspection, due with it"),
          },
        ),
        citation: c("四（二）2", "征求紀檢、公安、綜治、計生等部門意見"),
      },
      {
        id: "inspect",
        label: text(
          "街道考察：考察工作组初审并组织考察",
          "Street inspection: the inspection team screens and inspects the nominees",
        ),
        actor: "street",
        deadline: cited(
          { _tag: "ByDate", month: 7, day: 17, yearOffset: 0 },
          c("四（二）2", "街道考察(7月17日前)"),
        ),
        citation: c(
          "四（二）2",
          "重點考察社區后備干部推薦人選政治思想表現、工作能力、服務群眾能力和在群眾中的威信等情況",
        ),
      },
      {
        id: "decide",
        label: text(
          "街道党工委（扩大）会议确定各社区后备干部建议人选名单",
          "Enlarged meeting of the street working committee fixes each community's proposed list",
        ),
        actor: "street",
        deadline: cited(
          { _tag: "ByDate", month: 7, day: 18, yearOffset: 0 },
          c("四（二）3", "街道研究(7月18日前)"),
        ),
        citation: c("四（二）3"),
      },
      {
        id: "submit_forms",
        label: text("报送后备干部登记表、队伍名册", "Submit the reserve registration forms and roster"),
        actor: "community_party_org",
        deadline: cited(
          { _tag: "ByDate", month: 7, day: 19, yearOffset: 0 },
          c(
            "六1",
            "并于7月19日前報送《區街道社區后備干部登記表》(附件2)、《區街道社區后備干部隊伍名冊》(附件3)",
          ),
        ),
        citation: c("六1"),
      },
      {
        id: "report",
        label: text(
          "向区委组织部报送建议人选名单及报表、总结材料，并归档",
          "Report the proposed lists, tables and summary to the district org dept; archive the files",
        ),
        actor: "street",
        deadline: cited(
          { _tag: "Between", from: { month: 7, day: 19 }, to: { month: 7, day: 20 }, yearOffset: 0 },
          c("四（三）", "總結階段(7月19日-7月20日)"),
        ),
        citation: c("四（三）", "街道黨工委及時向區委組織部報送社區后備干部建議人選名單及有關報表和總結材料"),
      },
    ],

    reports: [
      {
        id: "annual_result_filing",
        from: "community_party_org",
        to: "street",
        subject: text("后备干部年度考核结果（备案）", "Each reserve's annual assessment result, for filing"),
        cadence: cited(
          { _tag: "YearEnd" },
          c("五1", "每年年底要對社區后備干部進行一次年度考核和評議,并將考核結果報街道組織部備案"),
        ),
        citation: c("五1"),
      },
    ],

    leave: unspecified(text("方案未规定请销假", "The plan does not regulate leave")),

    mentorCapacity: unspecified(
      text(
        "方案要求结对帮扶培养（五1），未规定每名帮扶人带几人",
        "The plan calls for one-to-one pairing (五1) but not how many each mentor takes",
      ),
    ),
    training: cited(
      [
        {
          id: "yearly_centralised",
          label: text("每年至少一次集中培训", "At least one centralised training a year"),
          kind: "centralised",
          atLeast: 1,
          per: "year",
        },
      ],
      c("五1", "每年至少組織社區后備干部進行一次集中培訓"),
    ),

    assessment: {
      grades: unspecified(
        text(
          "方案仅提到“不合格”（五1），未列出考核等次",
          "The plan names only 不合格 (五1), not a scale of grades",
        ),
      ),
      cycles: [
        {
          id: "annual",
          label: text("年度考核和评议", "Annual assessment and review"),
          cadence: { _tag: "YearEnd" },
          decidedBy: "community_party_org",
          reportTo: "street",
          citation: c("五1", "每年年底要對社區后備干部進行一次年度考核和評議"),
        },
      ],
      quotas: unspecified(text("方案未规定考核等次比例", "The plan sets no quota on grades")),
    },

    recall: {
      triggers: [
        {
          id: "unqualified",
          label: text(
            "考核不合格的后备干部，及时调整出后备队伍",
            "A reserve found unqualified leaves the pool",
          ),
          condition: { _tag: "GradeIs", grades: ["incompetent"] },
          action: "remove_from_pool",
          citation: c("五1", "要建立社區后備干部動態調整機制,對不合格的后備干部,要及時調整"),
        },
      ],
      consequences: unspecified(
        text("方案未规定调整后的其他后果", "The plan attaches no further consequences"),
      ),
    },

    pool: cited(
      {
        minPerCommunity: cited(2, c("二", "原則上每個社區選拔不少于2名后備干部(含正職、副職)"), {
          qualifier: "in_principle",
        }),
        roles: cited(
          [
            { key: "principal", label: text("社区正职后备干部", "principal reserve") },
            { key: "deputy", label: text("社区副职后备干部", "deputy reserve") },
          ],
          c("二", "含正職、副職"),
        ),
        youngShare: cited(
          { maxAge: 35, atLeast: { numerator: 40, denominator: 100 } },
          c("三（4）", "社區后備干部35周歲以下的要達到40%以上"),
          {
            note: text(
              "35周岁以下含35周岁；40%以上含40%，按人数向上取整",
              "“35以下” includes 35; “40%以上” includes 40%, so the head count rounds up",
            ),
          },
        ),
      },
      c("二、三", "選拔數量"),
    ),

    provisions: [
      {
        id: "mentoring",
        topic: "mentoring",
        text: text("对社区后备干部实行结对帮扶培养", "Reserves are trained through one-to-one pairing"),
        citation: c("五1", "對社區后備干部要實行結對幫扶培養"),
      },
      {
        id: "yearly_training",
        topic: "training",
        text: text(
          "每年至少组织社区后备干部进行一次集中培训",
          "At least one centralised training for the reserves every year",
        ),
        citation: c("五1", "每年至少組織社區后備干部進行一次集中培訓"),
      },
      {
        id: "archive",
        topic: "archive",
        text: text(
          "建立后备干部队伍档案：花名册、登记表、考察材料、民主推荐情况、年度考核测评情况、教育培训和奖惩资料等，及时更新",
          "Keep a reserve archive: roster, registration form, inspection materials, democratic recommendation, annual assessments, training, rewards and penalties; keep it current",
        ),
        citation: c("五1", "要建立規范的社區后備干部隊伍檔案"),
      },
      {
        id: "professional_qualification",
        topic: "training",
        text: text(
          "鼓励、支持后备干部取得社会工作师资质",
          "Reserves are encouraged and supported to qualify as social workers",
        ),
        citation: c("五2"),
      },
      {
        id: "practice",
        topic: "other",
        text: text(
          "给后备干部压担子、交任务，组织承诺践诺",
          "Reserves are given real tasks and make and keep public pledges",
        ),
        citation: c("五3"),
      },
      {
        id: "review_in_reports",
        topic: "other",
        text: text(
          "后备干部队伍建设纳入抓党建工作述职评议的重要内容",
          "Reserve-pool work is part of each Party organisation's annual report-back on Party building",
        ),
        citation: c("六1"),
      },
      {
        id: "supervision",
        topic: "inspection",
        text: text(
          "街道党工委、办事处全程监督，严把资格审查关；违反组织纪律的由街道纪工委查处",
          "The street supervises the whole process and checks qualifications strictly; breaches go to the street discipline committee",
        ),
        citation: c("六2"),
      },
    ],
  },
}
