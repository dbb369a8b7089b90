import { Schema } from "effect"

/**
 * The portal profile form's answers as saved page by page (issue 17, save and return): the shapes and lengths of
 * what can be typed, nothing more. A draft is unfinished by definition (an ID number half typed, a date missing),
 * so the kernel's Profile does not judge it here; it does when the profile is saved whole. Every field is
 * optional and may be empty; each is bounded, so a draft stays a few kilobytes whatever is sent.
 */

const text = (max: number, title: string) =>
  Schema.optional(Schema.NullOr(Schema.String.pipe(Schema.maxLength(max))).annotations({ title }))

/** A date as `<input type="date">` gives it (YYYY-MM-DD), or empty while not yet answered. */
const day = (title: string) =>
  Schema.optional(
    Schema.NullOr(
      Schema.String.pipe(
        Schema.pattern(/^(\d{4}-\d{2}-\d{2})?$/, {
          message: () => "须为日期（年-月-日） / must be a date (YYYY-MM-DD)",
        }),
      ),
    ).annotations({ title }),
  )

const flag = (title: string) => Schema.optional(Schema.NullOr(Schema.Boolean).annotations({ title }))

/** The form's pages, in order: the page a draft returns to. */
export const DraftStep = Schema.Literal(
  "basic",
  "party",
  "education",
  "work",
  "resume",
  "family",
).annotations({
  title: "填写到的页面 / page reached",
})

const DraftWorkPeriod = Schema.Struct({
  from: day("起始时间 / from"),
  to: day("终止时间 / to"),
  organisation: text(100, "单位 / organisation"),
  position: text(100, "职务 / position"),
  grassroots: flag("基层工作 / grassroots"),
})

const DraftFamilyMember = Schema.Struct({
  relation: text(20, "称谓 / relation"),
  name: text(50, "姓名 / name"),
  birthDate: day("出生年月 / birth date"),
  politicalStatus: text(20, "政治面貌 / political status"),
  workUnitAndPost: text(100, "工作单位及职务 / work unit and post"),
})

/** The answers of an unfinished profile, as the portal form holds them. */
export const DraftValues = Schema.Struct({
  name: text(50, "姓名 / name"),
  idNumber: text(18, "身份证号 / ID number"),
  sex: Schema.optional(Schema.NullOr(Schema.Literal("male", "female")).annotations({ title: "性别 / sex" })),
  ethnicity: text(20, "民族 / ethnicity"),
  birthDate: day("出生日期 / birth date"),
  nativePlace: text(50, "籍贯 / native place"),
  birthPlace: text(50, "出生地 / birthplace"),
  health: text(20, "健康状况 / health"),
  phone: text(11, "手机号码 / phone"),
  partyStatus: Schema.optional(
    Schema.NullOr(Schema.Literal("NotMember", "Probationary", "Full")).annotations({
      title: "政治面貌 / party",
    }),
  ),
  partyJoined: day("入党时间 / joined"),
  partyFullSince: day("转正时间 / full member since"),
  educationLevel: text(30, "学历 / education"),
  educationFullTime: flag("全日制 / full-time"),
  employment: text(40, "身份类别 / employment"),
  currentUnit: text(100, "工作单位 / unit"),
  currentPosition: text(100, "现任职务 / position"),
  workStarted: day("参加工作时间 / started work"),
  regionId: text(64, "所在区域 / region"),
  workHistory: Schema.optional(
    Schema.Array(DraftWorkPeriod).pipe(Schema.maxItems(40)).annotations({ title: "简历 / résumé" }),
  ),
  family: Schema.optional(
    Schema.Array(DraftFamilyMember).pipe(Schema.maxItems(15)).annotations({ title: "家庭成员 / family" }),
  ),
}).annotations({ title: "未完成的个人信息 / unfinished profile" })
