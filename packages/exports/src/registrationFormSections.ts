/**
 * The boxes of the registration form (报名表), as sections for the layout engine (formLayout.ts): 基本情况 and
 * 学习工作简历 for the front of the sheet; 奖惩情况, 家庭主要成员, 推荐单位意见, 资格比对结论 and 本人承诺 for the back.
 * Building them checks the input (dates, the eligibility conclusion against its items), so a bad input fails before
 * the document starts.
 */
import { chineseDate, ExportInputError, yearMonth, yearMonthOpt } from "./format.js"
import { type Align, type Cell, CONTENT_W, LABEL_W, type Para, type Row, type Section } from "./formLayout.js"
import type { EligibilityConclusion, EligibilityItem, RegistrationFormInput } from "./types.js"

const label = (text: string, span = 1): Cell => ({ content: text, span })
const value = (text: string, span = 1, align: Align = "center"): Cell => ({ content: text, span, align })

export const basicSection = (input: RegistrationFormInput): Section => {
  const a = input.applicant
  const ym = (v: string, field: string) => yearMonth(v, `applicant.${field}`)
  const edu = (e: RegistrationFormInput["applicant"]["fullTimeEducation"], kind: string): Row => ({
    cells: [
      label(kind),
      value(e?.degree ?? "", 2),
      label("毕业院校系及专业"),
      value(e?.school ?? "", 3, "left"),
    ],
  })
  return {
    label: "基本情况",
    columns: [56, 72, 50, 62, 62, 56, CONTENT_W - LABEL_W - 358],
    photo: { rows: 4, image: a.photo },
    keepTogether: true,
    rows: [
      {
        cells: [
          label("姓名"),
          value(a.name),
          label("性别"),
          value(a.sex),
          label("出生年月（岁）"),
          value(`${ym(a.birthDate, "birthDate")}\n（${a.age}岁）`),
        ],
      },
      {
        cells: [
          label("民族"),
          value(a.ethnicity),
          label("籍贯"),
          value(a.nativePlace),
          label("出生地"),
          value(a.birthPlace),
        ],
      },
      {
        cells: [
          label("政治面貌"),
          value(a.politicalStatus),
          label("入党时间"),
          value(yearMonthOpt(a.partyJoinDate, "applicant.partyJoinDate")),
          label("参加工作时间"),
          value(ym(a.workStartDate, "workStartDate")),
        ],
      },
      {
        cells: [
          label("健康状况"),
          value(a.health),
          label("人员类别"),
          value(a.employmentCategory),
          label("职级"),
          value(a.rank),
        ],
      },
      edu(a.fullTimeEducation, "全日制教育"),
      edu(a.inServiceEducation, "在职教育"),
      { cells: [label("工作单位及职务"), value(a.workUnitAndPost, 6, "left")] },
      { cells: [label("身份证号"), value(a.idNumber, 2), label("联系电话"), value(a.phone, 3)] },
      {
        cells: [
          label("报名渠道"),
          value(input.channel, 2),
          label("意向岗位"),
          value(input.intendedPost ?? "", 3),
        ],
      },
      { cells: [label("熟悉专业有何专长"), value(a.specialty ?? "", 6, "left")] },
    ],
  }
}

export const resumeSection = (input: RegistrationFormInput): Section => ({
  label: "学习工作简历",
  vertical: true,
  columns: [118, CONTENT_W - LABEL_W - 118],
  fillFrontPage: true,
  minHeight: 120,
  rows:
    input.resume.length === 0
      ? [{ boxed: false, cells: [{ content: "", span: 2 }] }]
      : input.resume.map((e, i) => ({
          boxed: false,
          minHeight: 0,
          cells: [
            {
              content: `${yearMonth(e.from, `resume[${i}].from`)}—${e.to === undefined ? "至今" : yearMonth(e.to, `resume[${i}].to`)}`,
              align: "left",
              valign: "top",
            },
            { content: e.text, align: "left", valign: "top" },
          ],
        })),
})

export const textSection = (name: string, text: string, minHeight: number): Section => ({
  label: name,
  columns: [CONTENT_W - LABEL_W],
  minHeight,
  keepTogether: true,
  rows: [{ cells: [{ content: text, align: "left", valign: "top" }] }],
})

const FAMILY_COLUMNS = [48, 58, 62, 62, CONTENT_W - LABEL_W - 230]
const MIN_FAMILY_ROWS = 4

export const familySection = (input: RegistrationFormInput): Section => {
  const members: Row[] = input.family.map((m, i) => ({
    minHeight: 24,
    cells: [
      value(m.relation),
      value(m.name),
      value(yearMonthOpt(m.birthDate, `family[${i}].birthDate`)),
      value(m.politicalStatus),
      value(m.workUnitAndPost, 1, "left"),
    ],
  }))
  const blank: Row = { minHeight: 24, cells: FAMILY_COLUMNS.map(() => value("")) }
  while (members.length < MIN_FAMILY_ROWS) members.push(blank)
  return {
    label: "家庭主要成员及重要社会关系",
    columns: FAMILY_COLUMNS,
    keepTogether: true,
    rows: [
      {
        minHeight: 24,
        cells: ["称谓", "姓名", "出生年月", "政治面貌", "工作单位及职务"].map((t) => label(t)),
      },
      ...members,
    ],
  }
}

export const recommendationSection = (input: RegistrationFormInput): Section => {
  const r = input.recommendation
  const content: ReadonlyArray<Para> =
    r === undefined
      ? [{ text: "个人自荐报名，无推荐单位意见。", align: "left" }]
      : [
          { text: r.opinion, align: "left", after: 4 },
          {
            text: `（经${r.meeting}讨论通过，${chineseDate(r.meetingDate, "recommendation.meetingDate")}）`,
            align: "left",
            after: 14,
          },
          { text: `推荐单位（盖章）：${r.unit}`, align: "right", after: 2 },
          { text: chineseDate(r.signedOn ?? r.meetingDate, "recommendation.signedOn"), align: "right" },
        ]
  return {
    label: "推荐单位意见",
    columns: [CONTENT_W - LABEL_W],
    minHeight: 120,
    keepTogether: true,
    rows: [{ cells: [{ content, valign: "top" }] }],
  }
}

const OUTCOME_TEXT: Record<EligibilityConclusion["outcome"], string> = {
  eligible: "符合报名条件",
  ineligible: "不符合报名条件",
  needs_review: "待审核（须经审核人确认）",
}

const STATUS_TEXT: Record<EligibilityItem["status"], string> = {
  fail: "不符合",
  waived: "已放宽",
  needs_review: "待审核",
}

/** The outcome the kernel would give these items: any fail → ineligible; else any needs_review → needs_review. */
const outcomeOf = (items: ReadonlyArray<EligibilityItem>): EligibilityConclusion["outcome"] =>
  items.some((i) => i.status === "fail")
    ? "ineligible"
    : items.some((i) => i.status === "needs_review")
      ? "needs_review"
      : "eligible"

const ELIGIBILITY_COLUMNS = [84, 50, CONTENT_W - LABEL_W - 134]

export const eligibilitySection = (e: EligibilityConclusion): Section => {
  const expected = outcomeOf(e.items)
  if (expected !== e.outcome) {
    throw new ExportInputError(
      "eligibility.outcome",
      `outcome "${e.outcome}" does not match its items (they give "${expected}"); an ineligible verdict must list the clauses it fails`,
      `结论"${OUTCOME_TEXT[e.outcome]}"与所列条目不符（条目对应"${OUTCOME_TEXT[expected]}"）；不符合条件须列明理由和条款`,
    )
  }
  const items: Row[] =
    e.items.length === 0
      ? []
      : [
          { minHeight: 22, cells: [label("条款"), label("情况"), label("说明")] },
          ...e.items.map((item) => ({
            minHeight: 22,
            cells: [
              value(item.clause),
              value(STATUS_TEXT[item.status]),
              value(`${item.rule}：${item.reason}`, 1, "left"),
            ],
          })),
        ]
  return {
    label: "资格比对结论",
    columns: ELIGIBILITY_COLUMNS,
    keepTogether: true,
    rows: [
      {
        cells: [label("比对结论"), { content: OUTCOME_TEXT[e.outcome], span: 2, align: "left", bold: true }],
      },
      {
        cells: [
          label("比对依据"),
          value(
            `${e.scheme}；年龄、党龄计算至${chineseDate(e.referenceDate, "eligibility.referenceDate")}`,
            2,
            "left",
          ),
        ],
      },
      ...items,
    ],
  }
}

export const pledgeSection: Section = {
  label: "本人承诺",
  columns: [CONTENT_W - LABEL_W],
  minHeight: 64,
  keepTogether: true,
  rows: [
    {
      cells: [
        {
          valign: "top",
          content: [
            {
              text: "本人承诺以上所填信息真实、准确、完整，如有不实，愿承担相应责任。",
              align: "left",
              after: 14,
            },
            { text: "本人签名：　　　　　　　　　　年　　月　　日", align: "right" },
          ],
        },
      ],
    },
  ],
}
