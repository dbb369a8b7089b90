/**
 * Inputs of the campaign documents. Plain readonly data, no Schema and no kernel types: the API layer maps its
 * rows into these shapes after it has decided what the reader may see.
 *
 * Conventions for every field below:
 * - Text is printed as given. Labels (性别 "男", 政治面貌 "中共党员", 当前环节 "面试") are already in Chinese,
 *   personal data (身份证号, 联系电话) is already masked or not: the caller decides, this package never unmasks
 *   nor masks.
 * - Dates are ISO calendar dates `YYYY-MM-DD` (`IsoDate`). The documents print them the way Chinese cadre forms
 *   do: 出生年月 / 入党时间 as `YYYY.MM`, full dates as `YYYY.MM.DD` (tables) or `YYYY年M月D日` (form text).
 *   A malformed date throws `ExportInputError` instead of printing something wrong.
 * - Optional text fields may be omitted; an omitted field prints as an empty cell, never as "undefined".
 */

/** An ISO calendar date, `YYYY-MM-DD` (e.g. "1990-05-17"). Checked when a document is built. */
export type IsoDate = string

// ---------------------------------------------------------------------------------------------------------------
// 花名册 (roster): seed 001 五 1 lists "社区后备干部花名册" in the archive; one row per application.

/** One application in the roster. */
export interface RosterRow {
  /** 姓名. */
  readonly name: string
  /** 性别, "男" / "女". */
  readonly sex: string
  /** 出生日期; printed as 出生年月 `YYYY.MM` (the day is not printed: see README, "Dates in the sheets"). */
  readonly birthDate: IsoDate
  /** 年龄 in full years (周岁) on the roster's `ageReferenceDate`, computed by the caller (kernel FullYears). */
  readonly age: number
  /** 民族, e.g. "汉族". */
  readonly ethnicity: string
  /** 政治面貌, e.g. "中共党员", "中共预备党员". */
  readonly politicalStatus: string
  /** 入党时间 (date joined the Party); omitted for non-members. Printed `YYYY.MM`. */
  readonly partyJoinDate?: IsoDate
  /** 学历学位, already formatted, e.g. "大学本科／法学学士". */
  readonly education: string
  /** 工作单位及职务, e.g. "区民政局社会救助科科员". */
  readonly workUnitAndPost: string
  /** 职级, e.g. "一级科员". */
  readonly rank: string
  /** 报名渠道, e.g. "单位推荐", "个人自荐", "组织推荐". */
  readonly channel: string
  /** 推荐单位; omitted for self-registration. */
  readonly recommendingUnit?: string
  /** 资格比对结论, one line, e.g. "符合" or "不符合：党龄不满三年（000 一（一）1）". */
  readonly eligibility: string
  /** 当前环节, e.g. "资格审查", "面试", "部务会研究". */
  readonly stage: string
  /** 拟任岗位; omitted until a post is proposed. */
  readonly intendedPost?: string
  /** 联系电话, already masked (or not) by the caller, e.g. "138****1234". */
  readonly phone: string
}

export interface RosterInput {
  /** The campaign's name; the title row reads `${campaignName}花名册`. */
  readonly campaignName: string
  /**
   * The date the ages are counted on (周岁 at a reference date, POLICIES "How to read the numbers"); printed in
   * the line under the title so that a reader can check a 年龄.
   */
  readonly ageReferenceDate: IsoDate
  /** Extra text appended to the line under the title, e.g. "填报单位：区委组织部组织科". */
  readonly note?: string
  /** The applications in the order they are to be listed; 序号 is the position, from 1. */
  readonly rows: ReadonlyArray<RosterRow>
}

// ---------------------------------------------------------------------------------------------------------------
// 安排表 (arrangement table): seed 002 附件 "选派村（社区）党组织第一书记安排表"; seed 000 二（二）: cadres report
// to the street, which places each in a residential area as deputy secretary on probation (三（一）).

/** One placed cadre. */
export interface ArrangementRow {
  /** 姓名. */
  readonly name: string
  /** 派出单位及职务, e.g. "区财政局预算科科员". */
  readonly dispatchingUnitAndPost: string
  /** 派往街道（乡镇）. */
  readonly street: string
  /** 派往居民区（村/社区）. */
  readonly community: string
  /** 拟任职务, e.g. "党组织副书记（见习）" (000 三（一）). */
  readonly post: string
  /** 报到时间; printed `YYYY.MM.DD`. */
  readonly reportDate: IsoDate
  /** 备注. */
  readonly remarks?: string
}

export interface ArrangementInput {
  /** Title row, e.g. "大安区选派村（社区）党组织第一书记安排表". */
  readonly title: string
  /** Optional line under the title, e.g. a document number or "报到地点：各街道党工委社区党建办". */
  readonly subtitle?: string
  /** The cadres in the order they are to be listed; 序号 is the position, from 1. */
  readonly rows: ReadonlyArray<ArrangementRow>
}

// ---------------------------------------------------------------------------------------------------------------
// 报名表 (registration form): seed 000 附件 "杨浦区选派干部担任居民区党组织书记报名表", "请正反打印".

/** One line of 学习工作简历, e.g. 2008-09 … 2012-07 "复旦大学法学院法学专业学习". */
export interface ResumeEntry {
  /** Start of the period; printed `YYYY.MM`. */
  readonly from: IsoDate
  /** End of the period; omitted for the current position, printed "至今". */
  readonly to?: IsoDate
  /** What the person did, as one line of text (may wrap). */
  readonly text: string
}

/** One row of 家庭主要成员及重要社会关系. */
export interface FamilyMember {
  /** 称谓, e.g. "父亲", "配偶". */
  readonly relation: string
  /** 姓名. */
  readonly name: string
  /** 出生日期; printed 出生年月 `YYYY.MM`. Omitted when unknown. */
  readonly birthDate?: IsoDate
  /** 政治面貌, e.g. "群众". */
  readonly politicalStatus: string
  /** 工作单位及职务, e.g. "已退休". */
  readonly workUnitAndPost: string
}

/** One education record of the 学历学位 rows (全日制教育 / 在职教育). */
export interface EducationEntry {
  /** 学历学位, e.g. "大学本科　法学学士". */
  readonly degree: string
  /** 毕业院校系及专业, e.g. "复旦大学法学院法学专业". */
  readonly school: string
}

/** 推荐单位意见: seed 000 二（一）: the unit's Party committee meeting approves and recommends the name. */
export interface Recommendation {
  /** 推荐单位 (the seal line), e.g. "中共上海市杨浦区民政局党组". */
  readonly unit: string
  /** 推荐意见, e.g. "该同志政治立场坚定……同意推荐。". */
  readonly opinion: string
  /** The meeting that approved it, e.g. "局党组会议". */
  readonly meeting: string
  /** Date of that meeting. */
  readonly meetingDate: IsoDate
  /** Date the unit signs and seals the form; defaults to `meetingDate`. */
  readonly signedOn?: IsoDate
}

/** One finding of the eligibility check that the form lists (a rule that did not simply pass). */
export interface EligibilityItem {
  /**
   * "fail" = not met (不符合); "waived" = not met, limit relaxed for this person (已放宽, 000 一（一）5
   * "特别优秀的，可适当放宽限制"); "needs_review" = a reviewer must attest it (待审核).
   */
  readonly status: "fail" | "waived" | "needs_review"
  /** The clause applied, e.g. "000 一（一）1" (kernel `formatCitation`). */
  readonly clause: string
  /** The rule, e.g. "党龄满三年". */
  readonly rule: string
  /** Why, in Chinese, e.g. "转正日期2019年3月1日，至基准日党龄1年". For "waived": the reason and approver. */
  readonly reason: string
}

/** 资格比对结论: the kernel Verdict, already put into words by the caller. */
export interface EligibilityConclusion {
  /** The kernel's outcome: "eligible" 符合报名条件, "ineligible" 不符合报名条件, "needs_review" 待审核. */
  readonly outcome: "eligible" | "ineligible" | "needs_review"
  /** The scheme compared against, e.g. "杨浦区选派干部担任居民区党组织书记方案（第1版）". */
  readonly scheme: string
  /** The reference date ages and Party standing were counted on. */
  readonly referenceDate: IsoDate
  /** Every finding that is not a plain pass. "ineligible" needs at least one "fail" (else it throws). */
  readonly items: ReadonlyArray<EligibilityItem>
}

/** The 基本情况 of the applicant. */
export interface Applicant {
  readonly name: string
  /** 性别, "男" / "女". */
  readonly sex: string
  /** 出生日期; printed `YYYY.MM`. */
  readonly birthDate: IsoDate
  /** 年龄 in full years on the eligibility reference date; printed after 出生年月 as "（30岁）". */
  readonly age: number
  /** 民族. */
  readonly ethnicity: string
  /** 籍贯. */
  readonly nativePlace: string
  /** 出生地. */
  readonly birthPlace: string
  /** 政治面貌. */
  readonly politicalStatus: string
  /** 入党时间; omitted for non-members. */
  readonly partyJoinDate?: IsoDate
  /** 参加工作时间. */
  readonly workStartDate: IsoDate
  /** 健康状况, e.g. "健康". */
  readonly health: string
  /** 人员类别 (编制), e.g. "公务员", "参公", "事业单位在编". */
  readonly employmentCategory: string
  /** 职级, e.g. "一级科员". */
  readonly rank: string
  /** 全日制教育. */
  readonly fullTimeEducation?: EducationEntry
  /** 在职教育. */
  readonly inServiceEducation?: EducationEntry
  /** 工作单位及职务. */
  readonly workUnitAndPost: string
  /** 身份证号, already masked (or not) by the caller. */
  readonly idNumber: string
  /** 联系电话, already masked (or not) by the caller. */
  readonly phone: string
  /** 熟悉专业有何专长. */
  readonly specialty?: string
  /** 证件照, JPEG or PNG bytes; without it the photo box says "照片". */
  readonly photo?: Uint8Array
}

export interface RegistrationFormInput {
  /** The form's title, e.g. "杨浦区选派干部担任居民区党组织书记报名表" (000 附件). */
  readonly formTitle: string
  /** 编号 printed top left, e.g. the application number. */
  readonly applicationNo?: string
  /** 填表日期 printed top right. */
  readonly filledOn?: IsoDate
  /**
   * The date the document is produced: the PDF's CreationDate. Passed in (no clock here), which also makes the
   * output byte-for-byte reproducible.
   */
  readonly generatedOn: IsoDate
  readonly applicant: Applicant
  /** 报名渠道, e.g. "单位推荐". */
  readonly channel: string
  /** 意向岗位 / 居民区, when the campaign asks for one. */
  readonly intendedPost?: string
  /** 学习工作简历, oldest first. */
  readonly resume: ReadonlyArray<ResumeEntry>
  /** 奖惩情况; "无" when there are none (an empty string prints "无" as well). */
  readonly rewardsAndPunishments: string
  /** 近三年年度考核结果, e.g. "2017年称职，2018年优秀，2019年称职". */
  readonly annualAssessments?: string
  /** 家庭主要成员及重要社会关系. The box always has at least 4 rows, blank ones to fill by hand. */
  readonly family: ReadonlyArray<FamilyMember>
  /** 推荐单位意见; omitted for self-registration (the box says so). */
  readonly recommendation?: Recommendation
  /** 资格比对结论. */
  readonly eligibility: EligibilityConclusion
}
