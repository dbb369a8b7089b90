import type { Access, Lang, Text } from "@cadre/domain"
import {
  type AnyRouter,
  initTRPC,
  StandardSchemaV1Error,
  TRPCError,
  type TRPCCreateRouterOptions,
} from "@trpc/server"
import type { Effect } from "effect"
import { type Context, runEffect, type Services } from "./context.js"
import { describeFailure, type Failure, INTERNAL, Unauthenticated } from "./errors.js"
import { isInputIssue } from "./input.js"

/**
 * The procedure builder — the ONE place access is declared (the services decide it). The raw `t.procedure` is
 * never exported: a procedure is built from `procedure.permission("scheme.publish")` (resolves the Actor and
 * declares the permission its service requires),
 * `procedure.authenticated()` (any signed-in caller: "who am I", sign out) or `procedure.public("why")`
 * (sign-in, registration, presets). Each records its declaration in the procedure's meta, and `router()` refuses
 * to build a router holding a procedure without one, so an undeclared procedure cannot ship even if someone
 * reaches for tRPC directly.
 */

/** What a procedure declares about who may call it. */
export type Declaration =
  | { readonly permission: Access.Permission }
  | { readonly authenticated: true }
  | { readonly public: string }

export type Meta = { readonly access?: Declaration }

/** The data every error answer carries besides tRPC's code: the tag, both languages, field issues. */
export interface ErrorData {
  readonly tag: string
  readonly message: Text
  readonly requestId: string | null
  readonly issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: Text }>
  /**
   * The rule's code, for a refusal that has one (IllegalMove `past_deadline`, Conflict
   * `reference_date_contradicts_scheme` …): what a screen branches on, never the message's words.
   */
  readonly reason?: string
}

/** Carried as the TRPCError's cause so that the formatter can add `data.tag`, `data.message`, `data.issues`. */
export class Explained extends Error {
  constructor(
    readonly tag: string,
    readonly text: Text,
    readonly issues: ErrorData["issues"] = [],
    readonly reason?: string,
  ) {
    super(text.en)
    this.name = tag
  }
}

const explain = (
  code: TRPCError["code"],
  tag: string,
  text: Text,
  lang: Lang,
  issues?: ErrorData["issues"],
  reason?: string,
) => new TRPCError({ code, message: text[lang], cause: new Explained(tag, text, issues, reason) })

/** The failures whose `reason` is a stable rule code a client may branch on (sent as `data.reason`). */
const REASONED = new Set([
  "IllegalMove",
  "IllegalPlacementMove",
  "IllegalLeaveMove",
  "Conflict",
  "TaskRefused",
])

/** Throw a mapped failure as the TRPCError the caller sees (message in the caller's language). */
export const failureToTRPC = (failure: Failure, lang: Lang): TRPCError => {
  const d = describeFailure(failure)
  // A service's decode names its fields too ("profile.birthDate", "education[0].level"): sent as data.issues.
  // A refusal of the act's date (issue 13: no scheme version in force) stands at the field holding it.
  const issues =
    failure._tag === "InvalidInput"
      ? failure.issues.map((i) => ({ path: pathOf(i.path), message: i.message }))
      : failure._tag === "NoVersionInForce" && failure.field !== undefined
        ? [{ path: pathOf(failure.field), message: d.message }]
        : undefined
  const reason =
    REASONED.has(failure._tag) && "reason" in failure && typeof failure.reason === "string"
      ? failure.reason
      : undefined
  return explain(d.code, failure._tag, d.message, lang, issues, reason)
}

/** "a.b[0].c" → ["a", "b", 0, "c"]: a decode path as formatted (Decode.formatPath) back to its keys. */
const pathOf = (formatted: string): ReadonlyArray<PropertyKey> =>
  formatted === ""
    ? []
    : formatted.split(/\.|(?=\[)/u).map((k) => (/^\[\d+\]$/u.test(k) ? Number(k.slice(1, -1)) : k))

/**
 * Errors tRPC raises itself, before or around a procedure (a body that is not JSON, an unknown procedure, a command
 * by GET, a body type it cannot read): a tag and both languages, never tRPC's English-only text.
 */
const TRANSPORT: Partial<Record<TRPCError["code"], { readonly tag: string; readonly message: Text }>> = {
  PARSE_ERROR: {
    tag: "ParseError",
    message: { zh: "请求内容不是有效的 JSON", en: "The request body is not valid JSON" },
  },
  BAD_REQUEST: { tag: "BadRequest", message: { zh: "请求格式不正确", en: "Malformed request" } },
  NOT_FOUND: { tag: "NotFound", message: { zh: "接口不存在", en: "No such endpoint" } },
  METHOD_NOT_SUPPORTED: {
    tag: "MethodNotSupported",
    message: {
      zh: "不支持该请求方法（查询用 GET，操作和导出用 POST）",
      en: "Method not supported (queries by GET, commands and exports by POST)",
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    tag: "UnsupportedMediaType",
    message: {
      zh: "请求内容类型不受支持（应为 application/json）",
      en: "Unsupported content type (send application/json)",
    },
  },
  PAYLOAD_TOO_LARGE: {
    tag: "PayloadTooLarge",
    message: { zh: "请求内容过大", en: "The request is too large" },
  },
  INTERNAL_SERVER_ERROR: { tag: "Internal", message: INTERNAL },
}

const transportError = (code: TRPCError["code"]): { readonly tag: string; readonly message: Text } =>
  TRANSPORT[code] ?? {
    tag: code
      .toLowerCase()
      .split("_")
      .map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`)
      .join(""),
    message: { zh: "请求无法处理", en: "The request cannot be processed" },
  }

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter: ({ shape, error, ctx }) => {
      const cause = error.cause
      const data: ErrorData =
        cause instanceof Explained
          ? {
              tag: cause.tag,
              message: cause.text,
              issues: cause.issues,
              requestId: ctx?.requestId ?? null,
              ...(cause.reason === undefined ? {} : { reason: cause.reason }),
            }
          : {
              // tRPC reports a body that is not JSON as BAD_REQUEST caused by JSON.parse's SyntaxError.
              ...transportError(
                error.code === "BAD_REQUEST" && error.cause instanceof SyntaxError
                  ? "PARSE_ERROR"
                  : error.code,
              ),
              issues: [],
              requestId: ctx?.requestId ?? null,
            }
      // Never send a stack trace or a defect's message over the wire.
      const { stack: _stack, ...rest } = shape.data
      return {
        ...shape,
        message: cause instanceof Explained ? shape.message : data.message[ctx?.lang ?? "zh"],
        data: { ...rest, ...data },
      }
    },
  })

/**
 * Outermost middleware of every procedure: rewords input errors in the caller's language, and turns anything
 * that is not a mapped failure into a logged defect with a generic answer.
 */
const boundary = t.middleware(async ({ ctx, next, path }) => {
  const result = await next()
  if (result.ok) return result
  const error = result.error
  if (error.cause instanceof Explained) throw error
  if (error.code === "BAD_REQUEST" && error.cause instanceof StandardSchemaV1Error) {
    const issues = error.cause.issues.filter(isInputIssue)
    const lines: Text = {
      zh: issues.map((i) => i.lines.zh).join("；"),
      en: issues.map((i) => i.lines.en).join("; "),
    }
    const text: Text = {
      zh: `输入有误：${lines.zh}`,
      en: `Invalid input: ${lines.en}`,
    }
    throw explain(
      "BAD_REQUEST",
      "InvalidInput",
      text,
      ctx.lang,
      issues.map((i) => ({ path: i.path, message: i.lines })),
    )
  }
  if (error.code !== "INTERNAL_SERVER_ERROR") throw error
  ctx.deps.logger.error("procedure failed", {
    requestId: ctx.requestId,
    path,
    error: {
      name: error.cause?.name ?? error.name,
      message: error.cause?.message ?? error.message,
      stack: error.cause?.stack,
    },
  })
  throw explain("INTERNAL_SERVER_ERROR", "Internal", INTERNAL, ctx.lang)
})

/**
 * `run(effect)`: run a domain/db Effect for this request. Its error type must be `Failure` — the union
 * `describeFailure` maps — so an unmapped error is a type error. Defects are logged with the request id.
 */
/** What `ctx.run` accepts: an Effect whose every failure is mapped (`Failure`), over the router's services. */
export type Run = <A>(effect: Effect.Effect<A, Failure, Services>) => Promise<A>

const withRun = t.middleware(({ ctx, next, path }) => {
  const run: Run = async (effect) => {
    const ran = await runEffect(ctx.deps.runtime, effect)
    if (ran._tag === "ok") return ran.value
    if (ran._tag === "failure") throw failureToTRPC(ran.failure, ctx.lang)
    ctx.deps.logger.error("procedure defect", { requestId: ctx.requestId, path, cause: ran.cause })
    throw explain("INTERNAL_SERVER_ERROR", "Internal", INTERNAL, ctx.lang)
  }
  return next({ ctx: { run } })
})

const base = t.procedure.use(boundary).use(withRun)

const requireActor = t.middleware(async ({ ctx, next }) => {
  const actor = await ctx.deps.auth.resolveActor(ctx.headers)
  if (actor === null) throw failureToTRPC(new Unauthenticated({}), ctx.lang)
  // `cmd` is what repository commands take: who, and the request id their audit row records.
  return next({ ctx: { actor, cmd: { actor, requestId: ctx.requestId } } })
})

/** The only way to make a procedure. See the module comment. */
export const procedure = {
  /**
   * Signed-in callers; `permission` is the declaration (OpenAPI, docs, the access-all test), not a second check:
   * the service the procedure calls decides it once, with scope (`requirePermission` in @cadre/services).
   */
  permission: (permission: Access.Permission) => base.meta({ access: { permission } }).use(requireActor),
  /** Any signed-in caller, whatever the role (who am I, sign out, change my password). */
  authenticated: () => base.meta({ access: { authenticated: true } }).use(requireActor),
  /** Callers without credentials; `why` documents the exception (sign-in, registration, presets). */
  public: (why: string) => base.meta({ access: { public: why } }),
}

/** A procedure or router without an access declaration. */
export class UndeclaredProcedure extends Error {}

/** Throw if any procedure of `router` lacks an access declaration. */
export const assertDeclared = (router: AnyRouter): void => {
  const procedures = router._def.procedures as Record<string, { _def: { meta?: Meta } }>
  const missing = Object.entries(procedures)
    .filter(([, p]) => p._def.meta?.access === undefined)
    .map(([path]) => path)
  if (missing.length > 0)
    throw new UndeclaredProcedure(
      `procedures without an access declaration (use procedure.permission/authenticated/public): ${missing.join(", ")}`,
    )
}

/** Build a router and check that every procedure in it declares its access. */
export const router = <R extends TRPCCreateRouterOptions>(record: R) => {
  const built = t.router(record)
  assertDeclared(built)
  return built
}

export const createCallerFactory = t.createCallerFactory
