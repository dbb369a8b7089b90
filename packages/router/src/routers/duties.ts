import { DutyRepo, INSPECTION_KIND_LABELS, InspectionKind, type LeaveRecord } from "@cadre/db"
import { SchemeService } from "@cadre/services"
import { InPost, LocalDate } from "@cadre/domain"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { ExpectedVersion, Id } from "./shared.js"

/**
 * Duties during the term (issue 5): report obligations generated from the scheme (never typed in), leave routed
 * by the scheme's tiers (004 晋城 管理考核 一是), absences, inspections as records only (no geo check-in,
 * online-time tracking or point rankings — see the `inspections` table), mentoring pairs within the scheme's
 * capacity (003), training against the yearly minimum (001 五1). A cadre with an account files their own reports,
 * asks for leave and records their return (`authenticated` procedures: the repository keeps them to their own).
 */

const encodeLeave = Schema.encodeSync(InPost.LeaveRequest)
const encodePairing = Schema.encodeSync(InPost.Pairing)

const PlacementId = Id("任职安排编号 / placement id")
const Day = (title: string) => LocalDate.LocalDate.annotations({ title })

export const leaveOut = (r: LeaveRecord) => ({
  id: r.leave.id,
  placementId: r.leave.placementId,
  state: r.leave.state,
  stateLabel: InPost.LEAVE_STATE_LABELS[r.leave.state],
  from: r.leave.from,
  to: r.leave.to,
  days: InPost.formatHalfDays(r.leave.halfDays),
  halfDays: r.leave.halfDays,
  approver: r.leave.route.approver,
  approverLabel: InPost.ACTOR_LABELS[r.leave.route.approver],
  route: r.route,
  overstayDays: r.leave.overstayDays ?? null,
  version: r.version,
  leave: encodeLeave(r.leave),
})

const obligationOut = (o: {
  readonly obligation: InPost.ObligationInstance
  readonly status: InPost.ObligationStatus
  readonly submission: InPost.Submission | null
}) => ({
  key: o.obligation.key,
  reportId: o.obligation.reportId,
  subject: o.obligation.subject,
  from: o.obligation.from,
  to: o.obligation.to,
  kind: o.obligation.kind,
  period: o.obligation.period ?? null,
  due: o.obligation.due ?? null,
  event: o.obligation.event ?? null,
  clause: `${o.obligation.citation.document} ${o.obligation.citation.clause}`,
  status: o.status,
  submittedOn: o.submission?.submittedOn ?? null,
})

const HalfDays = {
  startsAfternoon: Schema.optional(
    Schema.Boolean.annotations({ title: "下午开始 / starts in the afternoon" }),
  ),
  endsMorning: Schema.optional(Schema.Boolean.annotations({ title: "上午结束 / ends at noon" })),
}

export const reportsRouter = router({
  /** A placement's report obligations as its scheme generates them, each with due date and status. */
  obligations: procedure
    .authenticated()
    .input(input(Schema.Struct({ placementId: PlacementId })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(DutyRepo, (r) => r.obligations(ctx.actor, i.placementId, todayOf(ctx))))
        .then((rows) => rows.map(obligationOut)),
    ),

  /** File a report against a generated obligation, with text and attachments (references to stored files). */
  submit: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          key: Schema.NonEmptyTrimmedString.annotations({ title: "报告任务 / obligation" }),
          text: Schema.String.pipe(Schema.maxLength(20_000)).annotations({ title: "报告内容 / text" }),
          attachments: Schema.Array(
            Schema.Struct({ name: Schema.NonEmptyTrimmedString, ref: Schema.NonEmptyTrimmedString }),
          ).annotations({ title: "附件 / attachments" }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(DutyRepo, (r) => r.submitReport(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(obligationOut),
    ),

  /** Reports due and not filed, over the placements in scope, most overdue first. */
  overdue: procedure
    .permission("placement.read")
    .input(input(Schema.Struct({ regionId: Schema.optional(Id("区域 / region")) })))
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(DutyRepo, (r) => r.overdue(ctx.actor, todayOf(ctx), i))).then((rows) =>
        rows.map((o) => ({
          placementId: o.placementId,
          personId: o.personId,
          personName: o.personName,
          regionId: o.regionId,
          regionName: o.regionName,
          key: o.obligation.key,
          subject: o.obligation.subject,
          due: o.obligation.due ?? null,
          clause: `${o.obligation.citation.document} ${o.obligation.citation.clause}`,
          daysOverdue: o.daysOverdue,
        })),
      ),
    ),
})

export const leaveRouter = router({
  /** 请假: routed to the body the scheme's tier names (≤ 3 days the host unit, more the org dept under 004 晋城). */
  request: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          from: Day("开始日期 / from"),
          to: Day("结束日期 / to"),
          ...HalfDays,
          reason: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(500)).annotations({
            title: "请假事由 / reason",
          }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(DutyRepo, (r) => r.requestLeave(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(leaveOut),
    ),

  /**
   * Where a request for these days would go, before it is made: the days counted (half days too), the approver the
   * scheme's tiers name and why, with the clause. Nothing is written.
   */
  preview: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          from: Day("开始日期 / from"),
          to: Day("结束日期 / to"),
          ...HalfDays,
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(DutyRepo, (r) => r.previewLeave(ctx.actor, { ...i, on: todayOf(ctx) })))
        .then((p) => ({
          days: InPost.formatHalfDays(p.halfDays),
          halfDays: p.halfDays,
          approver: p.approver,
          approverLabel: InPost.ACTOR_LABELS[p.approver],
          route: p.route,
        })),
    ),

  /** Approve or refuse (the kernel checks the caller speaks for the routed approver). */
  decide: procedure
    .permission("leave.approve")
    .input(
      input(
        Schema.Struct({
          id: Id("请假编号 / leave id"),
          expectedVersion: ExpectedVersion,
          move: Schema.Union(
            Schema.TaggedStruct("Approve", { note: Schema.optional(Schema.String) }),
            Schema.TaggedStruct("Refuse", { reason: Schema.NonEmptyTrimmedString }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(DutyRepo, (r) =>
            r.leaveMove(ctx.cmd, {
              leaveId: i.id,
              expectedVersion: i.expectedVersion,
              move: i.move,
              on: todayOf(ctx),
            }),
          ),
        )
        .then(leaveOut),
    ),

  /** 销假: the cadre, the approver or the host records the day the cadre is back. */
  returnFrom: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          id: Id("请假编号 / leave id"),
          expectedVersion: ExpectedVersion,
          date: Day("销假日期 / date"),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(DutyRepo, (r) =>
            r.leaveMove(ctx.cmd, {
              leaveId: i.id,
              expectedVersion: i.expectedVersion,
              move: { _tag: "Return", date: i.date },
              on: todayOf(ctx),
            }),
          ),
        )
        .then(leaveOut),
    ),

  list: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          placementId: Schema.optional(PlacementId),
          state: Schema.optional(InPost.LeaveState),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(DutyRepo, (r) => r.leaves(ctx.actor, i))).then((rows) => rows.map(leaveOut)),
    ),

  /** 擅自离岗, recorded by a managing body. */
  recordAbsence: procedure
    .permission("placement.manage")
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          from: Day("开始日期 / from"),
          to: Day("结束日期 / to"),
          ...HalfDays,
          note: Schema.String.pipe(Schema.maxLength(500)).annotations({ title: "情况说明 / note" }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(DutyRepo, (r) => r.recordAbsence(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then((a) => ({ ...a, days: InPost.formatHalfDays(a.halfDays) })),
    ),

  absences: procedure
    .permission("placement.read")
    .input(input(Schema.Struct({ placementId: PlacementId })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(DutyRepo, (r) => r.absences(ctx.actor, i.placementId)))
        .then((rows) => rows.map((a) => ({ ...a, days: InPost.formatHalfDays(a.halfDays) }))),
    ),
})

export const inspectionsRouter = router({
  /** A 巡查/查岗 record: who looked, when, what they found. No location, no online time, no points. */
  record: procedure
    .permission("placement.manage")
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          date: Day("日期 / date"),
          kind: InspectionKind,
          outcome: Schema.Literal("satisfactory", "concern").annotations({ title: "结果 / outcome" }),
          finding: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(2000)).annotations({
            title: "情况 / finding",
          }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(DutyRepo, (r) => r.recordInspection(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then((x) => ({ ...x, kindLabel: INSPECTION_KIND_LABELS[x.kind] })),
    ),

  list: procedure
    .permission("placement.read")
    .input(input(Schema.Struct({ placementId: PlacementId })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(DutyRepo, (r) => r.inspections(ctx.actor, i.placementId)))
        .then((rows) => rows.map((x) => ({ ...x, kindLabel: INSPECTION_KIND_LABELS[x.kind] }))),
    ),
})

const pairOut = (p: {
  readonly pairing: InPost.Pairing
  readonly placementId: string
  readonly version: number
  readonly mentorName: string
  readonly menteeName: string
}) => ({
  id: p.pairing.id,
  placementId: p.placementId,
  mentorId: p.pairing.mentorId,
  mentorName: p.mentorName,
  menteeId: p.pairing.menteeId,
  menteeName: p.menteeName,
  from: p.pairing.from,
  to: p.pairing.to ?? null,
  version: p.version,
  pairing: encodePairing(p.pairing),
})

export const mentoringRouter = router({
  /** 结对帮带: refused with the arithmetic when the mentor is at the scheme's capacity (003: 3–4 a year). */
  pair: procedure
    .permission("placement.manage")
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          mentorId: Id("导师 / mentor"),
          from: Day("开始日期 / from"),
          to: Schema.optional(Day("结束日期 / to")),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(DutyRepo, (r) => r.pair(ctx.cmd, { ...i, on: todayOf(ctx) }))).then(pairOut),
    ),

  end: procedure
    .permission("placement.manage")
    .input(
      input(
        Schema.Struct({
          id: Id("结对编号 / pair id"),
          expectedVersion: ExpectedVersion,
          to: Day("结束日期 / to"),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(DutyRepo, (r) =>
            r.endPairing(ctx.cmd, {
              pairId: i.id,
              expectedVersion: i.expectedVersion,
              to: i.to,
              on: todayOf(ctx),
            }),
          ),
        )
        .then(pairOut),
    ),

  list: procedure
    .permission("placement.read")
    .input(
      input(
        Schema.Struct({
          mentorId: Schema.optional(Id("导师 / mentor")),
          placementId: Schema.optional(PlacementId),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(DutyRepo, (r) => r.pairs(ctx.actor, i))).then((rows) => rows.map(pairOut)),
    ),

  /** A mentor's mentees in a year against the capacity of the placement's scheme. */
  load: procedure
    .permission("placement.read")
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          mentorId: Id("导师 / mentor"),
          year: Schema.Int.pipe(Schema.between(2000, 2200)).annotations({ title: "年度 / year" }),
        }),
      ),
    )
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(DutyRepo, (r) => r.mentorLoad(ctx.actor, i)))),
})

export const trainingRouter = router({
  record: procedure
    .permission("placement.manage")
    .input(
      input(
        Schema.Struct({
          personId: Id("人员编号 / person id"),
          date: Day("培训日期 / date"),
          kind: InPost.TrainingRecordKind,
          title: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)).annotations({
            title: "培训名称 / title",
          }),
          organiser: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(DutyRepo, (r) => r.recordTraining(ctx.cmd, { ...i, on: todayOf(ctx) }))),
    ),

  /** A person's training in a year against a scheme's minimums (001 五1: at least one centralised a year). */
  check: procedure
    .permission("placement.read")
    .input(
      input(
        Schema.Struct({
          personId: Id("人员编号 / person id"),
          schemeId: Id("方案编号 / scheme id"),
          schemeVersion: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)),
          year: Schema.Int.pipe(Schema.between(2000, 2200)).annotations({ title: "年度 / year" }),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const s = yield* Effect.flatMap(SchemeService, (r) => r.get(ctx.actor, i.schemeId, i.schemeVersion))
          const out = yield* Effect.flatMap(DutyRepo, (r) =>
            r.checkTraining(ctx.actor, {
              personId: i.personId,
              scheme: s.scheme,
              year: i.year,
              on: todayOf(ctx),
            }),
          )
          return {
            records: out.records,
            checks: out.checks,
            shortfalls: InPost.trainingShortfalls(out.checks).length,
            unspecified:
              s.scheme.training === undefined || s.scheme.training._tag === "Unspecified"
                ? s.scheme.training?._tag === "Unspecified"
                  ? s.scheme.training.note
                  : null
                : null,
          }
        }),
      ),
    ),
})
