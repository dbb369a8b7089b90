import { SchemeService } from "@cadre/services"
import { LocalDate, Pool, Scheme, Selection, SelfCheck } from "@cadre/domain"
import { ApplicationService, CampaignService } from "@cadre/services"
import { Effect, Either, Schema } from "effect"
import { Rejected } from "../errors.js"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { publicDetail, publicSummary, selfCheckOut } from "./public-campaigns.js"
import { CampaignId, campaignOut } from "./selection-shared.js"
import { ExpectedVersion, Id, MAX_INT4, NameSearch, PageFields, pageOut, pageRequest } from "./shared.js"

/**
 * Selection campaigns (选派批次): create, adjust, open and close them, and read what they need before a decision
 * (timetable, pool check, interview ranking, what-if screening against another scheme version). The services run
 * every command in one locked transaction; the router decodes inputs, supplies today's date, and shapes outputs.
 */

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
  schemeVersion: Schema.Int.pipe(Schema.between(1, MAX_INT4)).annotations({
    title: "方案版本 / scheme version",
  }),
  channels: Channels,
  places: Places,
  startYear: Schema.Int.pipe(Schema.between(2000, 2200)).annotations({ title: "年度 / start year" }),
  // Only where the scheme leaves it open (issue 13): a scheme that fixes it gives it, and a different date is refused.
  referenceDate: Schema.optional(Date_("计算基准日 / reference date")),
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
      ctx
        .run(Effect.flatMap(CampaignService, (r) => r.setStatus(ctx.cmd, { ...i, status })))
        .then(campaignOut),
    )

export const campaignsRouter = router({
  /**
   * One page of the campaigns the caller reads (issue 19), newest first unless `order: "asc"`, by creation (the
   * keyset (created_at, id)), at most `limit` (≤ 200, default 50), with `nextCursor` (null on the last page) and the
   * `total` passing the filters: `status`, `schemeId`, `withinRegionId` (a region in the caller's scope and
   * beneath it) and `name` (part of the name).
   */
  list: procedure
    .permission("campaign.read")
    .input(
      input(
        Schema.Struct({
          status: Schema.optional(
            Schema.Literal("draft", "open", "closed").annotations({ title: "批次状态 / status" }),
          ),
          schemeId: Schema.optional(Id("方案编号 / scheme id")),
          withinRegionId: Schema.optional(Id("区域（含下级） / region and beneath")),
          name: Schema.optional(NameSearch("批次名称包含 / name contains")),
          ...PageFields,
        }),
      ),
    )
    .query(({ ctx, input: { cursor, limit, order, ...filter } }) =>
      ctx
        .run(
          Effect.flatMap(CampaignService, (r) =>
            r.list(ctx.actor, filter, pageRequest({ cursor, limit, order: order ?? "desc" })),
          ),
        )
        .then((page) => pageOut(page, campaignOut)),
    ),

  /** One campaign with its path (the scheme version's steps) and counts by state. */
  get: procedure
    .permission("campaign.read")
    .input(input(Schema.Struct({ id: CampaignId })))
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const { campaign, scheme } = yield* Effect.flatMap(CampaignService, (r) =>
            r.schemeOf(ctx.actor, i.id),
          )
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
        const rows = yield* Effect.flatMap(CampaignService, (r) => r.openForApplicants(ctx.actor))
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

  /**
   * Without an account: the campaigns open to self-registration, by region name and programme, with their
   * application deadline and places (the portal's first page for visitors).
   */
  publicList: procedure
    .public("visitors find an open programme before they register")
    .query(({ ctx }) =>
      ctx.run(Effect.flatMap(CampaignService, (r) => r.publicList())).then((rows) => rows.map(publicSummary)),
    ),

  /**
   * Without an account: one campaign open to self-registration — every condition as the scheme's rule text with
   * its document and clause, the timetable, the documents. Any other campaign is NOT_FOUND.
   */
  publicGet: procedure
    .public("visitors read a programme's conditions before they register")
    .input(input(Schema.Struct({ id: CampaignId })))
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(CampaignService, (r) => r.publicGet(i.id))).then(publicDetail),
    ),

  /**
   * Without an account: check yourself against a public campaign's conditions before registering. Only what the
   * rules need is asked; the kernel's verdict is answered with each failing rule's text, value seen and clause,
   * and the rules awaiting a reviewer apart. Nothing is stored.
   */
  publicCheck: procedure
    .public("visitors check themselves against a programme's conditions before they register")
    .input(input(Schema.Struct({ id: CampaignId, answers: SelfCheck.SelfCheckAnswers })))
    .query(async ({ ctx, input: i }) => {
      // Limited per client IP, as registration is (each check is a screening; nothing is stored).
      await ctx.run(ctx.deps.auth.selfCheckFrom({ ip: ctx.clientIp }))
      return ctx
        .run(Effect.flatMap(CampaignService, (r) => r.publicGet(i.id)))
        .then((campaign) => selfCheckOut(campaign, i.answers))
    }),

  create: procedure
    .permission("campaign.write")
    .input(input(CreateInput))
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(CampaignService, (r) => r.create(ctx.cmd, i))).then(campaignOut),
    ),

  update: procedure
    .permission("campaign.write")
    .input(input(PatchInput))
    .mutation(({ ctx, input: { id, expectedVersion, ...patch } }) =>
      ctx
        .run(Effect.flatMap(CampaignService, (r) => r.update(ctx.cmd, { id, expectedVersion, patch })))
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
          const { campaign, scheme } = yield* Effect.flatMap(CampaignService, (r) =>
            r.schemeOf(ctx.actor, i.id),
          )
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
          const campaigns = yield* CampaignService
          const applications = yield* ApplicationService
          const { campaign, scheme } = yield* campaigns.schemeOf(ctx.actor, i.id)
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
          const apps = (yield* applications.allApplications(ctx.actor, campaign.id)).filter(
            (a) => !Selection.isTerminal(a.application.state),
          )
          const names = yield* campaigns.regionNames(apps.map((a) => a.regionId))
          const on = campaign.referenceDate as LocalDate.LocalDate
          // Issue 13: one pass over the nominees (Pool.checkPool groups them linearly), and every community under
          // the campaign's region is checked, those with no nominee at all included.
          const expected = yield* campaigns.poolCommunities(campaign)
          const known = new Map(expected.map((c) => [c.id, c.name]))
          const report = Pool.checkPool(
            rules,
            apps.map((a) => ({
              personId: a.person.id,
              roleKey: a.targetRole ?? "",
              birthDate: a.person.birthDate as LocalDate.LocalDate,
              community: {
                id: a.regionId,
                name: known.get(a.regionId) ?? names.get(a.regionId) ?? a.regionId,
              },
            })),
            on,
            expected,
          )
          const communities = report.communities
          const comp = report.composition
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
          const { campaign, scheme } = yield* Effect.flatMap(CampaignService, (r) =>
            r.schemeOf(ctx.actor, i.id),
          )
          const apps = yield* Effect.flatMap(ApplicationService, (r) =>
            r.allApplications(ctx.actor, campaign.id),
          )
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
          version: Schema.Int.pipe(Schema.between(1, MAX_INT4)).annotations({ title: "版本号 / version" }),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const draft = yield* Effect.flatMap(SchemeService, (r) => r.get(ctx.actor, i.schemeId, i.version))
          const { campaign } = yield* Effect.flatMap(CampaignService, (r) => r.schemeOf(ctx.actor, i.id))
          if (draft.scheme.id !== campaign.schemeId)
            return yield* Effect.fail(
              new Rejected({
                message: {
                  zh: "试算只能使用本批次所用方案的其他版本",
                  en: "what-if screening takes another version of the campaign's own scheme",
                },
              }),
            )
          const after = yield* Effect.flatMap(ApplicationService, (r) =>
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
