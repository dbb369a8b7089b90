import { Access, type Text } from "@cadre/domain"
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server"
import { getHTTPStatusCodeFromError } from "@trpc/server/http"
import { JSONSchema, Schema } from "effect"
import { describeFailure, type Failure, FAILURE_TAGS } from "../errors.js"
import { KERNEL_INPUT, type KernelInput } from "../input.js"
import { appRouter } from "../root.js"
import type { Declaration, Meta } from "../trpc.js"
import { DESCRIPTIONS, EXAMPLE_VALUES } from "./descriptions.js"
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_TTL_HOURS } from "./idempotency.js"

/**
 * The OpenAPI 3.1 document of the API, generated from the router itself (docs/adr/0008-openapi.md): every
 * procedure an integrator may call, its input as the JSON Schema of the kernel Schema the procedure decodes with
 * (effect's `JSONSchema.fromAST`, target "openApi3.1", shared definitions under `#/components/schemas/`), its
 * declared permission, the error answers and the bilingual texts of descriptions.ts. The same table of operations
 * tells the REST handler (rest.ts) how to read a query's parameters, so the document and the server cannot
 * disagree.
 */

/** REST paths: `/api/v1/<router>.<procedure>`. */
export const REST_PREFIX = "/api/v1/"

/**
 * Procedures declared for any signed-in caller (`procedure.authenticated()`) that an integrator uses. The others
 * of that kind act on one's own records as an applicant or placed cadre (leave, reports, resubmit), or on the
 * session cookie (logout), and are left out.
 */
export const INTEGRATOR_SIGNED_IN: ReadonlyArray<string> = [
  "auth.me",
  "calendar.years",
  "calendar.year",
  "calendar.addWorkingDays",
  "calendar.local",
  "applications.get",
]

/** How a query parameter's text becomes the input value: verbatim (a string field) or parsed as JSON. */
export type ParamEncoding = "string" | "json"

/** One parameter of a query's REST form: one top-level field of its input. */
export interface RestParam {
  readonly name: string
  readonly required: boolean
  readonly encoding: ParamEncoding
  /** The field's JSON Schema, as in the document. */
  readonly schema: JSONSchema.JsonSchema7
}

/** One procedure as a REST operation. */
export interface RestOperation {
  /** The procedure path, "schemes.list"; the REST path is REST_PREFIX + this. */
  readonly procedure: string
  readonly type: "query" | "mutation"
  /** GET for a query (input in the query string), POST for a mutation (JSON body). */
  readonly method: "get" | "post"
  readonly access: Declaration
  /** The kernel Schema the procedure decodes its input with; absent: the procedure takes no input. */
  readonly input: Schema.Schema<unknown, unknown, never> | undefined
  /** The query parameters of a query with an object input; a mutation takes its input as the body. */
  readonly params: ReadonlyArray<RestParam>
}

type AnyProcedureDef = {
  readonly _def: {
    readonly type: "query" | "mutation" | "subscription"
    readonly meta?: Meta
    readonly inputs: ReadonlyArray<unknown>
  }
}

const isKernelInput = (u: unknown): u is KernelInput<unknown, unknown> =>
  typeof u === "object" && u !== null && KERNEL_INPUT in u

/** Whether an integrator may call a procedure with this declaration (the role's permissions, or signed-in). */
const integratorHolds = (path: string, access: Declaration | undefined): boolean => {
  if (access === undefined) return false
  if ("permission" in access) return Access.can({ role: "integrator" }, access.permission)
  if ("authenticated" in access) return INTEGRATOR_SIGNED_IN.includes(path)
  return false
}

const definitions: Record<string, JSONSchema.JsonSchema7> = {}
const toJsonSchema = (schema: Schema.Schema<unknown, unknown, never>): JSONSchema.JsonSchema7 =>
  JSONSchema.fromAST(schema.ast, {
    definitions,
    definitionPath: "#/components/schemas/",
    target: "openApi3.1",
  })

/** Follow `$ref`s into the shared definitions (a field's own keywords sit beside its `$ref`). */
const resolve = (s: JSONSchema.JsonSchema7): Record<string, unknown> => {
  let current = s as unknown as Record<string, unknown>
  for (let i = 0; i < 32 && typeof current.$ref === "string"; i++) {
    const name = current.$ref.replace("#/components/schemas/", "")
    const next = definitions[name] as unknown as Record<string, unknown> | undefined
    if (next === undefined) break
    current = { ...next, ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== "$ref")) }
  }
  return current
}

/** A field whose every value is a string is read verbatim from the query; anything else is JSON. */
const encodingOf = (s: JSONSchema.JsonSchema7): ParamEncoding => {
  const r = resolve(s)
  if (r.type === "string") return "string"
  if (Array.isArray(r.enum) && r.enum.every((v) => typeof v === "string")) return "string"
  if (typeof r.const === "string") return "string"
  return "json"
}

const scalarTypes = new Set(["number", "integer", "boolean"])

let operationsMemo: ReadonlyArray<RestOperation> | undefined

/** Every procedure an integrator may call, as a REST operation, in the router's order. */
export const integratorOperations = (): ReadonlyArray<RestOperation> => {
  if (operationsMemo !== undefined) return operationsMemo
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedureDef>
  const out: Array<RestOperation> = []
  for (const [path, p] of Object.entries(procedures)) {
    const access = p._def.meta?.access
    if (p._def.type === "subscription" || access === undefined || !integratorHolds(path, access)) continue
    const kernel = p._def.inputs.find(isKernelInput)
    const input = kernel?.schema as Schema.Schema<unknown, unknown, never> | undefined
    let params: ReadonlyArray<RestParam> = []
    if (input !== undefined && p._def.type === "query") {
      const json = resolve(toJsonSchema(input))
      const properties = (json.properties ?? {}) as Record<string, JSONSchema.JsonSchema7>
      const required = new Set((json.required ?? []) as ReadonlyArray<string>)
      params = Object.entries(properties).map(([name, schema]) => ({
        name,
        required: required.has(name),
        encoding: encodingOf(schema),
        schema,
      }))
    }
    out.push({
      procedure: path,
      type: p._def.type,
      method: p._def.type === "query" ? "get" : "post",
      access,
      input,
      params,
    })
  }
  operationsMemo = out
  return out
}

/** The REST operation at a path ("/api/v1/schemes.list"), if there is one. */
export const operationAt = (path: string): RestOperation | undefined =>
  path.startsWith(REST_PREFIX)
    ? integratorOperations().find((o) => o.procedure === path.slice(REST_PREFIX.length))
    : undefined

/**
 * A query's input from its query string: each parameter is one top-level field — a string field verbatim, any
 * other parsed as JSON (`version=2`, `includeMerged=true`, `profile={"…"}`); text that is not JSON is passed on as
 * it is, so the kernel Schema names the field in both languages. A repeated parameter is passed on as the list of
 * its values (and refused by the Schema unless the field is a list); a parameter the input does not have is
 * passed on too (and refused as an unexpected field).
 */
export const queryInput = (op: RestOperation, query: URLSearchParams): unknown => {
  if (op.input === undefined && [...query.keys()].length === 0) return undefined
  const byName = new Map(op.params.map((p) => [p.name, p]))
  const value = (name: string, text: string): unknown => {
    if (byName.get(name)?.encoding === "string") return text
    try {
      return JSON.parse(text)
    } catch {
      return text
    }
  }
  const out: Record<string, unknown> = {}
  for (const name of new Set(query.keys())) {
    const all = query.getAll(name).map((text) => value(name, text))
    out[name] = all.length === 1 ? all[0] : all
  }
  return out
}

/** The example input of an operation: descriptions.ts's, else its required fields from EXAMPLE_VALUES. */
export const exampleOf = (op: RestOperation): unknown => {
  const described = DESCRIPTIONS[op.procedure]
  if (described !== undefined && "example" in described) return described.example
  if (op.input === undefined) return undefined
  const json = resolve(toJsonSchema(op.input))
  const required = (json.required ?? []) as ReadonlyArray<string>
  return Object.fromEntries(required.map((name) => [name, EXAMPLE_VALUES[name] ?? "…"]))
}

// ---------------------------------------------------------------------------------------------------------------
// Errors

const Bilingual = Schema.Struct({ zh: Schema.String, en: Schema.String }).annotations({
  identifier: "Bilingual",
  title: "中英文文本 / text in Chinese and English",
})

/** The error body every error answer has, REST and tRPC alike (trpc.ts's formatter; apps/api's envelope). */
export const ErrorBody = Schema.Struct({
  error: Schema.Struct({
    message: Schema.String.annotations({
      description: "调用者语言的说明（x-lang 或 Accept-Language）/ the message in the caller's language",
    }),
    code: Schema.Int.annotations({ description: "JSON-RPC 2.0 错误码 / JSON-RPC 2.0 error code" }),
    data: Schema.Struct({
      code: Schema.String.annotations({ description: "tRPC 错误码 / tRPC error code (BAD_REQUEST …)" }),
      httpStatus: Schema.Int,
      path: Schema.optional(Schema.String.annotations({ description: "过程路径 / procedure path" })),
      tag: Schema.String.annotations({ description: "错误标签 / error tag (InvalidInput, NotFound …)" }),
      message: Bilingual,
      issues: Schema.Array(
        Schema.Struct({
          path: Schema.Array(Schema.Union(Schema.String, Schema.Number)),
          message: Bilingual,
        }),
      ).annotations({ description: "每个有误字段一项 / one entry per bad field" }),
      requestId: Schema.NullOr(Schema.String).annotations({
        description: "请求编号，亦见 X-Request-Id 头 / the request id, also in the X-Request-Id header",
      }),
      reason: Schema.optional(
        Schema.String.annotations({
          description:
            "规则代码（IllegalMove、IllegalPlacementMove、IllegalLeaveMove、Conflict），如 past_deadline / the rule's code of a refusal that has one, e.g. past_deadline",
        }),
      ),
    }),
  }),
}).annotations({ identifier: "ErrorBody", title: "错误应答 / error answer" })

/** An error the HTTP layer answers itself (apps/api's envelope.ts: 404, 405, 413, 415, 431, 403 cross-site …). */
export interface EdgeTag {
  readonly status: number
  readonly tag: string
}

/** A stand-in of each failure, enough for describeFailure to name its code (the message is not used). */
const probe = (tag: string): Failure =>
  ({
    _tag: tag,
    message: "- / -",
    text: { zh: "-", en: "-" },
    remaining: 0,
    until: "2026-01-01T00:00:00Z",
    problems: [],
    entity: "-",
    key: "-",
  }) as unknown as Failure

/** Each mapped failure tag with its HTTP status, from describeFailure (errors.ts) and tRPC's code → status. */
export const failureStatuses = (): ReadonlyArray<{ readonly tag: string; readonly status: number }> =>
  [...FAILURE_TAGS].map((tag) => {
    const code: TRPC_ERROR_CODE_KEY = describeFailure(probe(tag)).code
    return { tag, status: getHTTPStatusCodeFromError(new TRPCError({ code })) }
  })

const STATUS_TEXT: Readonly<Record<number, Text>> = {
  400: { zh: "输入或请求有误", en: "Bad input or request" },
  401: { zh: "未登录或令牌无效", en: "Not signed in, or the token is not valid" },
  403: { zh: "无权进行此操作", en: "Forbidden" },
  404: { zh: "不存在或不在管辖范围内", en: "Not found, or outside your scope" },
  405: { zh: "请求方法不对", en: "Method not supported" },
  409: { zh: "与已存状态冲突", en: "Conflicts with the stored state" },
  422: {
    zh: "幂等键已用于另一个请求",
    en: "The idempotency key was used for another request",
  },
  412: { zh: "前提条件未满足", en: "A precondition is missing" },
  413: { zh: "请求内容过大", en: "Request too large" },
  415: { zh: "请求内容类型不对", en: "Unsupported content type" },
  429: { zh: "请求过于频繁", en: "Too many requests" },
  431: { zh: "请求头过长", en: "Request headers too large" },
  500: { zh: "服务器内部错误", en: "Internal server error" },
}

/** Error answers every operation lists (429 only concerns sign-in, which integrators do not call). */
const OPERATION_ERRORS = [400, 401, 403, 404, 409, 412, 413, 415, 500] as const
/** Commands may also answer 422: their Idempotency-Key was used for another request. */
const COMMAND_ERRORS = [422] as const

const IDEMPOTENCY_PARAMETER = {
  name: IDEMPOTENCY_HEADER,
  in: "header",
  required: false,
  schema: { type: "string", minLength: 1, maxLength: 128, pattern: IDEMPOTENCY_KEY_PATTERN },
  description:
    `可选。同一账号以同一键重试同一请求时，返回首次的应答（状态与内容，带 Idempotency-Replayed: true 头），操作不会执行两次；键保留 ${IDEMPOTENCY_TTL_HOURS} 小时。同一键用于不同请求：422 IdempotencyKeyReused；首次请求仍在处理：409 IdempotencyKeyInProgress。 / ` +
    `Optional. A retry of the same request by the same account with the same key answers the first answer again (status and body, with the header Idempotency-Replayed: true) and the command does not run twice; keys are kept ${IDEMPOTENCY_TTL_HOURS} hours. The same key with a different request: 422 IdempotencyKeyReused; while the first is still being answered: 409 IdempotencyKeyInProgress.`,
  example: "7c0e6f2a-3b1d-4f5e-9a8b-1c2d3e4f5a6b",
}

// ---------------------------------------------------------------------------------------------------------------
// The document

const both = (t: Text): string => `${t.zh} / ${t.en}`
const paragraphs = (t: Text): string => `${t.zh}\n\n${t.en}`

const ROUTERS: Readonly<Record<string, Text>> = {
  auth: { zh: "身份", en: "Identity" },
  regions: { zh: "区域", en: "Regions" },
  units: { zh: "单位", en: "Units" },
  posts: { zh: "岗位", en: "Posts" },
  schemes: { zh: "方案", en: "Schemes" },
  profiles: { zh: "干部信息", en: "Profiles" },
  eligibility: { zh: "资格审查", en: "Eligibility" },
  campaigns: { zh: "选派批次", en: "Campaigns" },
  applications: { zh: "报名与推荐", en: "Applications" },
  exports: { zh: "导出", en: "Exports" },
  tasks: { zh: "审核任务", en: "Review tasks" },
  calendar: { zh: "工作日历", en: "Working-day calendar" },
  placements: { zh: "任职安排", en: "Placements" },
  archive: { zh: "档案", en: "Archive" },
  reports: { zh: "报告", en: "Reports" },
  leave: { zh: "请销假", en: "Leave" },
  inspections: { zh: "巡查", en: "Inspections" },
  mentoring: { zh: "结对帮带", en: "Mentoring" },
  training: { zh: "培训", en: "Training" },
  assessments: { zh: "考核", en: "Assessments" },
  evaluations: { zh: "评价", en: "Evaluations" },
  figures: { zh: "统计分析", en: "Figures" },
}

const INFO: Text = {
  zh: [
    "干部选派平台接口。每个过程有两种调用形式：tRPC（/trpc/<过程>）和本文档描述的 REST 形式（/api/v1/<过程>），二者执行同一过程：同样的权限检查、审计和错误。",
    "认证：请求头 `Authorization: Bearer cdr_…`（管理员签发的接口令牌），或会话 Cookie `cadre.session_token`。",
    '查询用 GET：输入的每个顶层字段是一个查询参数；字符串字段按原文传递，其他字段（数字、布尔、对象、数组）以 JSON 文本传递，如 `version=2`、`includeMerged=true`、`profile={"…"}`（需 URL 编码）。操作用 POST，输入为 JSON 请求体（Content-Type: application/json）。成功时应答即结果本身（不包在 result.data 中）。',
    `操作（POST）可带 \`Idempotency-Key\` 请求头：同一账号以同一键重试同一请求，返回首次的应答而不重复执行（保留 ${IDEMPOTENCY_TTL_HOURS} 小时）。`,
    "错误应答的结构与 tRPC 相同：error.message 为调用者语言（x-lang 或 Accept-Language），error.data.message 同时含中英文，error.data.issues 每个有误字段一项，error.data.requestId 亦见 X-Request-Id 头。",
  ].join("\n\n"),
  en: [
    "The cadre-dispatch API. Every procedure has two forms: tRPC (/trpc/<procedure>) and the REST form this document describes (/api/v1/<procedure>); both run the same procedure, with the same access checks, audit and errors.",
    "Authentication: `Authorization: Bearer cdr_…` (an API token issued by an admin), or the session cookie `cadre.session_token`.",
    'Queries are GET: each top-level field of the input is one query parameter; a string field is sent as it is, any other (number, boolean, object, array) as JSON text, e.g. `version=2`, `includeMerged=true`, `profile={"…"}` (URL-encoded). Commands are POST with the input as a JSON body (Content-Type: application/json). A success answers the result itself (not wrapped in result.data).',
    `Commands (POST) may carry an \`Idempotency-Key\` header: a retry of the same request by the same account with the same key answers the first answer instead of running again (kept ${IDEMPOTENCY_TTL_HOURS} hours).`,
    "Errors have tRPC's shape: error.message in the caller's language (x-lang or Accept-Language), error.data.message in Chinese and English, error.data.issues one entry per bad field, error.data.requestId also in the X-Request-Id header.",
  ].join("\n\n"),
}

const accessText = (access: Declaration): Text =>
  "permission" in access
    ? { zh: `所需权限：\`${access.permission}\``, en: `Permission: \`${access.permission}\`` }
    : "authenticated" in access
      ? { zh: "任何已登录的调用者", en: "Any signed-in caller" }
      : { zh: "无需登录", en: "No sign-in needed" }

/** The OpenAPI 3.1 document; `version` is the API's (apps/api's package version). */
export const openApiDocument = (options: {
  readonly version: string
  /** Errors the HTTP layer answers itself, listed under their status. */
  readonly edge?: ReadonlyArray<EdgeTag>
}): Record<string, unknown> => {
  const operations = integratorOperations()
  const errorBody = toJsonSchema(ErrorBody as unknown as Schema.Schema<unknown, unknown, never>)
  const tagsByStatus = new Map<number, Array<string>>()
  for (const { tag, status } of [...failureStatuses(), ...(options.edge ?? [])]) {
    const list = tagsByStatus.get(status) ?? []
    if (!list.includes(tag)) list.push(tag)
    tagsByStatus.set(status, list)
  }
  const responses = Object.fromEntries(
    [...OPERATION_ERRORS, ...COMMAND_ERRORS].map((status) => {
      const text = STATUS_TEXT[status] ?? { zh: "错误", en: "Error" }
      const tags = tagsByStatus.get(status) ?? []
      return [
        String(status),
        {
          description: `${both(text)}. 错误标签 / tags: ${tags.map((t) => `\`${t}\``).join(", ")}`,
          content: { "application/json": { schema: errorBody } },
        },
      ]
    }),
  )

  const paths: Record<string, unknown> = {}
  for (const op of operations) {
    const described = DESCRIPTIONS[op.procedure]
    const summary = described?.summary ?? { zh: op.procedure, en: op.procedure }
    const router = op.procedure.split(".")[0] ?? op.procedure
    const example = exampleOf(op) as Record<string, unknown> | undefined
    const trpc =
      op.type === "query"
        ? `GET /trpc/${op.procedure}?input=<URL-encoded JSON>`
        : `POST /trpc/${op.procedure} (JSON body)`
    const description = [
      described?.description === undefined ? undefined : paragraphs(described.description),
      both(accessText(op.access)),
      `tRPC: \`${trpc}\``,
    ]
      .filter((s) => s !== undefined)
      .join("\n\n")
    const output =
      described?.output === undefined
        ? {
            description: both(
              described?.answer ?? {
                zh: "过程的结果（JSON），见说明",
                en: "The procedure's result (JSON), see the description",
              },
            ),
          }
        : toJsonSchema(described.output)
    const operation: Record<string, unknown> = {
      operationId: op.procedure,
      tags: [router],
      summary: both(summary),
      description,
      "x-procedure": op.procedure,
      "x-access": op.access,
      ...("permission" in op.access ? { "x-permission": op.access.permission } : {}),
      responses: {
        "200": {
          description: both({ zh: "成功", en: "Success" }),
          content: { "application/json": { schema: output } },
        },
        ...Object.fromEntries(
          [...OPERATION_ERRORS, ...(op.method === "post" ? COMMAND_ERRORS : [])].map((s) => [
            String(s),
            { $ref: `#/components/responses/E${s}` },
          ]),
        ),
      },
    }
    if (op.method === "post") operation.parameters = [{ $ref: "#/components/parameters/IdempotencyKey" }]
    if (op.method === "get") {
      operation.parameters = op.params.map((p) => {
        const r = resolve(p.schema)
        const title = typeof r.title === "string" ? r.title : undefined
        const base = {
          name: p.name,
          in: "query",
          required: p.required,
          ...(title === undefined ? {} : { description: title }),
        }
        const value = example?.[p.name]
        if (p.encoding === "string" || scalarTypes.has(String(r.type)))
          return { ...base, schema: p.schema, ...(value === undefined ? {} : { example: value }) }
        return {
          ...base,
          content: {
            "application/json": { schema: p.schema, ...(value === undefined ? {} : { example: value }) },
          },
        }
      })
    } else if (op.input !== undefined) {
      operation.requestBody = {
        required: true,
        content: {
          "application/json": {
            schema: toJsonSchema(op.input),
            ...(example === undefined ? {} : { example }),
          },
        },
      }
    }
    paths[`${REST_PREFIX}${op.procedure}`] = { [op.method]: operation }
  }

  const usedRouters = [...new Set(operations.map((o) => o.procedure.split(".")[0] ?? ""))]
  return {
    openapi: "3.1.0",
    info: {
      title: "干部选派平台接口 / Cadre-dispatch API",
      version: options.version,
      description: paragraphs(INFO),
    },
    servers: [{ url: "/", description: both({ zh: "本服务器", en: "This server" }) }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: usedRouters.map((name) => ({ name, description: both(ROUTERS[name] ?? { zh: name, en: name }) })),
    paths,
    components: {
      schemas: { ...definitions },
      parameters: { IdempotencyKey: IDEMPOTENCY_PARAMETER },
      responses: Object.fromEntries(
        Object.entries(responses).map(([status, response]) => [`E${status}`, response]),
      ),
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "cdr_…",
          description: both({
            zh: "管理员签发的接口令牌（accounts.issueToken），仅显示一次",
            en: "An API token issued by an admin (accounts.issueToken), shown once",
          }),
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "cadre.session_token",
          description: both({ zh: "登录后的会话 Cookie", en: "The session cookie set by sign-in" }),
        },
      },
    },
  }
}
