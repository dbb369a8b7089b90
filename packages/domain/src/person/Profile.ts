/**
 * The cadre profile (干部信息): everything eligibility rules read. Field titles are "中文 / English" so that
 * decode errors can name the field in both languages (see shared/Decode.ts).
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { FactSource } from "../shared/FactSource.js"
import { LocalDate } from "../shared/LocalDate.js"
import { birthDateOf, IdNumber, sexOf } from "./IdNumber.js"
import { Sex } from "./Sex.js"

export { Sex } from "./Sex.js"

/**
 * A person's id, branded so that it cannot be mixed up with another string.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PersonId = Schema.String.pipe(Schema.minLength(1), Schema.brand("PersonId")).annotations({
  identifier: "PersonId",
  title: "人员编号 / person id",
})
/**
 * The decoded value of the {@link PersonId} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PersonId = typeof PersonId.Type

/**
 * Education levels in ascending order; the order is what `EducationAtLeast` compares.
 *
 * @category constants
 * @since 0.1.0
 */
export const EDUCATION_LEVELS = [
  "primary", // 小学
  "junior_secondary", // 初中
  "senior_secondary", // 高中
  "technical_secondary", // 中专
  "junior_college", // 大学专科（大专）
  "bachelor", // 大学本科
  "master", // 硕士研究生
  "doctorate", // 博士研究生
] as const
/**
 * An education level (one value of {@link EDUCATION_LEVELS}).
 *
 * @category schemas
 * @since 0.1.0
 */
export const EducationLevel = Schema.Literal(...EDUCATION_LEVELS).annotations({
  identifier: "EducationLevel",
  title: "学历层次 / education level",
})
/**
 * The decoded value of the {@link EducationLevel} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type EducationLevel = typeof EducationLevel.Type
/**
 * The position of an education level in {@link EDUCATION_LEVELS}, for "at least" comparisons.
 *
 * @category getters
 * @since 0.1.0
 */
export const educationRank = (l: EducationLevel): number => EDUCATION_LEVELS.indexOf(l)

/**
 * One education of a person: its level, and whether it was full-time.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Education = Schema.Struct({
  level: EducationLevel,
  fullTime: Schema.Boolean.annotations({ title: "是否全日制 / full-time" }),
  institution: Schema.optional(Schema.String).annotations({ title: "院校 / institution" }),
  major: Schema.optional(Schema.String).annotations({ title: "专业 / major" }),
  graduated: Schema.optional(LocalDate).annotations({ title: "毕业日期 / graduation date" }),
}).annotations({ identifier: "Education", title: "学历 / education" })
/**
 * The decoded value of the {@link Education} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Education = typeof Education.Type

/**
 * Party membership. Standing (党龄) counts from full membership (转正), never from joining (POLICIES).
 *
 * @category schemas
 * @since 0.1.0
 */
export const PartyMembership = Schema.Union(
  Schema.TaggedStruct("NotMember", {}),
  Schema.TaggedStruct("Probationary", {
    joined: LocalDate.annotations({ title: "入党日期 / date joined" }),
  }),
  Schema.TaggedStruct("Full", {
    joined: LocalDate.annotations({ title: "入党日期 / date joined" }),
    fullMemberSince: LocalDate.annotations({ title: "转正日期 / full member since" }),
  }),
).annotations({ identifier: "PartyMembership", title: "党员身份 / Party membership" })
/**
 * The decoded value of the {@link PartyMembership} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PartyMembership = typeof PartyMembership.Type

/**
 * The employment categories (人员类别) rules may ask for, in display order.
 *
 * @category constants
 * @since 0.1.0
 */
export const EMPLOYMENT_CATEGORIES = [
  "civil_servant", // 公务员
  "civil_servant_managed", // 参照公务员法管理（参公）
  "public_institution_established", // 事业单位在编
  "public_institution_contract", // 事业单位编外
  "soe", // 国有企业
  "community_worker", // 社区工作者
  "other", // 其他
] as const
/**
 * An employment category (one value of {@link EMPLOYMENT_CATEGORIES}).
 *
 * @category schemas
 * @since 0.1.0
 */
export const EmploymentCategory = Schema.Literal(...EMPLOYMENT_CATEGORIES).annotations({
  identifier: "EmploymentCategory",
  title: "人员类别 / employment category",
})
/**
 * The decoded value of the {@link EmploymentCategory} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type EmploymentCategory = typeof EmploymentCategory.Type

/**
 * The ladder from staff to division level, ascending; `RankIn` and age-by-rank rules read it.
 *
 * @category constants
 * @since 0.1.0
 */
export const RANK_LEVELS = [
  "staff", // 办事员
  "clerk", // 科员
  "deputy_section", // 副科级
  "section", // 正科级
  "deputy_division", // 副处级
  "division", // 正处级
] as const
/**
 * A rank level (one value of {@link RANK_LEVELS}).
 *
 * @category schemas
 * @since 0.1.0
 */
export const RankLevel = Schema.Literal(...RANK_LEVELS).annotations({
  identifier: "RankLevel",
  title: "职级 / rank level",
})
/**
 * The decoded value of the {@link RankLevel} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type RankLevel = typeof RankLevel.Type
/**
 * The position of a rank level in {@link RANK_LEVELS}, for "at or above" comparisons.
 *
 * @category getters
 * @since 0.1.0
 */
export const rankOrder = (l: RankLevel): number => RANK_LEVELS.indexOf(l)

/**
 * A person's rank: its level, and whether it is a leading post or a non-leading grade.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Rank = Schema.Struct({
  level: RankLevel,
  /** 领导职务 (leading post) or 职级 (non-leading grade). */
  track: Schema.Literal("leading", "non_leading").annotations({
    title: "领导职务或职级 / leading or non-leading",
  }),
}).annotations({ identifier: "Rank", title: "职务职级 / rank" })
/**
 * The decoded value of the {@link Rank} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Rank = typeof Rank.Type

/**
 * A period of work (no `to`: current): organisation, position, whether it is grassroots work, and free tags.
 *
 * @category schemas
 * @since 0.1.0
 */
export const WorkPeriod = Schema.Struct({
  from: LocalDate.annotations({ title: "起始日期 / from" }),
  to: Schema.optional(LocalDate).annotations({ title: "截止日期 / to" }),
  organisation: Schema.NonEmptyTrimmedString.annotations({ title: "单位 / organisation" }),
  position: Schema.NonEmptyTrimmedString.annotations({ title: "职务 / position" }),
  /** Work at a township, street, village or community (基层工作经历). */
  grassroots: Schema.Boolean.annotations({ title: "是否基层工作 / grassroots work" }),
  /** Free tags that preferences can read, e.g. "epidemic_assistant" (000: 疫情防控中担任书记、主任助理). */
  tags: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }).annotations({
    title: "标签 / tags",
  }),
}).annotations({ identifier: "WorkPeriod", title: "工作经历 / work period" })
/**
 * The decoded value of the {@link WorkPeriod} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type WorkPeriod = typeof WorkPeriod.Type

/**
 * A record that an exclusion rule can match: a sanction (处分), a criminal punishment, a violation, an
 * investigation (立案审查). `kind` is an open key because the list of exclusions is each region's to edit
 * (003 speaks of 20 situations); the well-known keys are listed in eligibility/rules/NoExclusion.ts.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ConductRecord = Schema.Struct({
  kind: Schema.NonEmptyTrimmedString.annotations({ title: "类别 / kind" }),
  date: LocalDate.annotations({ title: "日期 / date" }),
  /** For an investigation: the date it closed; absent while it is still open (正在接受立案审查). */
  closed: Schema.optional(LocalDate).annotations({ title: "结案日期 / closed" }),
  description: Schema.String.annotations({ title: "说明 / description" }),
  /**
   * Who recorded it (issue 13): the applicant (a claim), staff of the org dept, a department in joint review, an
   * import; absent on records kept before sources were recorded.
   */
  source: Schema.optional(FactSource),
  /** The source document: its number (文号) or title. */
  document: Schema.optional(Schema.String).annotations({ title: "依据文件（文号或标题） / source document" }),
  /** The department whose joint-review opinion reported it (纪检、公安…). */
  department: Schema.optional(Schema.String).annotations({ title: "报告部门 / reporting department" }),
}).annotations({ identifier: "ConductRecord", title: "奖惩及审查记录 / conduct record" })
/**
 * The decoded value of the {@link ConductRecord} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ConductRecord = typeof ConductRecord.Type

/**
 * A sanction, investigation or violation as staff or a joint-review department record it (issue 13): the kind, the
 * date, for an investigation the date it closed, what it was, and the source document (文号 or title), required.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ConductEntry = Schema.Struct({
  kind: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(64)).annotations({ title: "类别 / kind" }),
  date: LocalDate.annotations({ title: "日期 / date" }),
  closed: Schema.optional(LocalDate).annotations({ title: "结案日期 / closed" }),
  description: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(500)).annotations({
    title: "说明 / description",
  }),
  document: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)).annotations({
    title: "依据文件（文号或标题） / source document",
  }),
}).annotations({ identifier: "ConductEntry", title: "登记的奖惩及审查记录 / recorded conduct" })
/**
 * The decoded value of the {@link ConductEntry} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ConductEntry = typeof ConductEntry.Type

/**
 * An attestation of something the system cannot compute (political standards, health, willingness,
 * computer skills…). Only a reviewer's attestation counts; the applicant's own declaration is kept but
 * leaves the rule needing review.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Attestation = Schema.Struct({
  item: Schema.NonEmptyTrimmedString.annotations({ title: "事项 / item" }),
  result: Schema.Boolean.annotations({ title: "结论 / result" }),
  by: Schema.Literal("self", "reviewer").annotations({ title: "确认人类型 / attested by" }),
  reviewer: Schema.optional(Schema.String).annotations({ title: "审核人 / reviewer" }),
  date: LocalDate.annotations({ title: "日期 / date" }),
  note: Schema.optional(Schema.String).annotations({ title: "备注 / note" }),
}).annotations({ identifier: "Attestation", title: "审核确认 / attestation" })
/**
 * The decoded value of the {@link Attestation} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Attestation = typeof Attestation.Type

/**
 * One row of 家庭主要成员及重要社会关系, as the 报名表 and the 干部任免审批表 list them (seed 000 附件).
 *
 * @category schemas
 * @since 0.1.0
 */
export const FamilyMember = Schema.Struct({
  relation: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(10)).annotations({ title: "称谓 / relation" }),
  name: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(50)).annotations({ title: "姓名 / name" }),
  birthDate: Schema.optional(LocalDate).annotations({ title: "出生日期 / birth date" }),
  politicalStatus: Schema.optional(Schema.String.pipe(Schema.maxLength(20))).annotations({
    title: "政治面貌 / political status",
  }),
  workUnitAndPost: Schema.optional(Schema.String.pipe(Schema.maxLength(100))).annotations({
    title: "工作单位及职务 / workplace and post",
  }),
}).annotations({ identifier: "FamilyMember", title: "家庭成员 / family member" })
/**
 * The decoded value of the {@link FamilyMember} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type FamilyMember = typeof FamilyMember.Type

/**
 * The most rows a 报名表's family box holds, with room to spare.
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_FAMILY_MEMBERS = 15

/**
 * The cadre profile: everything eligibility rules read, decoded and checked.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Profile = Schema.Struct({
  id: PersonId,
  name: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(50)).annotations({ title: "姓名 / name" }),
  sex: Sex,
  /** 民族, as written in the cadre roster (e.g. 汉族). */
  ethnicity: Schema.optional(Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(20))).annotations({
    title: "民族 / ethnicity",
  }),
  /** 籍贯 and 出生地 as the 报名表 prints them (e.g. 上海市杨浦区), free text of the person's own account. */
  nativePlace: Schema.optional(Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(50))).annotations({
    title: "籍贯 / native place",
  }),
  birthPlace: Schema.optional(Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(50))).annotations({
    title: "出生地 / birthplace",
  }),
  birthDate: LocalDate.annotations({ title: "出生日期 / birth date" }),
  idNumber: IdNumber,
  phone: Schema.optional(
    Schema.String.pipe(
      Schema.pattern(/^1\d{10}$/, {
        message: () => "手机号应为 11 位数字 / phone must be 11 digits starting with 1",
      }),
    ),
  ).annotations({ title: "手机号 / phone" }),
  party: PartyMembership,
  education: Schema.Array(Education).annotations({ title: "学历 / education" }),
  employment: EmploymentCategory,
  rank: Schema.optional(Rank),
  /** 参加工作时间: when the person started work. */
  workStarted: Schema.optional(LocalDate).annotations({ title: "参加工作时间 / started work" }),
  /** 健康状况 as the person states it (e.g. 健康); a scheme that needs health attested asks a reviewer. */
  health: Schema.optional(Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(20))).annotations({
    title: "健康状况 / health",
  }),
  currentUnit: Schema.optional(Schema.String).annotations({ title: "工作单位 / current unit" }),
  currentPosition: Schema.optional(Schema.String).annotations({ title: "现任职务 / current position" }),
  workHistory: Schema.Array(WorkPeriod).annotations({ title: "工作经历 / work history" }),
  conduct: Schema.Array(ConductRecord).annotations({ title: "奖惩及审查记录 / conduct records" }),
  attestations: Schema.Array(Attestation).annotations({ title: "审核确认 / attestations" }),
  family: Schema.optional(
    Schema.Array(FamilyMember).pipe(
      Schema.maxItems(MAX_FAMILY_MEMBERS, {
        message: () =>
          `家庭成员最多填写${MAX_FAMILY_MEMBERS}人 / at most ${MAX_FAMILY_MEMBERS} family members`,
      }),
    ),
  ).annotations({ title: "家庭主要成员及重要社会关系 / family members" }),
  tags: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }).annotations({
    title: "标签 / tags",
  }),
})
  .pipe(
    // Cross-checks against the ID number; each issue points at the field it contradicts, and both are
    // reported together so that one correction round fixes them.
    Schema.filter((p) => {
      const issues: Array<Schema.FilterIssue> = []
      if (birthDateOf(p.idNumber) !== p.birthDate)
        issues.push({
          path: ["birthDate"],
          message:
            "身份证号中的出生日期与出生日期不一致 / the birth date in the ID number does not match the birth date",
        })
      if (sexOf(p.idNumber) !== p.sex)
        issues.push({
          path: ["sex"],
          message: "身份证号中的性别与性别不一致 / the sex in the ID number does not match the sex",
        })
      return issues
    }),
  )
  .annotations({ identifier: "Profile", title: "干部信息 / cadre profile" })
/**
 * The decoded value of the {@link Profile} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Profile = typeof Profile.Type
/**
 * The encoded (JSON) form of the {@link Profile} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ProfileEncoded = typeof Profile.Encoded
