/**
 * Decode errors people can read: every problem names the field in Chinese and English and says what is wrong
 * in both languages, e.g. "出生日期（birthDate）：日期格式应为 YYYY-MM-DD 且为真实日期" /
 * "birth date (birthDate): date must be YYYY-MM-DD and a real calendar date".
 *
 * Conventions it relies on (used throughout the kernel's schemas):
 * - a field's `title` annotation is "中文 / English"; titles without " / " (such as Effect's built-in
 *   "string" or "maxLength(50)") are not used as field names, the property key is used instead;
 * - a custom message (filter result or `message` annotation) is "中文 / English"; one without " / " is
 *   shown as is in both languages.
 *
 * @since 0.1.0
 */

import { Effect, Either, Option, type ParseResult, Schema, SchemaAST as AST } from "effect"
import type { Lang, Text } from "./Text.js"

/**
 * One problem found while decoding.
 *
 * @category models
 * @since 0.1.0
 */
export interface DecodeMessage {
  /** Where in the input: property keys and array indices, outermost first. */
  readonly path: ReadonlyArray<string | number>
  /** The field's name from its title annotation (falls back to the property key). */
  readonly field: Text
  /** What is wrong. */
  readonly message: Text
  /** The whole line, in the language asked for (both, "zh / en", when none was asked for). */
  readonly text: string
}

const SEPARATOR = " / "

/**
 * Split "中文 / English" into its two halves; a string without the separator is used for both.
 *
 * @category utils
 * @since 0.1.0
 */
export const splitBilingual = (s: string): Text => {
  const i = s.indexOf(SEPARATOR)
  return i > 0 ? { zh: s.slice(0, i), en: s.slice(i + SEPARATOR.length) } : { zh: s, en: s }
}

/** A bilingual title annotation of this AST node, if it has one. */
const bilingualTitle = (annotations: AST.Annotations): Text | undefined => {
  const title = annotations[AST.TitleAnnotationId]
  return typeof title === "string" && title.indexOf(SEPARATOR) > 0 ? splitBilingual(title) : undefined
}

/** The title of a type, looking through `X | undefined` (what `Schema.optional` produces). */
const typeTitle = (ast: AST.AST): Text | undefined => {
  const own = bilingualTitle(ast.annotations)
  if (own !== undefined || !AST.isUnion(ast)) return own
  const defined = ast.types.filter((t) => !AST.isUndefinedKeyword(t))
  return defined.length === 1 && defined[0] !== undefined ? typeTitle(defined[0]) : undefined
}

interface Member {
  readonly annotations: AST.Annotations | undefined
  readonly type: AST.AST
  /** A record's free key (an index signature): the caller chose it, so it is no field name. */
  readonly free?: true
}

/** The property or element `key` of a container schema, looking through refinements, transformations, unions. */
const findMember = (ast: AST.AST | undefined, key: PropertyKey, depth = 0): Member | undefined => {
  if (ast === undefined || depth > 20) return undefined
  switch (ast._tag) {
    case "TypeLiteral": {
      const ps = ast.propertySignatures.find((p) => p.name === key)
      if (ps !== undefined) return { annotations: ps.annotations, type: ps.type }
      const is = ast.indexSignatures[0]
      return is === undefined ? undefined : { annotations: undefined, type: is.type, free: true }
    }
    case "TupleType": {
      if (typeof key !== "number") return undefined
      const el = ast.elements[key]
      if (el !== undefined) return { annotations: el.annotations, type: el.type }
      const rest = ast.rest[0]
      return rest === undefined ? undefined : { annotations: rest.annotations, type: rest.type }
    }
    case "Refinement":
      return findMember(ast.from, key, depth + 1)
    case "Transformation":
      return findMember(ast.to, key, depth + 1) ?? findMember(ast.from, key, depth + 1)
    case "Union":
      for (const t of ast.types) {
        const m = findMember(t, key, depth + 1)
        if (m !== undefined) return m
      }
      return undefined
    case "Suspend":
      return findMember(ast.f(), key, depth + 1)
    default:
      return undefined
  }
}

interface CurrentMessage {
  readonly message: string
  readonly override: boolean
}

const runMessage = (m: string | Effect.Effect<string>): string | undefined => {
  if (typeof m === "string") return m
  try {
    return Effect.runSync(m)
  } catch {
    return undefined
  }
}

/** The `message` annotation of the issue's schema, evaluated (mirrors Effect's own formatters). */
const currentMessage = (issue: ParseResult.ParseIssue): CurrentMessage | undefined => {
  if (!("ast" in issue)) return undefined
  const annotation = AST.getMessageAnnotation(issue.ast)
  if (Option.isNone(annotation)) return undefined
  const out = annotation.value(issue)
  if (typeof out === "string" || Effect.isEffect(out)) {
    const message = runMessage(out)
    return message === undefined ? undefined : { message, override: false }
  }
  const message = runMessage(out.message)
  return message === undefined ? undefined : { message, override: out.override }
}

/** A message annotation that applies at this node, following Effect's override rules (ParseResult.getMessage). */
const annotatedMessage = (issue: ParseResult.ParseIssue): string | undefined => {
  const current = currentMessage(issue)
  if (current === undefined) return undefined
  const useInner =
    !current.override &&
    (issue._tag === "Composite" ||
      (issue._tag === "Refinement" && issue.kind === "From") ||
      (issue._tag === "Transformation" && issue.kind !== "Transformation"))
  if (!useInner) return current.message
  return issue._tag === "Refinement" || issue._tag === "Transformation"
    ? annotatedMessage(issue.issue)
    : undefined
}

const show = (v: unknown): string => (typeof v === "string" ? v : String(JSON.stringify(v) ?? v))

/** The literal values of a literal or a union of literals; `undefined` if the schema is something else. */
const literalsOf = (ast: AST.AST): ReadonlyArray<AST.LiteralValue> | undefined => {
  if (AST.isLiteral(ast)) return [ast.literal]
  if (AST.isEnums(ast)) return ast.enums.map(([, v]) => v)
  if (!AST.isUnion(ast)) return undefined
  const out: Array<AST.LiteralValue> = []
  for (const t of ast.types) {
    const ls = literalsOf(t)
    if (ls === undefined) return undefined
    out.push(...ls)
  }
  return out
}

const KEYWORD_NAMES: Partial<Record<AST.AST["_tag"], Text>> = {
  StringKeyword: { zh: "文本", en: "a string" },
  NumberKeyword: { zh: "数字", en: "a number" },
  BooleanKeyword: { zh: "是或否（true / false）", en: "true or false" },
  BigIntKeyword: { zh: "整数", en: "an integer" },
  TypeLiteral: { zh: "对象", en: "an object" },
  TupleType: { zh: "数组（列表）", en: "an array (list)" },
  UndefinedKeyword: { zh: "空", en: "absent" },
}

/** Messages for Effect's built-in filters, read from their JSON Schema annotation (minLength, maximum…). */
const refinementMessage = (ast: AST.Refinement): Text | undefined => {
  const schemaId = ast.annotations[AST.SchemaIdAnnotationId]
  if (schemaId === Schema.TrimmedSchemaId)
    return { zh: "首尾不能有空格", en: "must not start or end with spaces" }
  if (schemaId === Schema.PatternSchemaId) return { zh: "格式不正确", en: "has the wrong format" }
  const js = ast.annotations[AST.JSONSchemaAnnotationId]
  if (typeof js !== "object" || js === null) return undefined
  const j = js as Record<string, unknown>
  const num = (k: string): number | undefined => (typeof j[k] === "number" ? (j[k] as number) : undefined)
  const minLength = num("minLength")
  const maxLength = num("maxLength")
  if (minLength !== undefined && maxLength !== undefined)
    return minLength === maxLength
      ? { zh: `长度应为 ${minLength} 个字符`, en: `must be exactly ${minLength} character(s) long` }
      : {
          zh: `长度应在 ${minLength} 到 ${maxLength} 个字符之间`,
          en: `must be ${minLength} to ${maxLength} characters long`,
        }
  if (minLength === 1) return { zh: "不能为空", en: "must not be empty" }
  if (minLength !== undefined)
    return { zh: `至少 ${minLength} 个字符`, en: `must be at least ${minLength} characters` }
  if (maxLength !== undefined)
    return { zh: `不能超过 ${maxLength} 个字符`, en: `must be at most ${maxLength} characters` }
  const minItems = num("minItems")
  if (minItems !== undefined)
    return { zh: `至少应有 ${minItems} 项`, en: `must have at least ${minItems} item(s)` }
  const maxItems = num("maxItems")
  if (maxItems !== undefined)
    return { zh: `不能超过 ${maxItems} 项`, en: `must have at most ${maxItems} item(s)` }
  const minimum = num("minimum")
  const maximum = num("maximum")
  if (minimum !== undefined && maximum !== undefined)
    return { zh: `应在 ${minimum} 到 ${maximum} 之间`, en: `must be between ${minimum} and ${maximum}` }
  if (minimum !== undefined) return { zh: `不能小于 ${minimum}`, en: `must be at least ${minimum}` }
  if (maximum !== undefined) return { zh: `不能大于 ${maximum}`, en: `must be at most ${maximum}` }
  const exclusiveMinimum = num("exclusiveMinimum")
  if (exclusiveMinimum !== undefined)
    return { zh: `应大于 ${exclusiveMinimum}`, en: `must be greater than ${exclusiveMinimum}` }
  const exclusiveMaximum = num("exclusiveMaximum")
  if (exclusiveMaximum !== undefined)
    return { zh: `应小于 ${exclusiveMaximum}`, en: `must be less than ${exclusiveMaximum}` }
  if (j.type === "integer") return { zh: "应为整数", en: "must be an integer" }
  return undefined
}

/** A message for a `Type` issue that carries no custom message. */
const typeMessage = (ast: AST.AST): Text => {
  const literals = literalsOf(ast)
  if (literals !== undefined) {
    const zh = literals.map(show).join("、")
    const en = literals.map(show).join(", ")
    return literals.length === 1
      ? { zh: `应为 ${zh}`, en: `must be ${en}` }
      : { zh: `应为以下之一：${zh}`, en: `must be one of: ${en}` }
  }
  if (AST.isRefinement(ast)) {
    const known = refinementMessage(ast)
    if (known !== undefined) return known
    const expected = Option.getOrElse(
      Option.orElse(AST.getDescriptionAnnotation(ast), () => AST.getTitleAnnotation(ast)),
      () => String(ast),
    )
    // Effect's own descriptions are English ("a valid Date"): the Chinese side says only that it does not fit.
    const both = expected.indexOf(SEPARATOR) > 0 ? splitBilingual(expected) : undefined
    return both === undefined
      ? { zh: "不符合要求", en: `must be ${expected}` }
      : { zh: `应为${both.zh}`, en: `must be ${both.en}` }
  }
  if (AST.isTemplateLiteral(ast)) return { zh: "格式不正确", en: "has the wrong format" }
  const name = KEYWORD_NAMES[ast._tag]
  if (name !== undefined) return { zh: `应为${name.zh}`, en: `must be ${name.en}` }
  return { zh: "类型不符", en: `must be ${String(ast)}` }
}

const REQUIRED: Text = { zh: "必填", en: "is required" }
const UNEXPECTED: Text = { zh: "不允许的字段", en: "is not an allowed field" }
const FORBIDDEN: Text = { zh: "无法同步校验", en: "cannot be checked synchronously" }
const ROOT_FIELD: Text = { zh: "输入", en: "input" }

interface Found {
  readonly path: ReadonlyArray<string | number>
  readonly field: Text
  readonly message: Text
}

const keyOf = (k: PropertyKey): string | number => (typeof k === "symbol" ? String(k) : k)

/** Drop the "must be absent" alternative that `Schema.optional` adds (`X | undefined`) when a value was given. */
const withoutUndefinedNoise = (
  issues: ReadonlyArray<ParseResult.ParseIssue>,
): ReadonlyArray<ParseResult.ParseIssue> => {
  const kept = issues.filter((i) => !(i._tag === "Type" && AST.isUndefinedKeyword(i.ast)))
  return kept.length > 0 ? kept : issues
}

/**
 * Names of fields whose schema carries no title of its own (nested parts of a scheme, a move's payload…), so that a
 * decode error never names a field by its English key. A schema's own title wins; `value` (the value of a cited
 * parameter) is named after its parameter.
 *
 * @category constants
 * @since 0.1.0
 */
export const FIELD_NAMES: Readonly<Record<string, Text>> = {
  ability: { zh: "工作能力", en: "ability" },
  action: { zh: "处理方式", en: "action" },
  after: { zh: "触发条件", en: "after" },
  afterTerm: { zh: "期满后安排", en: "after the term" },
  agree: { zh: "是否同意", en: "agrees" },
  amount: { zh: "数量", en: "amount" },
  appliesTo: { zh: "适用对象", en: "applies to" },
  areas: { zh: "评定方面", en: "areas" },
  asRole: { zh: "试用身份", en: "as role" },
  assignment: { zh: "任职方式", en: "assignment" },
  atLeast: { zh: "最少次数", en: "at least" },
  bands: { zh: "分档", en: "bands" },
  basicallySatisfied: { zh: "基本满意计法", en: '"basically satisfied" counting' },
  basis: { zh: "依据", en: "basis" },
  body: { zh: "会议名称", en: "meeting body" },
  bound: { zh: "上限或下限", en: "bound" },
  cadence: { zh: "频次", en: "cadence" },
  cadreWishes: { zh: "干部本人意愿", en: "cadre's wishes" },
  candidates: { zh: "人选数", en: "candidates" },
  caps: { zh: "上限", en: "caps" },
  categories: { zh: "类别", en: "categories" },
  channels: { zh: "报名渠道", en: "channels" },
  citation: { zh: "依据条款", en: "citation" },
  comparator: { zh: "比较方式", en: "comparator" },
  conclusion: { zh: "结论", en: "conclusion" },
  confirmation: { zh: "转正方式", en: "confirmation" },
  consequences: { zh: "后果", en: "consequences" },
  consulted: { zh: "已征求意见", en: "consulted" },
  countedAmong: { zh: "计入范围", en: "counted among" },
  counts: { zh: "票数", en: "counts" },
  cycleId: { zh: "考核周期", en: "cycle" },
  cycleIds: { zh: "考核周期", en: "cycles" },
  cycles: { zh: "考核周期", en: "cycles" },
  day: { zh: "日", en: "day" },
  days: { zh: "天数", en: "days" },
  deadline: { zh: "截止时间", en: "deadline" },
  decision: { zh: "决定", en: "decision" },
  denominator: { zh: "分母", en: "denominator" },
  department: { zh: "部门", en: "department" },
  description: { zh: "说明", en: "description" },
  effect: { zh: "效果", en: "effect" },
  eligible: { zh: "是否符合条件", en: "eligible" },
  employment: { zh: "人员性质", en: "employment" },
  en: { zh: "英文", en: "English" },
  event: { zh: "事件", en: "event" },
  evidence: { zh: "依据材料", en: "evidence" },
  exclusions: { zh: "排除情形", en: "exclusions" },
  expected: { zh: "要求值", en: "expected" },
  favourable: { zh: "是否计为满意", en: "favourable" },
  finding: { zh: "考察结论", en: "finding" },
  findings: { zh: "考察情况", en: "findings" },
  formatVersion: { zh: "格式版本", en: "format version" },
  fourEvaluations: { zh: "四评", en: "four evaluations" },
  from: { zh: "起始", en: "from" },
  gradeBands: { zh: "等次分数线", en: "grade bands" },
  grades: { zh: "等次", en: "grades" },
  id: { zh: "编号", en: "id" },
  incentives: { zh: "激励措施", en: "incentives" },
  includeMerged: { zh: "包含已合并区域", en: "include merged regions" },
  items: { zh: "项目", en: "items" },
  key: { zh: "代码", en: "key" },
  kind: { zh: "类型", en: "kind" },
  label: { zh: "名称", en: "label" },
  leave: { zh: "请假规定", en: "leave" },
  length: { zh: "期限", en: "length" },
  max: { zh: "最多", en: "max" },
  maxAge: { zh: "最大年龄", en: "maximum age" },
  maxPoints: { zh: "满分", en: "maximum points" },
  measure: { zh: "衡量指标", en: "measure" },
  meeting: { zh: "会议", en: "meeting" },
  mentorCapacity: { zh: "帮带人数", en: "mentor capacity" },
  message: { zh: "说明", en: "message" },
  min: { zh: "最少", en: "min" },
  minPerCommunity: { zh: "每个社区最少人数", en: "minimum per community" },
  minPoints: { zh: "最低分", en: "minimum points" },
  minRaters: { zh: "最少评分人数", en: "minimum raters" },
  month: { zh: "月", en: "month" },
  move: { zh: "操作", en: "move" },
  name: { zh: "名称", en: "name" },
  note: { zh: "备注", en: "note" },
  numerator: { zh: "分子", en: "numerator" },
  objectionId: { zh: "异议编号", en: "objection id" },
  opinions: { zh: "意见", en: "opinions" },
  organiser: { zh: "主办单位", en: "organiser" },
  otherwise: { zh: "否则", en: "otherwise" },
  outcome: { zh: "结果", en: "outcome" },
  part: { zh: "时段", en: "part" },
  parts: { zh: "组成部分", en: "parts" },
  passed: { zh: "是否通过", en: "passed" },
  per: { zh: "每", en: "per" },
  period: { zh: "期限", en: "period" },
  places: { zh: "职数", en: "places" },
  politics: { zh: "政治素质", en: "politics" },
  pool: { zh: "后备干部队伍", en: "pool" },
  postId: { zh: "岗位", en: "post" },
  preferences: { zh: "优先条件", en: "preferences" },
  probation: { zh: "试用期", en: "probation" },
  provisions: { zh: "条款", en: "provisions" },
  quotas: { zh: "比例限制", en: "quotas" },
  rater: { zh: "评分人", en: "rater" },
  raters: { zh: "评定人", en: "raters" },
  reason: { zh: "理由", en: "reason" },
  recalls: { zh: "召回次数", en: "recalls" },
  recommendation: { zh: "推荐信息", en: "recommendation" },
  ref: { zh: "关联编号", en: "reference" },
  reference: { zh: "文号", en: "reference" },
  referenceDate: { zh: "计算基准日", en: "reference date" },
  refusedWaivers: { zh: "未准予的放宽", en: "refused waivers" },
  relation: { zh: "关系", en: "relation" },
  relations: { zh: "关系", en: "relations" },
  removals: { zh: "调出人员", en: "removals" },
  reportBack: { zh: "述职评议", en: "report back" },
  reports: { zh: "报告", en: "reports" },
  residentDimensions: { zh: "群众评议维度", en: "resident dimensions" },
  residentOptions: { zh: "群众评议选项", en: "resident options" },
  respondents: { zh: "测评对象", en: "respondents" },
  result: { zh: "结果", en: "result" },
  reviewer: { zh: "审核人", en: "reviewer" },
  roles: { zh: "角色", en: "roles" },
  rounding: { zh: "取整方式", en: "rounding" },
  rules: { zh: "规则", en: "rules" },
  schemeId: { zh: "方案", en: "scheme" },
  schemeVersion: { zh: "方案版本", en: "scheme version" },
  score: { zh: "分数", en: "score" },
  scorer: { zh: "评分部门", en: "scorer" },
  scorers: { zh: "评分部门", en: "scorers" },
  scores: { zh: "评分", en: "scores" },
  scoring: { zh: "量化考核", en: "scoring" },
  secretaryTypes: { zh: "书记类型", en: "secretary types" },
  service: { zh: "服务能力", en: "service" },
  shortlistRatio: { zh: "差额比例", en: "shortlist ratio" },
  sources: { zh: "文件依据", en: "sources" },
  stageId: { zh: "环节", en: "stage" },
  stages: { zh: "环节", en: "stages" },
  standards: { zh: "标准", en: "standards" },
  standing: { zh: "群众认可度", en: "standing" },
  starRating: { zh: "星级评定", en: "star rating" },
  stars: { zh: "星级", en: "stars" },
  state: { zh: "状态", en: "state" },
  status: { zh: "状态", en: "status" },
  subject: { zh: "对象", en: "subject" },
  summary: { zh: "概要", en: "summary" },
  support: { zh: "支持措施", en: "support" },
  survey: { zh: "满意度测评", en: "survey" },
  tag: { zh: "标签", en: "tag" },
  targetRole: { zh: "选派岗位类型", en: "target role" },
  team: { zh: "考察组", en: "team" },
  text: { zh: "内容", en: "text" },
  title: { zh: "标题", en: "title" },
  to: { zh: "截止", en: "to" },
  topic: { zh: "主题", en: "topic" },
  training: { zh: "培训要求", en: "training" },
  triggerId: { zh: "触发情形", en: "trigger" },
  triggers: { zh: "触发情形", en: "triggers" },
  types: { zh: "类型", en: "types" },
  unit: { zh: "单位", en: "unit" },
  units: { zh: "单位", en: "units" },
  upToDays: { zh: "最多天数", en: "up to days" },
  upheld: { zh: "是否成立", en: "upheld" },
  version: { zh: "版本", en: "version" },
  votes: { zh: "票数", en: "votes" },
  waivable: { zh: "可否放宽", en: "waivable" },
  weight: { zh: "权重", en: "weight" },
  weights: { zh: "权重", en: "weights" },
  when: { zh: "条件", en: "when" },
  year: { zh: "年度", en: "year" },
  yearOffset: { zh: "年份偏移", en: "year offset" },
  years: { zh: "年限", en: "years" },
  youngShare: { zh: "年轻干部比例", en: "young share" },
  yuan: { zh: "金额（元）", en: "amount (yuan)" },
  zh: { zh: "中文", en: "Chinese" },
}

/** Look `key` up in every schema that describes the value at hand (encoded and type sides, wrappers). */
function descend(
  containers: ReadonlyArray<AST.AST>,
  key: PropertyKey,
  field: Text,
): { readonly field: Text; readonly containers: ReadonlyArray<AST.AST> } {
  let title: Text | undefined
  let free = false
  const next: Array<AST.AST> = []
  for (const c of containers) {
    const member = findMember(c, key)
    if (member === undefined) continue
    free ||= member.free === true
    next.push(member.type)
    title ??=
      (member.annotations === undefined ? undefined : bilingualTitle(member.annotations)) ??
      typeTitle(member.type)
  }
  if (title !== undefined) return { field: title, containers: next }
  // An array element without a title of its own is named after the array; a union's tag after the union.
  if (typeof key === "number" || free) return { field, containers: next }
  if (key === "_tag") return { field: { zh: `${field.zh}类型`, en: `${field.en} kind` }, containers: next }
  if (key === "value") return { field, containers: next }
  const named = typeof key === "string" && Object.hasOwn(FIELD_NAMES, key) ? FIELD_NAMES[key] : undefined
  return { field: named ?? { zh: String(key), en: String(key) }, containers: next }
}

/**
 * Walk the issue tree as Effect's ArrayFormatter does, carrying the field title and the schemas that
 * describe the current value (several: a struct with defaults has an encoded side without the titles).
 */
function collect(
  issue: ParseResult.ParseIssue,
  path: ReadonlyArray<string | number>,
  field: Text,
  containers: ReadonlyArray<AST.AST>,
  out: Array<Found>,
): void {
  const emit = (message: Text) => out.push({ path, field, message })
  switch (issue._tag) {
    case "Type": {
      const custom = annotatedMessage(issue) ?? issue.message
      emit(custom === undefined ? typeMessage(issue.ast) : splitBilingual(custom))
      return
    }
    case "Missing": {
      const missing = AST.getMissingMessageAnnotation(issue.ast)
      const custom = Option.isSome(missing) ? runMessage(missing.value()) : issue.message
      emit(custom === undefined ? REQUIRED : splitBilingual(custom))
      return
    }
    case "Unexpected":
      emit(UNEXPECTED)
      return
    case "Forbidden":
      emit(issue.message === undefined ? FORBIDDEN : splitBilingual(issue.message))
      return
    case "Pointer": {
      const keys: ReadonlyArray<PropertyKey> = typeof issue.path === "object" ? issue.path : [issue.path]
      // A required tuple element is missing (e.g. an empty non-empty array): say so about the array itself.
      const [only] = keys
      if (keys.length === 1 && typeof only === "number" && issue.issue._tag === "Missing")
        return void emit({ zh: `至少应有 ${only + 1} 项`, en: `must have at least ${only + 1} item(s)` })
      let at = { field, containers }
      const p = [...path]
      for (const key of keys) {
        at = descend(at.containers, key, at.field)
        p.push(keyOf(key))
      }
      collect(issue.issue, p, at.field, at.containers, out)
      return
    }
    case "Composite": {
      const custom = annotatedMessage(issue)
      if (custom !== undefined) return void emit(splitBilingual(custom))
      // A union of literals failed as a whole: one message listing the allowed values, not one per value.
      if (AST.isUnion(issue.ast) && literalsOf(issue.ast) !== undefined)
        return void emit(typeMessage(issue.ast))
      const issues: ReadonlyArray<ParseResult.ParseIssue> = Array.isArray(issue.issues)
        ? issue.issues
        : [issue.issues as ParseResult.ParseIssue]
      const inner = [issue.ast, ...containers]
      for (const i of AST.isUnion(issue.ast) ? withoutUndefinedNoise(issues) : issues)
        collect(i, path, field, inner, out)
      return
    }
    case "Refinement":
    case "Transformation": {
      const custom = annotatedMessage(issue)
      if (custom !== undefined) return void emit(splitBilingual(custom))
      collect(issue.issue, path, field, [issue.ast, ...containers], out)
      return
    }
  }
}

/**
 * The field at `path` inside values of `schema`, named by its title ("出生日期 / birth date"), as a decode error
 * would name it: for problems found before decoding (a NUL byte, a lone surrogate) that still name the field.
 *
 * @category utils
 * @since 0.1.0
 */
export const fieldAt = (schema: AST.AST, path: ReadonlyArray<PropertyKey>): Text => {
  let at: { readonly field: Text; readonly containers: ReadonlyArray<AST.AST> } = {
    field: typeTitle(schema) ?? ROOT_FIELD,
    containers: [schema],
  }
  for (const key of path) {
    // Past the schema (a key it does not have): name the innermost field it does have.
    if (!at.containers.some((c) => findMember(c, key) !== undefined)) return at.field
    at = descend(at.containers, key, at.field)
  }
  return at.field
}

/**
 * "education[0].level"
 *
 * @category utils
 * @since 0.1.0
 */
export const formatPath = (path: ReadonlyArray<string | number>): string =>
  path.reduce<string>(
    (acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc === "" ? k : `${acc}.${k}`),
    "",
  )

const line = (f: Found, lang: Lang): string => {
  const p = formatPath(f.path)
  const name = f.field[lang]
  if (lang === "zh") {
    const label = p === "" || p === name ? name : `${name}（${p}）`
    return `${label}：${f.message.zh}`
  }
  const label = p === "" || p === name ? name : `${name} (${p})`
  return `${label}: ${f.message.en}`
}

/**
 * Turn a decode error into one message per problem, each naming the field in both languages.
 * `lang` chooses the language of `text`; without it `text` is "中文 / English".
 *
 * @category utils
 * @since 0.1.0
 */
export function formatDecodeError(error: ParseResult.ParseError, lang?: Lang): ReadonlyArray<DecodeMessage> {
  const out: Array<Found> = []
  const top = error.issue
  const root =
    top._tag === "Type" ||
    top._tag === "Composite" ||
    top._tag === "Refinement" ||
    top._tag === "Transformation"
      ? typeTitle(top.ast)
      : undefined
  collect(error.issue, [], root ?? ROOT_FIELD, [], out)
  return out.map((f) => ({
    ...f,
    text: lang === undefined ? `${line(f, "zh")}${SEPARATOR}${line(f, "en")}` : line(f, lang),
  }))
}

/**
 * Join messages into one readable string: "；"-separated in Chinese, "; "-separated in English, and with no
 * language given, the Chinese sentence then the English one separated by " / ".
 *
 * @category utils
 * @since 0.1.0
 */
export function joinDecodeMessages(messages: ReadonlyArray<DecodeMessage>, lang?: Lang): string {
  const zh = messages.map((m) => line(m, "zh")).join("；")
  const en = messages.map((m) => line(m, "en")).join("; ")
  return lang === "zh" ? zh : lang === "en" ? en : `${zh}${SEPARATOR}${en}`
}

/**
 * `formatDecodeError` and `joinDecodeMessages` in one step.
 *
 * @category utils
 * @since 0.1.0
 */
export const formatDecodeErrorText = (error: ParseResult.ParseError, lang?: Lang): string =>
  joinDecodeMessages(formatDecodeError(error), lang)

/**
 * Decode unknown input, reporting every problem (not only the first) as bilingual messages.
 * Works for any context-free schema; the API uses it for every input it receives.
 *
 * @category utils
 * @since 0.1.0
 */
export const decodeUnknownWithMessages =
  <A, I>(schema: Schema.Schema<A, I, never>, options?: AST.ParseOptions) =>
  (input: unknown): Either.Either<A, ReadonlyArray<DecodeMessage>> =>
    Either.mapLeft(Schema.decodeUnknownEither(schema, { errors: "all", ...options })(input), (e) =>
      formatDecodeError(e),
    )
