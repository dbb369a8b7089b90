import { cited, unspecified } from "../../shared/Cited.js"
import { text } from "../../shared/Text.js"
import { citeIn, type Preset } from "../Preset.js"

/**
 * Seed 003: a district organisation department head's speech on building the community Party secretary team
 * ("选、育、管、评、用", the "五精工程"). Clause references are its part number and the bold lead phrase of the
 * paragraph: "三 推行结对帮带" is the paragraph "推行结对帮带" in part 三 (精细管).
 *
 * The speech names neither its district nor a date. The region key is ours; `effectiveFrom` is
 * 2000-01-01, the presets' marker for "undated" (the Schema requires a date) — set the real date when adopting it.
 *
 * What the Schema cannot hold is kept as a `Provision`: the mentor's 3–4 mentees, the "1+1+N" training system,
 * the five-star rating scale, the four secretary types. The 20 situations barring election and the 15-item
 * negative list are region-editable lists: the speech names none of the 20 and six of the 15 (`recall.negativeList`
 * counts 15 and shows the nine it does not name as district-set).
 */
const c = citeIn("003")

const UNDATED = "2000-01-01"

export const secretaryTeamManagement: Preset = {
  key: "secretary-team-management",
  seed: "003",
  title: text(
    "社区党组织书记队伍“选育管评用”",
    "Community Party secretary team: select, train, manage, evaluate, use",
  ),
  encoded: {
    formatVersion: 1,
    id: "secretary-team-management",
    regionId: "district-003",
    kind: { _tag: "CommunitySecretaryTeam" },
    name: text(
      "社区党组织书记队伍建设“五精工程”",
      "Community Party secretary team: the five “precision” programmes",
    ),
    version: 1,
    effectiveFrom: UNDATED,
    sources: [
      {
        id: "003",
        title: text(
          "区委组织部部长在社区党组织书记队伍建设工作交流会上的发言",
          "Speech of the district org dept head at the meeting on building the community Party secretary team",
        ),
        issuer: "区委组织部",
      },
    ],

    eligibility: {
      // "三好三强": three "good"s and three "strong"s, each judged by a reviewer.
      rules: [
        {
          _tag: "Attested",
          id: "political_quality",
          citation: c("一 择优选任一批", "政治素质好"),
          label: text("政治素质好", "Sound political quality"),
          waivable: false,
          item: "political_quality",
        },
        {
          _tag: "Attested",
          id: "moral_character",
          citation: c("一 择优选任一批", "道德品行好"),
          label: text("道德品行好", "Good moral character"),
          waivable: false,
          item: "moral_character",
        },
        {
          _tag: "Attested",
          id: "discipline_style",
          citation: c("一 择优选任一批", "纪律作风好"),
          label: text("纪律作风好", "Good discipline and work style"),
          waivable: false,
          item: "discipline_style",
        },
        {
          _tag: "Attested",
          id: "professional_ability",
          citation: c("一 择优选任一批", "业务能力强"),
          label: text("业务能力强", "Strong professional ability"),
          waivable: false,
          item: "professional_ability",
        },
        {
          _tag: "Attested",
          id: "coordination_ability",
          citation: c("一 择优选任一批", "协调能力强"),
          label: text("协调能力强", "Strong coordinating ability"),
          waivable: false,
          item: "coordination_ability",
        },
        {
          _tag: "Attested",
          id: "service_ability",
          citation: c("一 择优选任一批", "服务能力强"),
          label: text("服务能力强", "Strong service ability"),
          waivable: false,
          item: "service_ability",
        },
      ],
      exclusions: [
        {
          // The speech counts 20 situations but names none: an empty, region-editable list of conduct kinds.
          _tag: "NoExclusion",
          id: "election_bars",
          citation: c("一 择优选任一批", "明确20种不得当选的具体情形"),
          label: text("无不得当选的情形（20种）", "None of the 20 situations that bar election"),
          waivable: false,
          kinds: [],
          openKinds: [],
          description: text(
            "20种不得当选的具体情形（发言未列明，由本区填写）",
            "the 20 situations that bar election (not listed in the speech; the region fills them in)",
          ),
        },
      ],
      preferences: [],
      referenceDate: unspecified(text("发言未规定条件的计算基准日", "The speech sets no reference date")),
    },

    term: {
      length: unspecified(text("常设队伍管理，发言未规定任期", "A standing team; the speech sets no term")),
      afterTerm: unspecified(text("发言未规定", "The speech does not say")),
      probation: unspecified(text("发言未规定见习期", "The speech sets no probation")),
    },

    channels: unspecified(
      text(
        "发言列出三条来源：换届中择优选任、街道选派“第一书记”、后备储备及“书记助理”招录，未规定报名或推荐渠道",
        "The speech names three sources (election at the committee change, street-dispatched first secretaries, reserves and recruited secretary assistants) but no channel of entry",
      ),
    ),

    // Mid-term changes follow a six-step procedure of which the speech names three steps (see provisions); the
    // stages below are the ones whose actor it names.
    stages: [
      {
        id: "joint_review",
        label: text(
          "纪委监委、公检法、审计等18个部门联查联审",
          "Joint check by 18 departments: discipline and supervision, police, procuratorate, courts, audit…",
        ),
        actor: "joint_review",
        deadline: unspecified(text("发言未规定时限", "The speech sets no date")),
        citation: c("三 规范备案管理", "联合纪委监委、公检法、审计等18个部门联查联审"),
      },
      {
        id: "district_filing",
        label: text(
          "新任社区党组织书记区级备案（凡动必备）",
          "District filing of every new secretary (every change is filed)",
        ),
        actor: "org_dept",
        deadline: unspecified(text("发言未规定时限", "The speech sets no date")),
        citation: c("三 规范备案管理", "严格执行新任社区党组织书记区级备案管理程序"),
      },
    ],

    reports: [],

    leave: unspecified(text("发言未涉及请销假", "The speech does not deal with leave")),

    mentorCapacity: cited({ min: 3, max: 4 }, c("三 推行结对帮带", "每年帮带3—4名潜力或守摊书记"), {
      note: text(
        "“红领导师”由示范书记担任，帮带对象为潜力或守摊书记",
        "Mentors are demonstration secretaries; mentees are potential or maintenance secretaries",
      ),
    }),
    training: cited(
      [
        {
          id: "yearly_centralised",
          label: text("每年1次“头雁领航”集中培训", "One “lead goose” centralised training a year"),
          kind: "centralised",
          atLeast: 1,
          per: "year",
        },
        {
          id: "quarterly_topical",
          label: text("每季度1次“精治社工”专题培训", "One topical training a quarter"),
          kind: "topical",
          atLeast: 1,
          per: "quarter",
        },
      ],
      c("二 多元培训提素质", "打造“1+1+N”培训体系,每年开展1次“头雁领航”集中培训"),
      {
        note: text(
          "同句：“每季度开展1次“精治社工”专题培训”；“N”项街道特色培训无次数要求",
          "Same sentence: one topical training every quarter; the “N” street courses have no number",
        ),
      },
    ),

    assessment: {
      grades: unspecified(
        text(
          "发言提到“优秀”“不称职”，未列出完整等次",
          "The speech names 优秀 and 不称职 but not the full scale",
        ),
      ),
      cycles: [
        {
          id: "report_back",
          label: text(
            "半年提级述职：向党建引领城市基层治理委员会述职，组织部、民政局、所属街道现场打分评议",
            "Half-yearly report-back to the urban governance committee, scored on site by the org dept, civil affairs and the street",
          ),
          cadence: { _tag: "Every", interval: { amount: 6, unit: "month" } },
          citation: c("四 抓好提级述职", "实施半年提级述职制度"),
        },
        {
          id: "star_rating",
          label: text(
            "社区党组织星级评定：11个区直部门赋分，划分为五个星级等次",
            "Star rating of community Party organisations: 11 district departments score, five star levels",
          ),
          cadence: { _tag: "Every", interval: { amount: 6, unit: "month" } },
          citation: c("四 用好星级评定", "每半年开展1次社区党组织星级评定"),
        },
        {
          id: "four_evaluations",
          label: text(
            "履职评估“四评”：书记自评、居民点评（德、能、勤、绩、廉）、街道工委复评、组织部门审评",
            "Four evaluations: self, residents (virtue, ability, diligence, results, integrity), street, org dept",
          ),
          cadence: { _tag: "Every", interval: { amount: 6, unit: "month" } },
          firstOpinionBy: "applicant",
          decidedBy: "org_dept",
          citation: c(
            "四 做实履职评估",
            "建立社区党组织书记自评、社区居民点评、街道工委复评、组织部门审评的“四评”制度",
          ),
        },
        {
          id: "annual",
          label: text("年度考核（星级评定结果为重要依据）", "Annual assessment (the star rating weighs in)"),
          cadence: { _tag: "YearEnd" },
          citation: c("四 用好星级评定", "评定结果作为社区党组织书记年度考核的重要依据"),
        },
      ],
      quotas: unspecified(text("发言未规定考核等次比例", "The speech sets no quota on grades")),
      reportBack: cited(
        {
          // "等部门": the speech names three scorers and leaves the list open.
          scorers: cited(
            [
              { key: "org_dept", label: text("组织部", "Organisation department") },
              { key: "civil_affairs", label: text("民政局", "Civil affairs bureau") },
              { key: "street", label: text("所属街道", "The secretary's street") },
            ],
            c("四 抓好提级述职", "由组织部、民政局、所属街道等部门现场打分评议"),
          ),
          maxPoints: unspecified(text("发言未规定述职评议的分制", "The speech sets no point scale")),
          weights: unspecified(
            text("发言未规定各评议部门的权重", "The speech sets no weights for the scorers"),
          ),
        },
        c("四 抓好提级述职", "采取“一述一评”的方式"),
      ),
      starRating: cited(
        {
          stars: cited(5, c("四 用好星级评定", "根据分值划分为五个星级等次")),
          raters: cited(
            text(
              "纪委监委、政法委、民政局等11个区直部门",
              "11 district departments, among them discipline and supervision, political-legal affairs and civil affairs",
            ),
            c("四 用好星级评定", "联合纪委监委、政法委、民政局等11个区直部门"),
          ),
          areas: cited(
            [
              text("组织建设", "Organisation building"),
              text("民生福祉", "People's welfare"),
              text("平安建设", "Public safety"),
              text("防范风险", "Risk prevention"),
            ],
            c("四 用好星级评定", "对社区组织建设、民生福祉、平安建设、防范风险等重点任务完成情况进行赋分"),
          ),
          maxPoints: unspecified(
            text(
              "发言未规定星级评定的分制；由街道根据区级评定意见制定具体办法",
              "No scale is set; streets write the detailed method",
            ),
          ),
          bands: unspecified(
            text(
              "发言未规定各星级的分数线；由街道根据区级评定意见制定具体办法",
              "No score per star level is set; streets write the detailed method from the district's guidance",
            ),
          ),
        },
        c("四 用好星级评定", "每半年开展1次社区党组织星级评定"),
      ),
      fourEvaluations: cited(
        {
          parts: cited(
            [
              { part: "self", by: "applicant", label: text("书记自评", "Self-evaluation") },
              { part: "residents", by: "residents", label: text("社区居民点评", "Residents' evaluation") },
              { part: "street", by: "street", label: text("街道工委复评", "Street review") },
              { part: "org_dept", by: "org_dept", label: text("组织部门审评", "Org dept assessment") },
            ],
            c(
              "四 做实履职评估",
              "建立社区党组织书记自评、社区居民点评、街道工委复评、组织部门审评的“四评”制度",
            ),
          ),
          residentDimensions: cited(
            [
              { key: "virtue", label: text("德", "Virtue") },
              { key: "ability", label: text("能", "Ability") },
              { key: "diligence", label: text("勤", "Diligence") },
              { key: "results", label: text("绩", "Results") },
              { key: "integrity", label: text("廉", "Integrity") },
            ],
            c("四 做实履职评估", "社区居民围绕“德、能、勤、绩、廉”五个方面进行民主测评"),
          ),
          residentOptions: unspecified(
            text(
              "发言未规定民主测评的选项",
              "The speech does not set the answer options of the residents' vote",
            ),
          ),
        },
        c("四 做实履职评估", "每半年开展1次履职评估"),
      ),
      secretaryTypes: cited(
        {
          types: cited(
            [
              {
                key: "model",
                label: text("示范", "Model"),
                support: text(
                  "组织部门跟踪培养、直接联系；打造书记工作室、总结书记工作法、开发书记特色课",
                  "The org dept follows and contacts directly; secretary studio, method and course",
                ),
              },
              {
                key: "backbone",
                label: text("骨干", "Backbone"),
                support: text("组织部门跟踪培养、直接联系", "The org dept follows and contacts directly"),
              },
              {
                key: "potential",
                label: text("潜力", "Potential"),
                support: text(
                  "街道选派机关干部“一对一”帮扶，加强教育引导、工作指导和业务培训",
                  "The street assigns an agency cadre for one-to-one help, guidance and training",
                ),
              },
              {
                key: "maintenance",
                label: text("守摊", "Maintenance"),
                support: text(
                  "街道选派机关干部“一对一”帮扶，加强教育引导、工作指导和业务培训",
                  "The street assigns an agency cadre for one-to-one help, guidance and training",
                ),
              },
            ],
            c("三 深化分类管理", "对于示范、骨干书记,由组织部门跟踪培养、直接联系"),
          ),
          // Five standards, three named: the region adds the other two.
          standards: cited(
            [
              { key: "star_rating", label: text("星级评定", "Star rating") },
              { key: "branding", label: text("品牌建设", "Branding") },
              { key: "facilities", label: text("阵地打造", "Facilities") },
            ],
            c("三 深化分类管理", "参照星级评定、品牌建设、阵地打造等5方面标准"),
            {
              note: text(
                "发言称5方面标准，只列出3项，其余由本区补充",
                "The speech speaks of five standards and names three; the region adds the rest",
              ),
            },
          ),
          assignment: unspecified(
            text(
              "发言未规定各类型的划分界线；由组织部门对照标准研判确定",
              "No dividing lines between the types are set; the org dept judges against the standards",
            ),
          ),
        },
        c("三 深化分类管理", "将社区党组织书记划分“示范、骨干、潜力、守摊”4个类型"),
      ),
    },

    recall: {
      triggers: [
        {
          id: "incompetent",
          label: text("不胜任、不称职的，调整退出", "Incompetent or unfit: adjusted out"),
          condition: { _tag: "GradeIs", grades: ["incompetent"] },
          action: "adjust_or_return",
          citation: c("五 强化负面惩戒", "实行不胜任、不称职的社区党组织书记调整退出机制"),
        },
        // Six of the 15 negative-list items, as the speech names them; the region adds the rest.
        ...(
          [
            ["neg_slack_style", "作风不实", "Slack work style"],
            ["neg_low_drive", "工作干劲不足", "Lack of drive"],
            ["neg_poor_evaluation", "履职评估结果较差", "Poor performance evaluation"],
          ] as const
        ).map(([id, zh, en]) => ({
          id,
          label: text(
            `负面清单：${zh}（批评教育，促其整改）`,
            `Negative list: ${en} (criticised and told to correct)`,
          ),
          condition: { _tag: "Circumstance" as const, description: text(zh, en) },
          action: "admonish" as const,
          // "及时批评教育,促其整改": the two measures the managing body records (the Admonish move), one or both.
          measures: ["criticism_education", "rectification"] as const,
          citation: c(
            "五 强化负面惩戒",
            "对作风不实、工作干劲不足、履职评估结果较差的,及时批评教育,促其整改",
          ),
        })),
        ...(
          [
            ["neg_poor_results", "岗位目标任务完成差", "Poor results on the post's targets"],
            ["neg_abuse_of_power", "以权谋私", "Abuse of power for private gain"],
            ["neg_public_complaints", "群众反映强烈", "Strong complaints from residents"],
          ] as const
        ).map(([id, zh, en]) => ({
          id,
          label: text(
            `负面清单：${zh}（及时调整并严肃处理）`,
            `Negative list: ${en} (adjusted and dealt with severely)`,
          ),
          condition: { _tag: "Circumstance" as const, description: text(zh, en) },
          action: "adjust_or_return" as const,
          citation: c("五 强化负面惩戒", "对岗位目标任务完成差、以权谋私、群众反映强烈的,及时调整并严肃处理"),
        })),
      ],
      // 15 items counted, 6 named (五 强化负面惩戒): the other 9 are district-set slots, never invented here.
      negativeList: cited(
        {
          size: 15,
          items: [
            "neg_slack_style",
            "neg_low_drive",
            "neg_poor_evaluation",
            "neg_poor_results",
            "neg_abuse_of_power",
            "neg_public_complaints",
          ],
          unnamed: text(
            "发言称15项具体负面情形，只列出其中6项及其处理；其余9项文件未列明，由本区填写（含各项处理：批评教育、促其整改或调整）",
            "The speech counts 15 situations and names six with their outcomes; the other nine are not named by the document and are district-set (each with its outcome: criticism, correction or adjustment)",
          ),
        },
        c("五 强化负面惩戒", "建立社区党组织书记履职负面清单,明确15项具体负面情形"),
      ),
      consequences: unspecified(
        text(
          "发言只说“严肃处理”，未规定具体后果",
          "The speech says “dealt with severely” but names no consequence",
        ),
      ),
    },

    pool: cited(
      {
        minPerCommunity: unspecified(
          text(
            "发言称已实现“一社区一书记助理”，为现状而非下限规定",
            "The speech reports “one secretary assistant per community” as achieved, not as a minimum",
          ),
        ),
        roles: cited(
          [
            {
              key: "committee_reserve",
              label: text("“两委”成员后备力量", "reserve for the community committees"),
            },
            {
              key: "secretary_reserve",
              label: text("社区党组织书记后备力量", "reserve for community Party secretary"),
            },
            { key: "secretary_assistant", label: text("书记助理", "secretary assistant") },
          ],
          c(
            "一 拓源储备一批",
            "将“95后”优秀社区工作者纳入“两委”成员后备力量,将优秀“两委”成员纳入社区党组织书记后备力量",
          ),
        ),
        youngShare: unspecified(
          text(
            "发言以“95后”界定储备对象，未规定年轻人员比例",
            "The speech draws reserves from those born after 1995 but sets no young share",
          ),
        ),
      },
      c("一 拓源储备一批", "构建动态管理的后备人才库"),
    ),

    provisions: [
      {
        id: "election_team",
        topic: "other",
        text: text(
          "换届中成立街道“五人工作小组”；细化7类37项职责清单",
          "A five-person street working group for the committee change; a duty list of 37 items in 7 classes",
        ),
        citation: c("一 择优选任一批", "成立街道“五人工作小组”"),
      },
      {
        id: "street_first_secretary",
        topic: "other",
        text: text(
          "对党组织服务水平不高的社区，从街道选派优秀机关干部驻社担任“第一书记”",
          "Communities whose Party organisation serves poorly get a first secretary from the street's agencies",
        ),
        citation: c("二 街道选派一批", "从街道选派懂基层、善治理的优秀机关干部驻社担任“第一书记”"),
      },
      {
        id: "assistant_recruitment",
        topic: "other",
        text: text(
          "每年面向优秀高校毕业生、专业社工人才招录“书记助理”，纳入书记后备力量重点培养",
          "Secretary assistants are recruited yearly from graduates and social workers and trained as secretary reserves",
        ),
        citation: c("一 拓源储备一批", "大力开展社区“书记助理”招录"),
      },
      {
        id: "training_1_1_n",
        topic: "training",
        text: text(
          "“1+1+N”培训体系：每年1次“头雁领航”集中培训（5项课程）；每季度1次“精治社工”专题培训；常态化开展N项街道特色培训",
          "“1+1+N” training: one yearly centralised course (5 subjects), one quarterly topical course, and N street-specific ones",
        ),
        citation: c("二 多元培训提素质", "打造“1+1+N”培训体系"),
      },
      {
        id: "exchange",
        topic: "training",
        text: text(
          "月度幸福论坛、季度书记沙龙，4类主题活动",
          "A monthly forum, a quarterly secretaries' salon, four kinds of themed activity",
        ),
        citation: c("二 交流互鉴补短板", "建立月度幸福论坛、季度书记沙龙活动机制"),
      },
      {
        id: "benchmark_training",
        topic: "training",
        text: text(
          "每年优选10名左右书记赴先进地区跟班学习1个月",
          "About ten secretaries a year spend a month learning in advanced regions",
        ),
        citation: c("二 对标先进拓视野", "每年优选10名左右社区党组织书记"),
      },
      {
        id: "mid_term_procedure",
        topic: "other",
        text: text(
          "届中调整执行6项规范流程，包括动议酝酿、资格审查、组织考察等",
          "Mid-term changes follow six steps, among them proposal, qualification check and inspection",
        ),
        citation: c("三 规范备案管理", "明确动议酝酿、资格审查、组织考察等6项规范流程"),
      },
      {
        id: "archive",
        topic: "archive",
        text: text(
          "全周期成长档案，一人一档：新任及时建档、离任统一封存、变动及时更新",
          "One file per secretary for the whole career: opened on appointment, sealed on leaving, updated on every change",
        ),
        citation: c("三 规范备案管理", "实行“一人一档”"),
      },
      {
        id: "four_types",
        topic: "other",
        text: text(
          "参照星级评定、品牌建设、阵地打造等5方面标准，将书记划分“示范、骨干、潜力、守摊”4个类型，分类施策",
          "By five standards (star rating, branding, facilities…) secretaries are classed as demonstration, backbone, potential or maintenance, each managed differently",
        ),
        citation: c("三 深化分类管理", "将社区党组织书记划分“示范、骨干、潜力、守摊”4个类型"),
      },
      {
        id: "mentor_capacity",
        topic: "mentoring",
        text: text(
          "示范书记担任“红领导师”，每年帮带3—4名潜力或守摊书记",
          "A demonstration secretary mentors 3–4 potential or maintenance secretaries a year",
        ),
        citation: c("三 推行结对帮带", "每年帮带3—4名潜力或守摊书记"),
      },
      {
        id: "star_scale",
        topic: "other",
        text: text(
          "星级评定根据分值划分为五个星级等次，结果作为年度考核重要依据",
          "The star rating has five levels by score; it weighs in the annual assessment",
        ),
        citation: c("四 用好星级评定", "根据分值划分为五个星级等次"),
      },
      {
        id: "negative_list",
        topic: "other",
        text: text(
          "书记履职负面清单共15项具体情形（发言列出其中6项，其余由本区补充）",
          "A negative list of 15 situations (the speech names six; the region completes it)",
        ),
        citation: c("五 强化负面惩戒", "建立社区党组织书记履职负面清单,明确15项具体负面情形"),
      },
      {
        id: "incentive",
        topic: "incentive",
        text: text(
          "年度考评优秀的推荐为表彰人选和“两代表一委员”人选，择优推荐参加进修培训",
          "Secretaries graded excellent are put forward for honours, as deputies or committee members, and for advanced training",
        ),
        citation: c("五 突出正向激励", "积极推荐为各类表彰人选和各级“两代表一委员”人选"),
      },
      {
        id: "career_path",
        topic: "incentive",
        text: text(
          "每年拿出一定数量名额，从优秀书记中选聘事业编制人员",
          "Each year some public-institution posts are filled from outstanding secretaries",
        ),
        citation: c("五 拓宽发展路径", "从优秀社区党组织书记中选聘事业编制人员"),
      },
    ],
  },
}
