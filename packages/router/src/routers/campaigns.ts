import { type ApplicationRecord, type CampaignRecord, CampaignRepo } from "@cadre/db"
import { SchemeService } from "@cadre/services"
import { Eligibility, LocalDate, Pool, Scheme, Selection, type Text } from "@cadre/domain"
import { Effect, Either, Schema } from "effect"
import { Rejected } from "../errors.js"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { ExpectedVersion, Id } from "./shared.js"

/**
 * Selection campaigns (选派批次) and their applications. Every move is the kernel's (Selection.transition), run by
 * the repository in one locked transaction; the router decodes inputs, supplies today's date, and shapes outputs
 * (personal data masked; the applicant's own view carries the reasons with clauses).
 */

const encodeApplication = Schema.encodeSync(Selection.Application)

export const campaignOut = (c: CampaignRecord) => {
  const { counts, ...rest } = c
  return { ...rest, counts }
}

/** Why an application is where it is, for the applicant and the staff: findings and reasons with clauses. */
export const reasonsOf = (
  a: Selection.Application,
): ReadonlyArray<{ readonly text: Text; readonly clause: string | null }> => {
  const out: Array<{ text: Text; clause: string | null }> = []
  if (a.verdict !== undefined)
    for (const f of a.verdict.findings)
      if (f.status === "fail" || f.status === "needs_review")
        out.push({ text: f.message, clause: `${f.citation.document} ${f.citation.clause}` })
  const last = [...a.history].reverse().find((h) => ["Reject", "Return", "Withdraw"].includes(h.move._tag))
  if (last !== undefined) {
    const m = last.move
    if (m._tag === "Reject")
      out.push({ text: { zh: `未通过：${m.reason}`, en: `Not selected: ${m.reason}` }, clause: null })
    if (m._tag === "Return")
      out.push({ text: { zh: `退回：${m.reason}`, en: `Returned: ${m.reason}` }, clause: null })
    if (m._tag === "Withdraw" && m.reason !== undefined)
      out.push({ text: { zh: `本人撤回：${m.reason}`, en: `Withdrawn: ${m.reason}` }, clause: null })
  }
  return out
}

export const applicationOut = (r: ApplicationRecord) => ({
  id: r.application.id,
  campaignId: r.campaignId,
  regionId: r.regionId,
  regionPath: r.regionPath,
  campaignPath: r.campaignPath,
  personId: r.application.personId,
  state: r.application.state,
  stateLabel: Selection.STATE_LABELS[r.application.state],
  targetRole: r.targetRole,
  version: r.version,
  person: r.person,
  reasons: reasonsOf(r.application),
  application: encodeApplication(r.application),
})

const CampaignId = Id("批次编号 / campaign id")
const ApplicationId = Id("报名记录编号 / application id")
const Date_ = (title: string) => LocalDate.LocalDate.annotations({ title })
const Channels = Schema.NonEmptyArray(Scheme.Channel).annotations({ title: "开放渠道 / open channels" })
const Places = Schema.Int.pipe(Schema.between(0, 10_000)).annotations({ title: "名额 / places" })
const NoticeDays = Schema.Int.pipe(Schema.between(1, 60)).annotations({
  title: "公示工作日数 / notice working days",
})
const Overrides = Schema.Record({ key: Schema.String, value: LocalDate.LocalDate }).annotations({
  title: "环节时限调整 / stage deadline adjustments",
})
const PostIds = Schema.Array(Id("岗位 / post")).annotations({ title: "选派岗位 / posts" })
const Name = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)).annotations({
  title: "批次名称 / name",
})

const CreateInput = Schema.Struct({
  id: Schema.optional(Id("批次编号 / campaign id")),
  regionId: Id("区域 / region"),
  name: Name,
  schemeId: Id("方案编号 / scheme id"),
  schemeVersion: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)).annotations({
    title: "方案版本 / scheme version",
  }),
  channels: Channels,
  places: Places,
  startYear: Schema.Int.pipe(Schema.between(2000, 2200)).annotations({ title: "年度 / start year" }),
  referenceDate: Date_("计算基准日 / reference date"),
  noticeDays: Schema.optional(NoticeDays),
  decidingBody: Selection.DecidingBody.annotations({ title: "决定机构 / deciding body" }),
  postIds: Schema.optional(PostIds),
  scheduleOverrides: Schema.optional(Overrides),
})

const PatchInput = Schema.Struct({
  id: CampaignId,
  expectedVersion: ExpectedVersion,
  name: Schema.optional(Name),
  channels: Schema.optional(Channels),
  places: Schema.optional(Places),
  referenceDate: Schema.optional(Date_("计算基准日 / reference date")),
  noticeDays: Schema.optional(NoticeDays),
  postIds: Schema.optional(PostIds),
  scheduleOverrides: Schema.optional(Overrides),
})

/** The path and the campaign stages of a campaign's scheme version, for the admin's overview. */
const pathOut = (p: Selection.Path) => ({
  steps: p.steps.map((s) => ({
    state: s.state,
    label: Selection.STATE_LABELS[s.state],
    stages: s.stages.map((st) => ({
      id: st.id,
      label: st.label,
      clause: `${st.citation.document} ${st.citation.clause}`,
    })),
  })),
  shortlistRatio: p.shortlistRatio === undefined ? null : p.shortlistRatio.value,
  unmapped: p.unmapped.map((st) => ({ id: st.id, label: st.label })),
})

/** draft → open → closed: the same procedure shape for both moves. */
const setStatus = (status: "open" | "closed") =>
  procedure
    .permission("campaign.write")
    .input(input(Schema.Struct({ id: CampaignId, expectedVersion: ExpectedVersion })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(CampaignRepo, (r) => r.setStatus(ctx.cmd, { ...i, status }))).then(campaignOut),
    )

export const campaignsRouter = router({
  list: procedure
    .permission("campaign.read")
    .input(input(Schema.Struct({ status: Schema.optional(Schema.Literal("draft", "open", "closed")) })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(CampaignRepo, (r) => r.list(ctx.actor, i)))
        .then((rows) => rows.map(campaignOut)),
    ),

  /** One campaign with its path (the scheme version's steps) and counts by state. */
  get: procedure
    .permission("campaign.read")
    .input(input(Schema.Struct({ id: CampaignId })))
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const { campaign, scheme } = yield* Effect.flatMap(CampaignRepo, (r) => r.schemeOf(ctx.actor, i.id))
          return {
            ...campaignOut(campaign),
            schemeName: scheme.name,
            path: pathOut(Selection.derivePath(scheme)),
          }
        }),
      ),
    ),

  /** Campaigns open for self-registration: what the portal lists for applicants. */
  open: procedure.permission("application.apply").query(({ ctx }) =>
    ctx.run(
      Effect.gen(function* () {
        const rows = yield* Effect.flatMap(CampaignRepo, (r) => r.openForApplicants())
        return rows.map((c) => ({
          id: c.id,
          name: c.name,
          regionId: c.regionId,
          schemeId: c.schemeId,
          places: c.places,
        }))
      }),
    ),
  ),

  create: procedure
    .permission("campaign.write")
    .input(input(CreateInput))
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(CampaignRepo, (r) => r.create(ctx.cmd, i))).then(campaignOut),
    ),

  update: procedure
    .permission("campaign.write")
    .input(input(PatchInput))
    .mutation(({ ctx, input: { id, expectedVersion, ...patch } }) =>
      ctx
        .run(Effect.flatMap(CampaignRepo, (r) => r.update(ctx.cmd, { id, expectedVersion, patch })))
        .then(campaignOut),
    ),

  /** Open a draft campaign for applications and recommendations. */
  openForApplications: setStatus("open"),
  /** Close an open campaign (nothing more comes in; its applications stay). */
  close: setStatus("closed"),

  /** The campaign's timetable: the scheme's stage deadlines in the campaign's year, its adjustments, what is overdue. */
  schedule: procedure
    .permission("campaign.read")
    .input(input(Schema.Struct({ id: CampaignId })))
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const { campaign, scheme } = yield* Effect.flatMap(CampaignRepo, (r) => r.schemeOf(ctx.actor, i.id))
          const s = Selection.scheduleOf(scheme, {
            startYear: campaign.startYear,
            overrides: campaign.scheduleOverrides as Readonly<Record<string, LocalDate.LocalDate>>,
          })
          if (Either.isLeft(s)) return yield* Effect.fail(new Rejected({ message: s.left.text }))
          const today = todayOf(ctx)
          return {
            today,
            entries: s.right.entries.map((e) => ({
              stageId: e.stageId,
              label: e.label,
              actor: e.actor,
              date: e.date ?? null,
              opens: e.opens ?? null,
              overridden: e.overridden,
              overdue: Selection.overdue(s.right, e.stageId, today),
              clause: `${e.citation.document} ${e.citation.clause}`,
              note: e.note ?? null,
            })),
          }
        }),
      ),
    ),

  /**
   * Reserve-pool campaigns (001): each community's nominees against the pool rules (count, roles, the age cap of
   * the role each is nominated for) and the age structure of the street and of each community, with the clause —
   * shown before the decision.
   */
  poolCheck: procedure
    .permission("campaign.read")
    .input(input(Schema.Struct({ id: CampaignId })))
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const repo = yield* CampaignRepo
          const { campaign, scheme } = yield* repo.schemeOf(ctx.actor, i.id)
          const rules = Pool.poolRulesOf(scheme)
          if (rules === undefined)
            return yield* Effect.fail(
              new Rejected({
                message: {
                  zh: "本批次所用方案未规定后备干部队伍结构",
                  en: "the campaign's scheme sets no pool composition",
                },
              }),
            )
          const apps = (yield* repo.listApplications(ctx.actor, campaign.id)).filter(
            (a) => !Selection.isTerminal(a.application.state),
          )
          const names = yield* repo.regionNames(apps.map((a) => a.regionId))
          const on = campaign.referenceDate as LocalDate.LocalDate
          const byCommunity = new Map<string, Array<(typeof apps)[number]>>()
          for (const a of apps) byCommunity.set(a.regionId, [...(byCommunity.get(a.regionId) ?? []), a])
          const community = (id: string) => ({ id, name: names.get(id) ?? id })
          const communities = [...byCommunity.entries()].map(([id, list]) =>
            Pool.checkNominees(
              rules,
              community(id),
              list.map((a) => ({
                personId: a.person.id,
                roleKey: a.targetRole ?? "",
                birthDate: a.person.birthDate as LocalDate.LocalDate,
              })),
              on,
            ),
          )
          const comp = Pool.composition(
            rules.pool,
            apps.map((a) => ({
              personId: a.person.id,
              birthDate: a.person.birthDate as LocalDate.LocalDate,
              community: community(a.regionId),
            })),
            on,
          )
          return { on, communities, composition: comp }
        }),
      ),
    ),

  /** Interview scores aggregated as the campaign chooses, ranked (ties share a rank), and the shortlist cut. */
  ranking: procedure
    .permission("campaign.read")
    .input(input(Schema.Struct({ id: CampaignId, method: Selection.InterviewScoring })))
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const repo = yield* CampaignRepo
          const { campaign, scheme } = yield* repo.schemeOf(ctx.actor, i.id)
          const apps = yield* repo.listApplications(ctx.actor, campaign.id)
          const scored = apps.flatMap((a) => {
            const rec = a.application.records.interview
            return rec === undefined || Selection.isTerminal(a.application.state)
              ? []
              : [{ applicationId: a.application.id, record: rec }]
          })
          const ranked = Selection.rankInterviews(scored, i.method)
          if (Either.isLeft(ranked)) return yield* Effect.fail(new Rejected({ message: ranked.left.text }))
          const limit = Selection.shortlistLimit(Selection.derivePath(scheme), campaign.places)
          const byId = new Map(apps.map((a) => [a.application.id, a.person]))
          return {
            ranking: ranked.right.map((r) => ({
              applicationId: r.applicationId,
              person: byId.get(r.applicationId) ?? null,
              rank: r.rank,
              tied: r.tied,
              score: r.score.display,
              explanation: r.score.explanation,
            })),
            cut: Number.isFinite(limit) ? Selection.shortlistByRank(ranked.right, limit) : null,
          }
        }),
      ),
    ),

  /**
   * What-if: screen the campaign's applications against another version (e.g. a draft) and list who would
   * change verdict and why. Nothing is written.
   */
  whatIf: procedure
    .permission("campaign.read")
    .input(
      input(
        Schema.Struct({
          id: CampaignId,
          schemeId: Id("方案编号 / scheme id"),
          version: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)).annotations({ title: "版本号 / version" }),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const draft = yield* Effect.flatMap(SchemeService, (r) => r.get(ctx.actor, i.schemeId, i.version))
          const { campaign } = yield* Effect.flatMap(CampaignRepo, (r) => r.schemeOf(ctx.actor, i.id))
          if (draft.scheme.id !== campaign.schemeId)
            return yield* Effect.fail(
              new Rejected({
                message: {
                  zh: "试算只能使用本批次所用方案的其他版本",
                  en: "what-if screening takes another version of the campaign's own scheme",
                },
              }),
            )
          const after = yield* Effect.flatMap(CampaignRepo, (r) =>
            r.screenAgainst(ctx.actor, { campaignId: i.id, scheme: draft.scheme }),
          )
          const before = new Map(
            after.flatMap(({ record }) =>
              record.application.verdict === undefined
                ? []
                : [[record.application.id, record.application.verdict]],
            ),
          )
          const people = new Map(after.map(({ record }) => [record.application.id, record.person]))
          const result = Selection.compareVerdicts(
            before,
            new Map(after.map(({ record, verdict }) => [record.application.id, verdict])),
          )
          const changes = result.changes.map((c) => ({
            applicationId: c.applicationId,
            person: people.get(c.applicationId) ?? null,
            from: c.before ?? null,
            to: c.after ?? null,
            direction: c.direction,
            summary: c.summary,
            because: c.findings.map((f) => ({
              ruleId: f.ruleId,
              kind: f.kind,
              text: f.text,
              clause:
                f.after?.citation === undefined
                  ? f.before?.citation === undefined
                    ? null
                    : `${f.before.citation.document} ${f.before.citation.clause}`
                  : `${f.after.citation.document} ${f.after.citation.clause}`,
            })),
          }))
          return {
            campaignVersion: campaign.schemeVersion,
            againstVersion: draft.scheme.version,
            screened: after.length,
            unchanged: result.unchanged.length,
            moves: result.moves,
            changes,
          }
        }),
      ),
    ),
})

const MoveInput = Schema.Struct({
  applicationId: ApplicationId,
  expectedVersion: ExpectedVersion,
  move: Selection.Move,
})

const RecommendInput = Schema.Struct({
  campaignId: CampaignId,
  personId: Id("人员编号 / person id"),
  channel: Schema.Literal("unit_recommendation", "organisation_recommendation").annotations({
    title: "推荐渠道 / channel",
  }),
  recommendation: Selection.Recommendation,
  targetRole: Schema.optional(Schema.NonEmptyTrimmedString.annotations({ title: "拟任角色 / target role" })),
})

export const applicationsRouter = router({
  list: procedure
    .permission("campaign.read")
    .input(
      input(
        Schema.Struct({
          campaignId: CampaignId,
          state: Schema.optional(Selection.State),
          eligible: Schema.optional(Schema.Boolean),
          channel: Schema.optional(Scheme.Channel),
        }),
      ),
    )
    .query(({ ctx, input: { campaignId, ...filter } }) =>
      ctx
        .run(Effect.flatMap(CampaignRepo, (r) => r.listApplications(ctx.actor, campaignId, filter)))
        .then((rows) => rows.map(applicationOut)),
    ),

  get: procedure
    .authenticated()
    .input(input(Schema.Struct({ id: ApplicationId })))
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(CampaignRepo, (r) => r.getApplication(ctx.actor, i.id))).then(applicationOut),
    ),

  /** The applicant's own applications: stage, and when refused the reasons with clauses. */
  mine: procedure
    .permission("application.apply")
    .query(({ ctx }) =>
      ctx
        .run(Effect.flatMap(CampaignRepo, (r) => r.mine(ctx.actor)))
        .then((rows) => rows.map(applicationOut)),
    ),

  /** Self-registration (个人报名) into an open campaign; screened at once against the campaign's version. */
  register: procedure
    .permission("application.apply")
    .input(
      input(
        Schema.Struct({
          campaignId: CampaignId,
          targetRole: Schema.optional(
            Schema.NonEmptyTrimmedString.annotations({ title: "报名岗位 / target role" }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(CampaignRepo, (r) => r.apply(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(applicationOut),
    ),

  /** Unit or organisation recommendation (推荐), with the meeting that approved it and its date. */
  recommend: procedure
    .permission("application.recommend")
    .input(input(RecommendInput))
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(CampaignRepo, (r) => r.recommend(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(applicationOut),
    ),

  /**
   * Act on an application: Advance, Record, Return (退回), Reject, Decide, StartNotice, FileObjection,
   * ResolveObjection, Appoint, ReportIn. The kernel checks the move; an illegal one changes nothing.
   */
  act: procedure
    .permission("campaign.read")
    .input(input(MoveInput))
    .mutation(({ ctx, input: i }) => {
      const m = i.move
      if (m._tag === "Submit" || m._tag === "Withdraw" || m._tag === "Screen" || m._tag === "Waive")
        return ctx
          .run(
            Effect.fail(
              new Rejected({
                message: {
                  zh: "提交、撤回、资格比对和放宽限制请使用各自的操作",
                  en: "Submit, Withdraw, Screen and Waive have their own procedures",
                },
              }),
            ),
          )
          .then(() => undefined as never)
      return ctx
        .run(
          Effect.flatMap(CampaignRepo, (r) =>
            r.act(ctx.cmd, {
              applicationId: i.applicationId,
              expectedVersion: i.expectedVersion,
              move: m,
              on: todayOf(ctx),
            }),
          ),
        )
        .then(applicationOut)
    }),

  /** Screen again against the campaign's version (after the profile was corrected). */
  rescreen: procedure
    .permission("application.review")
    .input(input(Schema.Struct({ applicationId: ApplicationId, expectedVersion: ExpectedVersion })))
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(CampaignRepo, (r) => r.rescreen(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(applicationOut),
    ),

  /** 放宽限制: re-screen with waivers the scheme allows; refused waivers are reported in the verdict. */
  waive: procedure
    .permission("application.decide")
    .input(
      input(
        Schema.Struct({
          applicationId: ApplicationId,
          expectedVersion: ExpectedVersion,
          waivers: Schema.NonEmptyArray(Eligibility.Waiver).annotations({ title: "放宽限制 / waivers" }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(CampaignRepo, (r) => r.rescreen(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(applicationOut),
    ),

  /** 撤回 by the applicant, before the decision. */
  withdraw: procedure
    .permission("application.apply")
    .input(
      input(
        Schema.Struct({
          applicationId: ApplicationId,
          expectedVersion: ExpectedVersion,
          reason: Schema.optional(
            Schema.String.pipe(Schema.maxLength(500)).annotations({ title: "理由 / reason" }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(CampaignRepo, (r) => r.withdraw(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(applicationOut),
    ),
})
