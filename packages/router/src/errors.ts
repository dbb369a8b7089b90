import type { Conflict, InvalidInput, NotFound, StaleVersion } from "@cadre/db"
import type { Access, Assessment, Calendar, InPost, Pool, Scheme, Selection, Text } from "@cadre/domain"
import { Rejected } from "@cadre/services"
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server"
import { Data } from "effect"

/**
 * The failures a procedure may end with, and the ONE place that maps each to a tRPC code and a bilingual
 * message. `describeFailure` switches on `_tag` with an exhaustive `never` check, and `run` (context.ts) accepts
 * only Effects whose error type is `Failure`: a repository that grows a new error fails to type-check until it
 * is mapped here.
 */

/** No session cookie and no valid API token. */
export class Unauthenticated extends Data.TaggedError("Unauthenticated")<{ readonly reason?: string }> {}

/** Wrong identifier or password (deliberately not saying which). */
export class InvalidCredentials extends Data.TaggedError("InvalidCredentials")<{
  readonly remaining: number
}> {}

/** Too many failed logins: refused until `until` (ISO instant). */
export class LockedOut extends Data.TaggedError("LockedOut")<{ readonly until: string }> {}

/**
 * Too many attempts from one client IP (or at one phone number): refused until `until` (ISO instant). `action`:
 * sign-ins (default, counted across identifiers), phone-code requests, or self-registrations.
 */
export class Throttled extends Data.TaggedError("Throttled")<{
  readonly until: string
  readonly action?: "sign_in" | "phone_code" | "register" | "self_check"
}> {}

/** The password policy refused a password; the message says the whole policy. */
export class WeakPassword extends Data.TaggedError("WeakPassword")<{
  readonly problems: ReadonlyArray<Text>
}> {}

/** An account, a region, a scheme… with that key exists already. */
export class AlreadyExists extends Data.TaggedError("AlreadyExists")<{
  readonly entity: string
  readonly key: string
}> {}

/** A phone verification code is wrong, expired or used. */
export class InvalidCode extends Data.TaggedError("InvalidCode")<Record<never, never>> {}

/**
 * A request that is well-formed but cannot be carried out as asked; the message explains. Defined in
 * @cadre/services (whose AccountService refuses with it too); the router's own refusals use the same class.
 */
export { Rejected }

/**
 * Every failure a procedure may end with. Anything else is a defect: logged with the request id, answered
 * generically. Infrastructure faults are defects from the start (storage.ts dies with a DatabaseError), so they
 * are not listed here.
 */
export type Failure =
  | Access.Forbidden
  | Scheme.VersionNotSuccessor
  | Scheme.SchemeMismatch
  | Scheme.NoVersionInForce
  | Selection.IllegalMove
  | Selection.FindingsUnresolved
  | Selection.MoveNotYours
  | Calendar.CalendarYearUnknown
  | Selection.TaskRefused
  | InPost.IllegalPlacementMove
  | InPost.IllegalLeaveMove
  | InPost.ArchiveRefused
  | InPost.MentoringRefused
  | InPost.PostingHeld
  | Assessment.QuotaRefused
  | Pool.PoolRefused
  | Assessment.GroupCountInvalid
  | Assessment.GradingRefused
  | Assessment.SurveyCountsInvalid
  | Assessment.SurveyCountingUnspecified
  | Assessment.UnknownTrigger
  | Assessment.ScoreInvalid
  | Assessment.EvaluationRefused
  | NotFound
  | StaleVersion
  | Conflict
  | InvalidInput
  | Unauthenticated
  | InvalidCredentials
  | LockedOut
  | Throttled
  | WeakPassword
  | AlreadyExists
  | InvalidCode
  | Rejected

/** The wire shape of a mapped failure. */
export interface Described {
  readonly code: TRPC_ERROR_CODE_KEY
  readonly message: Text
}

const ENTITY: Readonly<Record<string, Text>> = {
  region: { zh: "区域", en: "region" },
  unit: { zh: "单位", en: "unit" },
  post: { zh: "岗位", en: "post" },
  scheme: { zh: "方案", en: "scheme" },
  scheme_version: { zh: "方案版本", en: "scheme version" },
  preset: { zh: "方案模板", en: "preset" },
  profile: { zh: "干部信息", en: "profile" },
  person: { zh: "人员", en: "person" },
  account: { zh: "账号", en: "account" },
  api_token: { zh: "接口令牌", en: "API token" },
  campaign: { zh: "选派批次", en: "campaign" },
  application: { zh: "报名（推荐）记录", en: "application" },
  placement: { zh: "任职安排", en: "placement" },
}
const entity = (key: string): Text => ENTITY[key] ?? { zh: key, en: key }

const time = (iso: string): string => iso.replace("T", " ").slice(0, 16)

/** Map a failure to a tRPC code and a message in both languages. Exhaustive by construction. */
export const describeFailure = (failure: Failure): Described => {
  switch (failure._tag) {
    case "Forbidden":
      return { code: "FORBIDDEN", message: failure.message }
    case "MoveNotYours":
      // Another body's move (or outside scope, or the wrong deciding body): the message names who and the clause.
      return { code: "FORBIDDEN", message: failure.message }
    case "StaleVersion":
      // The database's optimistic lock: the row changed since the caller read it.
      return { code: "CONFLICT", message: failure.message }
    case "VersionNotSuccessor":
      // The kernel's: a scheme version whose number is not higher or whose effective date is not later.
      return { code: "CONFLICT", message: bilingual(failure.message) }
    case "SchemeMismatch":
      return { code: "BAD_REQUEST", message: bilingual(failure.message) }
    case "NoVersionInForce":
      // Issue 13: an in-post act dated when no version of the placement's scheme (from its own on) is in force.
      return { code: "CONFLICT", message: failure.text }
    case "IllegalMove":
      // The kernel's state machine refused the move: the application is unchanged; `detail` says why.
      return { code: "CONFLICT", message: failure.text }
    case "FindingsUnresolved":
      // Issue 13: a decision while findings of the screening still need a reviewer's confirmation or refusal;
      // the message names each rule and clause.
      return { code: "CONFLICT", message: failure.text }
    case "TaskRefused":
      return { code: "CONFLICT", message: failure.text }
    // In post (issue 5): the kernel refused a move on the stored state; nothing was written, `text` says why
    // (with the arithmetic for a quota, the clause for a trigger, the seal date for an archive).
    case "IllegalPlacementMove":
    case "IllegalLeaveMove":
    case "ArchiveRefused":
    case "MentoringRefused":
    case "QuotaRefused":
    // A pool change its composition rules do not allow (issue 13): each rule's arithmetic and clause.
    case "PoolRefused":
    case "GradingRefused":
    case "GroupCountInvalid":
    case "EvaluationRefused":
      return { code: "CONFLICT", message: failure.text }
    // Points off the scheme's scale, a scorer or cycle it does not have, or scoring it does not set.
    case "ScoreInvalid":
      return { code: "BAD_REQUEST", message: failure.text }
    case "SurveyCountsInvalid":
    case "UnknownTrigger":
      return { code: "BAD_REQUEST", message: failure.text }
    case "SurveyCountingUnspecified":
      // "基本满意" answers and no rule on how they count: the org dept must decide first.
      return { code: "PRECONDITION_FAILED", message: failure.text }
    case "PostingHeld":
      // The person holds another appointment or placement and the scheme allows one at a time.
      return { code: "CONFLICT", message: failure.text }
    case "CalendarYearUnknown":
      // A working-day count ran into a year nobody has entered: an admin must enter it first.
      return { code: "PRECONDITION_FAILED", message: failure.text }
    case "NotFound":
      return { code: "NOT_FOUND", message: failure.message }
    case "Conflict":
      return { code: "CONFLICT", message: failure.message }
    case "InvalidInput":
      return { code: "BAD_REQUEST", message: failure.message }
    case "Unauthenticated":
      return {
        code: "UNAUTHORIZED",
        message: { zh: "请先登录（或提供有效的接口令牌）", en: "Please sign in (or send a valid API token)" },
      }
    case "InvalidCredentials":
      return {
        code: "UNAUTHORIZED",
        message: {
          zh: `账号或密码错误（再失败 ${failure.remaining} 次将暂时锁定）`,
          en: `Wrong account or password (${failure.remaining} more failure(s) lock the account for a while)`,
        },
      }
    case "LockedOut":
      return {
        code: "TOO_MANY_REQUESTS",
        message: {
          zh: `登录失败次数过多，账号已暂时锁定，请于 ${time(failure.until)}（UTC）后再试`,
          en: `Too many failed sign-ins: the account is locked until ${time(failure.until)} UTC`,
        },
      }
    case "Throttled":
      return {
        code: "TOO_MANY_REQUESTS",
        message:
          failure.action === "phone_code"
            ? {
                zh: `获取验证码过于频繁，请于 ${time(failure.until)}（UTC）后再试`,
                en: `Too many verification code requests: retry after ${time(failure.until)} UTC`,
              }
            : failure.action === "self_check"
              ? {
                  zh: `该网络地址自查次数过多，请于 ${time(failure.until)}（UTC）后再试`,
                  en: `Too many self-checks from this address: retry after ${time(failure.until)} UTC`,
                }
              : failure.action === "register"
                ? {
                    zh: `该网络地址注册次数过多，请于 ${time(failure.until)}（UTC）后再试`,
                    en: `Too many registrations from this address: retry after ${time(failure.until)} UTC`,
                  }
                : {
                    zh: `该网络地址登录尝试次数过多，请于 ${time(failure.until)}（UTC）后再试`,
                    en: `Too many sign-in attempts from this address: retry after ${time(failure.until)} UTC`,
                  },
      }
    case "WeakPassword":
      return {
        code: "BAD_REQUEST",
        message: {
          zh: `密码不符合要求：${failure.problems.map((p) => p.zh).join("；")}`,
          en: `Password does not meet the policy: ${failure.problems.map((p) => p.en).join("; ")}`,
        },
      }
    case "AlreadyExists": {
      const e = entity(failure.entity)
      return {
        code: "CONFLICT",
        message: { zh: `${e.zh}“${failure.key}”已存在`, en: `A ${e.en} "${failure.key}" already exists` },
      }
    }
    case "InvalidCode":
      return {
        code: "BAD_REQUEST",
        message: { zh: "验证码错误或已过期", en: "The verification code is wrong or has expired" },
      }
    case "Rejected":
      return { code: "BAD_REQUEST", message: failure.message }
    default:
      return assertNever(failure)
  }
}

// Kernel errors carry "中文 / English" in `message`; split it.
const bilingual = (s: string): Text => {
  const i = s.indexOf(" / ")
  return i > 0 ? { zh: s.slice(0, i), en: s.slice(i + 3) } : { zh: s, en: s }
}

const assertNever = (x: never): never => {
  throw new Error(`unmapped failure ${JSON.stringify(x)}`)
}

// A record keyed by every tag: adding a failure to the union without listing it here is a type error.
const TAGS: { readonly [K in Failure["_tag"]]: true } = {
  Forbidden: true,
  MoveNotYours: true,
  StaleVersion: true,
  VersionNotSuccessor: true,
  NoVersionInForce: true,
  SchemeMismatch: true,
  IllegalMove: true,
  FindingsUnresolved: true,
  CalendarYearUnknown: true,
  TaskRefused: true,
  IllegalPlacementMove: true,
  IllegalLeaveMove: true,
  ArchiveRefused: true,
  MentoringRefused: true,
  PostingHeld: true,
  QuotaRefused: true,
  PoolRefused: true,
  GroupCountInvalid: true,
  GradingRefused: true,
  SurveyCountsInvalid: true,
  SurveyCountingUnspecified: true,
  UnknownTrigger: true,
  ScoreInvalid: true,
  EvaluationRefused: true,
  NotFound: true,
  Unauthenticated: true,
  InvalidCredentials: true,
  LockedOut: true,
  Throttled: true,
  WeakPassword: true,
  AlreadyExists: true,
  InvalidCode: true,
  Rejected: true,
  Conflict: true,
  InvalidInput: true,
}

/** Tags `describeFailure` knows, to tell a mapped failure from a defect at run time. */
export const FAILURE_TAGS: ReadonlySet<string> = new Set(Object.keys(TAGS))

export const isFailure = (u: unknown): u is Failure =>
  typeof u === "object" &&
  u !== null &&
  "_tag" in u &&
  FAILURE_TAGS.has(String((u as { _tag: unknown })._tag))

/** The generic answer to a defect; the details go to the log under the request id. */
export const INTERNAL: Text = {
  zh: "服务器内部错误，请稍后重试（请提供请求编号以便排查）",
  en: "Internal server error; please try again later (quote the request id when reporting it)",
}
