import { InvalidInput } from "@cadre/db"
import { Access } from "@cadre/domain"
import { AccountService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { PASSWORD_POLICY } from "../auth/password.js"
import type { SignedIn } from "../auth/service.js"
import type { Context } from "../context.js"
import { input } from "../input.js"
import { failureToTRPC, procedure, router } from "../trpc.js"
import {
  Id,
  Instant,
  keyedPageFields,
  keyedPageRequest,
  NameKey,
  NameSearch,
  pageOut,
  writeKeyed,
} from "./shared.js"

const EXPIRED = { zh: "应晚于当前时间", en: "must be later than now" }

const Email = Schema.String.pipe(
  Schema.trimmed(),
  Schema.maxLength(254),
  Schema.pattern(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, {
    message: () => "邮箱格式不正确 / not a valid e-mail address",
  }),
).annotations({ title: "邮箱 / e-mail" })
const Phone = Schema.String.pipe(
  Schema.pattern(/^1\d{10}$/, {
    message: () => "手机号应为 11 位数字 / phone must be 11 digits starting with 1",
  }),
).annotations({ title: "手机号 / phone" })
// Length and content are the password policy's (a bilingual message listing every rule broken); here only bounds.
const Password = Schema.String.pipe(Schema.maxLength(1024)).annotations({ title: "密码 / password" })
const Code = Schema.String.pipe(
  Schema.pattern(/^\d{6}$/, { message: () => "验证码为 6 位数字 / the code has 6 digits" }),
).annotations({ title: "验证码 / code" })
const Name = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(50)).annotations({ title: "姓名 / name" })

/** Pass the session cookie better-auth set on to the HTTP response. */
const setCookies = (ctx: Context, signedIn: { readonly headers: Headers }) => {
  for (const cookie of signedIn.headers.getSetCookie()) ctx.resHeaders.append("set-cookie", cookie)
}

const signedIn = async (ctx: Context, s: SignedIn) => {
  setCookies(ctx, s)
  return { accountId: s.accountId }
}

/**
 * Sign-in and self-registration. Sessions are HTTP-only, SameSite=Lax cookies (`cadre.session_token`) for the
 * SPAs; integrators do not sign in: they send an API token.
 */
export const authRouter = router({
  /** The password policy, to show next to a password field. */
  passwordPolicy: procedure
    .public("shown on registration forms before anyone signs in")
    .query(() => PASSWORD_POLICY),
  /**
   * Mail a registration code to an address (or, if it already has an account, a notice saying so); the answer is
   * the same either way, so nobody learns here which addresses exist.
   */
  requestEmailCode: procedure
    .public("applicants register themselves by e-mail")
    .input(input(Schema.Struct({ email: Email })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(ctx.deps.auth.requestEmailCode({ email: i.email, ip: ctx.clientIp })),
    ),
  /** Applicant registration with e-mail, the mailed code and a password; signs in. */
  registerEmail: procedure
    .public("applicants register themselves")
    .input(input(Schema.Struct({ email: Email, code: Code, password: Password, name: Name })))
    .mutation(async ({ ctx, input: i }) =>
      signedIn(ctx, await ctx.run(ctx.deps.auth.registerEmail({ ...i, ip: ctx.clientIp }))),
    ),
  /** Send a registration code to a phone (through the configured sender). */
  requestPhoneCode: procedure
    .public("applicants register themselves by phone")
    .input(input(Schema.Struct({ phone: Phone })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(ctx.deps.auth.requestPhoneCode({ phone: i.phone, ip: ctx.clientIp })),
    ),
  /** Applicant registration with phone, code and password; signs in. */
  registerPhone: procedure
    .public("applicants register themselves by phone")
    .input(
      input(
        Schema.Struct({
          phone: Phone,
          code: Code,
          password: Password,
          name: Name,
        }),
      ),
    )
    .mutation(async ({ ctx, input: i }) =>
      signedIn(ctx, await ctx.run(ctx.deps.auth.registerPhone({ ...i, ip: ctx.clientIp }))),
    ),
  /**
   * Sign in with e-mail or phone and password; repeated failures lock the identifier for a while, and too many
   * failures from one client IP (across identifiers) refuse that IP for a while.
   */
  login: procedure
    .public("signing in")
    .input(
      input(
        Schema.Struct({
          identifier: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(254)).annotations({
            title: "邮箱或手机号 / e-mail or phone",
          }),
          password: Password,
        }),
      ),
    )
    .mutation(async ({ ctx, input: i }) =>
      signedIn(ctx, await ctx.run(ctx.deps.auth.login({ ...i, ip: ctx.clientIp }))),
    ),
  logout: procedure.authenticated().mutation(async ({ ctx }) => {
    setCookies(ctx, { headers: await ctx.run(ctx.deps.auth.logout(ctx.headers)) })
    return { ok: true as const }
  }),
  /** Who am I: the resolved actor (role, scope). */
  /** Who is calling, and what their role may do (screens hide what the server would refuse anyway). */
  me: procedure
    .authenticated()
    .query(({ ctx }) => ({ ...ctx.actor, permissions: Access.permissionsOf(ctx.actor.role) })),
})

const Role = Schema.Literal(
  "org_dept_admin",
  "street_admin",
  "dispatching_unit_admin",
  "host_unit_admin",
  "reviewer",
  "integrator",
).annotations({ title: "角色 / role" })

/** Accounts created by admins (a scope beneath their own: Access.mayCreateAccount) and integrators' API tokens. */
export const accountsRouter = router({
  /**
   * One page of the accounts whose scope lies within the caller's (issue 19), by e-mail (A→Z unless
   * `order: "desc"`), at most `limit` (≤ 200, default 50), with `nextCursor` (null on the last page) and the
   * `total` passing the filters: `role`, `name` (part of the name or the e-mail).
   */
  list: procedure
    .permission("account.create")
    .input(
      input(
        Schema.Struct({
          role: Schema.optional(Role),
          name: Schema.optional(NameSearch("姓名或邮箱包含 / name or e-mail contains")),
          ...keyedPageFields(NameKey),
        }),
      ),
    )
    .query(({ ctx, input: { cursor, limit, order, ...filter } }) =>
      ctx
        .run(
          Effect.flatMap(AccountService, (a) =>
            a.list(ctx.actor, filter, keyedPageRequest(NameKey, { cursor, limit, order })),
          ),
        )
        .then((page) => pageOut(page, (a) => a, writeKeyed(NameKey))),
    ),
  create: procedure
    .permission("account.create")
    .input(
      input(
        Schema.Struct({
          email: Email,
          name: Name,
          password: Password,
          role: Role,
          scope: Schema.Union(
            Schema.Struct({ regionId: Id("区域 / region") }),
            Schema.Struct({ unitId: Id("单位 / unit") }),
          ).annotations({ title: "权限范围 / scope" }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) => ctx.run(ctx.deps.auth.createAccount(ctx.cmd, i))),
  /** Issue an API token to an integrator account in the caller's scope. The secret is shown once. */
  issueToken: procedure
    .permission("account.create")
    .input(
      input(
        Schema.Struct({
          accountId: Id("账号 / account"),
          name: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100)).annotations({
            title: "令牌名称 / token name",
          }),
          expiresAt: Schema.optional(Instant("过期时间 / expires at")),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) => {
      // A token issued already expired would be a secret that never works: refuse it as the input it is.
      if (i.expiresAt !== undefined && i.expiresAt.getTime() <= Date.now())
        throw failureToTRPC(
          new InvalidInput({
            entity: "api_token",
            issues: [{ path: "expiresAt", message: EXPIRED }],
            message: {
              zh: `输入有误：过期时间（expiresAt）：${EXPIRED.zh}`,
              en: `Invalid input: expires at (expiresAt): ${EXPIRED.en}`,
            },
          }),
          ctx.lang,
        )
      return ctx.run(ctx.deps.auth.issueToken(ctx.cmd, i))
    }),
  revokeToken: procedure
    .permission("account.create")
    .input(input(Schema.Struct({ tokenId: Id("令牌 / token") })))
    .mutation(async ({ ctx, input: i }) => {
      await ctx.run(ctx.deps.auth.revokeToken(ctx.cmd, i.tokenId))
      return { ok: true as const }
    }),
})
