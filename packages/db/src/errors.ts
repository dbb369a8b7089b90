import { Text } from "@cadre/domain"
import { Data, Schema } from "effect"

/**
 * Errors of the storage layer. Domain-meaningful ones are Schema.TaggedError nouns the router maps to codes
 * (NotFound → 404, StaleVersion / Conflict → 409, InvalidInput → 400, Access.Forbidden → 403); each carries a
 * bilingual `message` ({zh, en}) to show unchanged. Infrastructure failures are DatabaseError (→ 500, logged).
 */

type TextT = typeof Text.Type
const both = (t: TextT): string => `${t.zh} / ${t.en}`

/** The database could not be reached or a statement failed for a reason that is not the caller's. */
export class DatabaseError extends Data.TaggedError("DatabaseError")<{
  readonly operation: string
  readonly cause: unknown
}> {
  get text(): TextT {
    const detail = this.cause instanceof Error ? this.cause.message : String(this.cause)
    return {
      zh: `数据库操作失败（${this.operation}）：${detail}`,
      en: `database operation failed (${this.operation}): ${detail}`,
    }
  }
  override get message(): string {
    return both(this.text)
  }
}

/** A stored row does not decode through its kernel Schema: a defect (corrupt data), never a caller's error. */
export class CorruptRow extends Data.TaggedError("CorruptRow")<{
  readonly table: string
  readonly id: string
  readonly detail: string
}> {
  override get message(): string {
    return `数据库中的记录已损坏：${this.table} ${this.id}：${this.detail} / corrupt row in ${this.table} (${this.id}): ${this.detail}`
  }
}

/** The thing does not exist, or lies outside the caller's scope (the two are not told apart, on purpose). */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  entity: Schema.String,
  id: Schema.String,
  message: Text,
}) {}

/** The caller's copy is out of date: someone changed the row since it was read. Nothing was written. */
export class StaleVersion extends Schema.TaggedError<StaleVersion>()("StaleVersion", {
  entity: Schema.String,
  id: Schema.String,
  expected: Schema.Int,
  actual: Schema.Int,
  message: Text,
}) {}

/** The command contradicts the stored state (duplicate key, published version, merged region…). */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", {
  entity: Schema.String,
  id: Schema.String,
  reason: Schema.String,
  message: Text,
}) {}

/** Input that does not decode through the kernel Schema; one issue per problem, each bilingual. */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  entity: Schema.String,
  issues: Schema.Array(Schema.Struct({ path: Schema.String, message: Text })),
  message: Text,
}) {}

const ENTITY_LABELS: Readonly<Record<string, TextT>> = {
  region: { zh: "区域", en: "region" },
  unit: { zh: "单位", en: "unit" },
  post: { zh: "岗位", en: "post" },
  person: { zh: "人员信息", en: "person" },
  import: { zh: "导入任务", en: "import job" },
  scheme: { zh: "方案", en: "scheme" },
  campaign: { zh: "选派批次", en: "campaign" },
  application: { zh: "报名（推荐）记录", en: "application" },
  task: { zh: "办理任务", en: "task" },
  calendar_year: { zh: "年度节假日安排", en: "calendar year" },
  calendar_local_year: { zh: "本地工作日调整", en: "local working-day adjustment" },
  placement: { zh: "任职安排", en: "placement" },
  leave: { zh: "请假记录", en: "leave request" },
  report: { zh: "报告任务", en: "report" },
  inspection: { zh: "巡查记录", en: "inspection" },
  mentoring: { zh: "结对帮带", en: "mentoring pair" },
  training: { zh: "培训记录", en: "training record" },
  assessment: { zh: "考核记录", en: "assessment" },
  survey: { zh: "满意度测评", en: "survey" },
  archive: { zh: "个人档案", en: "archive" },
  pool_review: { zh: "后备干部队伍审核", en: "pool review" },
  account: { zh: "账号", en: "account" },
  api_token: { zh: "接口令牌", en: "API token" },
  evaluation: { zh: "评价记录", en: "evaluation" },
  reserve: { zh: "后备干部", en: "reserve cadre" },
  reserve_member: { zh: "后备干部人选", en: "reserve cadre member" },
  demo: { zh: "演示数据", en: "demo data" },
}
const label = (entity: string): TextT => ENTITY_LABELS[entity] ?? { zh: entity, en: entity }

/** NotFound with its standard message. */
export const notFound = (entity: string, id: string): NotFound => {
  const l = label(entity)
  return new NotFound({
    entity,
    id,
    message: { zh: `未找到${l.zh}：${id}`, en: `${l.en} not found: ${id}` },
  })
}

/** StaleVersion with its standard message. */
export const staleVersion = (entity: string, id: string, expected: number, actual: number): StaleVersion => {
  const l = label(entity)
  return new StaleVersion({
    entity,
    id,
    expected,
    actual,
    message: {
      zh: `${l.zh}“${id}”已被他人修改（您的版本 ${expected}，当前版本 ${actual}），请刷新后重试`,
      en: `${l.en} "${id}" was changed by someone else (your version ${expected}, current ${actual}); reload and try again`,
    },
  })
}

/** Conflict with a given message. */
export const conflict = (entity: string, id: string, reason: string, message: TextT): Conflict =>
  new Conflict({ entity, id, reason, message })
