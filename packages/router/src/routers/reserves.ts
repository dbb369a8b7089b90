import { ReserveSource } from "@cadre/db"
import { Eligibility, type Text } from "@cadre/domain"
import { RESERVE_SOURCE_LABELS, ReserveService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import {
  ExpectedVersion,
  Id,
  type KeyedCursor,
  keyedPageFields,
  keyedPageRequest,
  MAX_INT4,
  NoInput,
  pageOut,
  writeKeyed,
} from "./shared.js"

/**
 * The reserve pipeline (issue 5; 003 一 拓源储备一批): community workers → reserves for the two committees →
 * secretary reserves; the yearly review removing the unqualified is `pool.review`.
 */

const Key = (title: string) => Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(80)).annotations({ title })
/** A waiver of a 一般 / 原则上 pool rule for one subject (a person or a community), with reason and approver. */
export const PoolWaiver = Schema.extend(
  Eligibility.Waiver,
  Schema.Struct({ subject: Schema.optional(Id("放宽对象（人员或社区） / subject")) }),
).annotations({ title: "放宽限制 / waiver" })
const Basis = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(2000)).annotations({ title: "依据 / basis" })

/** The cursor of reserves.list: a community id (the sort key) and the row's id. */
export const ReserveKey: KeyedCursor = {
  tag: "rc",
  keyOk: (k) => k.length > 0 && k.length <= 120,
  title: "翻页游标 / cursor",
}

const STATE_LABELS = {
  active: { zh: "在库", en: "in the pool" },
  removed: { zh: "已调整出库", en: "removed" },
} as const

/** A reserve row for the wire: names and labels, not codes (the ids stay for the moves). */
const reserveOut = (r: {
  readonly id: string
  readonly personId: string
  readonly personName: string
  readonly regionId: string
  readonly regionName: string
  readonly schemeId: string
  readonly schemeVersion: number
  readonly schemeName: Text
  readonly role: string
  readonly roleLabel: Text
  readonly source: ReserveSource | null
  readonly state: "active" | "removed"
  readonly enteredOn: string
  readonly leftOn: string | null
  readonly findings: ReadonlyArray<{
    readonly ruleId: string
    readonly status: string
    readonly message: Text
  }>
  readonly version: number
}) => ({
  id: r.id,
  personId: r.personId,
  personName: r.personName,
  regionId: r.regionId,
  regionName: r.regionName,
  schemeId: r.schemeId,
  schemeVersion: r.schemeVersion,
  schemeName: r.schemeName,
  role: r.role,
  roleLabel: r.roleLabel,
  source: r.source,
  sourceLabel: r.source === null ? null : RESERVE_SOURCE_LABELS[r.source],
  state: r.state,
  stateLabel: STATE_LABELS[r.state],
  enteredOn: r.enteredOn,
  leftOn: r.leftOn,
  findings: r.findings,
  version: r.version,
})

export const reservesRouter = router({
  /**
   * Enter a person into a scheme's reserve pool under one of its roles: 003 一 拓源储备一批 takes reserves for the
   * two committees from community workers and secretary reserves from committee members.
   */
  enter: procedure
    .permission("pool.review")
    .input(
      input(
        Schema.Struct({
          personId: Id("人员编号 / person id"),
          regionId: Id("社区 / community"),
          schemeId: Id("方案编号 / scheme id"),
          schemeVersion: Schema.Int.pipe(Schema.between(1, MAX_INT4)),
          role: Key("后备类别 / pool role"),
          source: ReserveSource,
          basis: Basis,
          waivers: Schema.optional(Schema.Array(PoolWaiver).annotations({ title: "放宽限制 / waivers" })),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(ReserveService, (r) => r.enterReserve(ctx.cmd, { ...i, on: todayOf(ctx) }))),
    ),

  /** 003 一: an outstanding reserve for the two committees moves on to the secretary reserve. */
  advance: procedure
    .permission("pool.review")
    .input(
      input(
        Schema.Struct({
          id: Id("后备人员编号 / reserve id"),
          expectedVersion: ExpectedVersion,
          basis: Basis,
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(ReserveService, (r) => r.advanceReserve(ctx.cmd, { ...i, on: todayOf(ctx) }))),
    ),

  /**
   * One page of the reserve members in the caller's scope (issue 19), by community then id (the index on the
   * community), at most `limit` (≤ 200, default 50), with `nextCursor` (null on the last page) and the `total` passing
   * the filters. Each row names the person, the community, the scheme, the role (its label in the scheme version) and
   * the source, with the state and the entry date.
   */
  list: procedure
    .permission("pool.review")
    .input(
      input(
        Schema.Struct({
          schemeId: Schema.optional(Id("方案编号 / scheme id")),
          regionId: Schema.optional(Id("社区 / community")),
          state: Schema.optional(
            Schema.Literal("active", "removed").annotations({ title: "在库状态 / state" }),
          ),
          ...keyedPageFields(ReserveKey),
        }),
      ),
    )
    .query(({ ctx, input: { cursor, limit, order, ...filter } }) =>
      ctx
        .run(
          Effect.flatMap(ReserveService, (r) =>
            r.reserves(ctx.actor, filter, keyedPageRequest(ReserveKey, { cursor, limit, order })),
          ),
        )
        .then((page) => pageOut(page, reserveOut, writeKeyed(ReserveKey))),
    ),

  /**
   * The published scheme versions in the caller's sight that set a reserve pool, with their pool roles, whether
   * they set the 003 pipeline (an advance), and the nominee rules a recorded waiver may set aside (一般 / 原则上);
   * and the sources a reserve may come from, labelled.
   */
  schemes: procedure
    .permission("pool.review")
    .input(input(NoInput))
    .query(({ ctx }) =>
      ctx.run(Effect.flatMap(ReserveService, (r) => r.poolSchemes(ctx.actor))).then((schemes) => ({
        schemes,
        // Where a reserve may come from (003 一 拓源储备一批), each with its label.
        sources: (Object.keys(RESERVE_SOURCE_LABELS) as Array<ReserveSource>).map((source) => ({
          source,
          label: RESERVE_SOURCE_LABELS[source],
        })),
      })),
    ),
})
