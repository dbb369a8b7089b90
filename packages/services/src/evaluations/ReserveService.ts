import { randomUUID } from "node:crypto"
import {
  type CommandContext,
  type Conflict,
  conflict,
  Database,
  type NotFound,
  notFound,
  type PageKey,
  type PageRequest,
  placementQueries,
  poolQueries,
  reserveQueries,
  schemeQueries,
  type StaleVersion,
  staleVersion,
  transaction,
  type Tx,
  writeAudit,
} from "@cadre/db"
import { Access, type InPost, type LocalDate, Pool, type Scheme, type Text } from "@cadre/domain"
import { Effect, Either } from "effect"
import { requirePermission } from "../shared/authority.js"
import { entry, fileInArchive } from "../shared/inpost.js"
import { SchemeStore } from "../shared/SchemeStore.js"
import { clauseOf, t } from "./rules.js"

/**
 * The reserve pipeline (issue 5; 003 一 拓源储备一批): community workers → reserves for the two committees →
 * secretary reserves (`reserve_members`), each step filed in the person's archive and audited in the same
 * transaction. The yearly review that removes the unqualified (001 五1) is PoolService.reviewPool, which counts
 * these members too and closes them (shared/reserves.ts).
 */

type ReserveSource = reserveQueries.ReserveSource
type ReserveMemberRecord = reserveQueries.ReserveMemberRecord

export const RESERVE_SOURCE_LABELS: Readonly<Record<ReserveSource, Text>> = {
  community_worker: t("社区工作者", "community worker"),
  committee_member: t("“两委”成员", "member of the two committees"),
  recruited: t("招录", "recruited"),
  nominated: t("社区推荐", "nominated by the community"),
  other: t("其他", "other"),
}

/**
 * The pipeline of 003 一 拓源储备一批 — "将“95后”优秀社区工作者纳入“两委”成员后备力量,将优秀“两委”成员纳入社区党组织书记
 * 后备力量" — keyed on the pool roles of the 003 preset. The Scheme has no pipeline field: the path applies to a
 * scheme whose pool names both roles, and every answer cites the scheme's own `pool.roles` clause. A scheme
 * whose pool lacks them (001: principal, deputy) has no pipeline, and an advance is refused.
 */
const PIPELINE = {
  first: { role: "committee_reserve", source: "community_worker" as ReserveSource },
  next: { role: "secretary_reserve", source: "committee_member" as ReserveSource },
} as const

const hasPipeline = (roles: ReadonlyArray<Scheme.PoolRole>): boolean =>
  roles.some((r) => r.key === PIPELINE.first.role) && roles.some((r) => r.key === PIPELINE.next.role)

type CmdErr = Access.Forbidden | NotFound | StaleVersion | Conflict | InPost.ArchiveRefused | Pool.PoolRefused

export class ReserveService extends Effect.Service<ReserveService>()("@cadre/services/ReserveService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database
    const schemes = yield* SchemeStore

    const reserveOut = (id: string) =>
      Effect.flatMap(reserveQueries.getReserve(db, id), (out) =>
        out === undefined ? Effect.fail(notFound("reserve_member", id)) : Effect.succeed(out),
      )

    /** A scheme version the actor sees (Access.seesScheme), decoded; NotFound otherwise. */
    const visibleScheme = (tx: Tx, actor: Access.Actor, schemeId: string, version: number) =>
      Effect.gen(function* () {
        const s = yield* poolQueries.schemeVersionPlace(tx, schemeId, version)
        if (s === undefined || !Access.seesScheme(actor, s.path, s.status))
          return yield* Effect.fail(notFound("scheme", `${schemeId}@${version}`))
        return yield* schemes.load(schemeId, version, tx)
      })

    /** Enter a person into a scheme's reserve pool under one of its roles (003 一 拓源储备一批; 001 二). */
    const enterReserve = (
      ctx: CommandContext,
      input: {
        readonly personId: string
        readonly regionId: string
        readonly schemeId: string
        readonly schemeVersion: number
        readonly role: string
        readonly source: ReserveSource
        readonly basis: string
        /** Waivers of the nominee's 一般 / 原则上 findings (001 三（4） 副职一般不超过40周岁), with reason and approver. */
        readonly waivers?: ReadonlyArray<Pool.PoolWaiver> | undefined
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<ReserveMemberRecord, CmdErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "pool.review")
        const id = randomUUID()
        yield* transaction(db, "reserve.enter", (tx) =>
          Effect.gen(function* () {
            const person = yield* placementQueries.personInScope(tx, ctx.actor, input.personId)
            if (person === undefined) return yield* Effect.fail(notFound("person", input.personId))
            const region = yield* poolQueries.regionById(tx, input.regionId)
            if (region === undefined || !Access.seesRegion(ctx.actor, region.path))
              return yield* Effect.fail(notFound("region", input.regionId))
            const scheme = yield* visibleScheme(tx, ctx.actor, input.schemeId, input.schemeVersion)
            const rules = Pool.poolRulesOf(scheme)
            if (rules === undefined)
              return yield* Effect.fail(
                conflict("scheme", input.schemeId, "no_pool", {
                  zh: "该方案未规定后备干部队伍，不能纳入后备力量",
                  en: "the scheme sets no reserve pool; no one can be entered into it",
                }),
              )
            const roles = rules.pool.roles._tag === "Cited" ? rules.pool.roles.value : []
            const role = roles.find((r) => r.key === input.role)
            if (role === undefined)
              return yield* Effect.fail(
                conflict("reserve", input.role, "unknown_role", {
                  zh: `本方案的后备力量没有“${input.role}”这一类别；可用：${roles.map((r) => `${r.key}（${r.label.zh}）`).join("、") || "无"}`,
                  en: `the scheme's pool has no role "${input.role}"; roles: ${roles.map((r) => r.key).join(", ") || "none"}`,
                }),
              )
            // 003 一 拓源储备一批: each stage of the pipeline takes from its own source.
            if (rules.pool.roles._tag === "Cited" && hasPipeline(roles)) {
              const stage = [PIPELINE.first, PIPELINE.next].find((s) => s.role === role.key)
              if (stage !== undefined && stage.source !== input.source) {
                const c = clauseOf(rules.pool.roles.citation)
                const from = RESERVE_SOURCE_LABELS[stage.source]
                return yield* Effect.fail(
                  conflict("reserve", input.role, "wrong_source", {
                    zh: `${role.label.zh}从优秀${from.zh}中纳入，不能从“${RESERVE_SOURCE_LABELS[input.source].zh}”纳入（${c}）`,
                    en: `the ${role.label.en} is drawn from the outstanding among: ${from.en}; not from: ${RESERVE_SOURCE_LABELS[input.source].en} (${c})`,
                  }),
                )
              }
            }
            // 002 三（二）: a recalled cadre's reserve status is removed, for good.
            const lost = yield* reserveQueries.lostReserveStatus(tx, input.personId)
            if (lost !== undefined) {
              const b = lost.body as { text?: Text }
              return yield* Effect.fail(
                conflict("reserve", input.personId, "reserve_status_lost", {
                  zh: `不能纳入后备力量：${b.text?.zh ?? `${lost.from}起取消后备干部资格`}`,
                  en: `cannot enter the reserve: ${b.text?.en ?? `reserve status removed from ${lost.from}`}`,
                }),
              )
            }
            const already = yield* reserveQueries.activeReserveId(tx, input.personId, input.schemeId)
            if (already !== undefined)
              return yield* Effect.fail(
                conflict("reserve", input.personId, "duplicate", {
                  zh: `${person.name}已在本方案的后备力量中`,
                  en: `${person.name} is already in this scheme's reserve`,
                }),
              )
            const birthDate = yield* reserveQueries.birthDateOf(tx, input.personId)
            const check = Pool.checkNominees(
              rules,
              { id: input.regionId, name: region.name },
              [{ personId: input.personId, roleKey: role.key, birthDate: birthDate as LocalDate.LocalDate }],
              input.on,
            )
            // Issue 13: the nominee's own findings gate the entry (the list's count and roles are the pool's, checked
            // at its decision): a failing 一般 / 原则上 rule passes only with a recorded waiver, any other never.
            const own = check.nominees[0]?.findings ?? []
            const gated = Pool.gate(
              own
                .filter((f) => f.status === "fail")
                .map((f) => ({ ruleId: f.ruleId, subject: input.personId, finding: f })),
              (input.waivers ?? []).map((w) => ({ ...w, subject: w.subject ?? input.personId })),
            )
            if (Either.isLeft(gated)) return yield* Effect.fail(gated.left)
            const waived = gated.right.map((w) => ({
              ruleId: w.ruleId,
              clause: w.clause,
              message: w.message,
              reason: w.waiver.reason,
              approver: w.waiver.approver,
              approvedOn: w.waiver.approvedOn,
            }))
            const findings = own.map((f) => ({
              ruleId: f.ruleId,
              status: waived.some((w) => w.ruleId === f.ruleId) ? ("waived" as const) : f.status,
              message: f.message,
            }))
            const body: reserveQueries.ReserveBody = {
              steps: [
                {
                  on: input.on,
                  role: role.key,
                  source: input.source,
                  basis: input.basis,
                  by: ctx.actor.accountId,
                  step: "entered",
                },
              ],
            }
            yield* reserveQueries.insertReserve(tx, {
              id,
              personId: input.personId,
              regionId: input.regionId,
              schemeId: input.schemeId,
              schemeVersion: input.schemeVersion,
              role: role.key,
              enteredOn: input.on,
              body: JSON.parse(JSON.stringify({ ...body, findings, waived })),
            })
            yield* fileInArchive(tx, ctx, {
              personId: input.personId,
              regionPath: region.path,
              on: input.on,
              entries: [
                entry(
                  `reserve/${id}/entered`,
                  input.on,
                  "recommendation",
                  t(
                    `纳入${region.name}${role.label.zh}（来源：${RESERVE_SOURCE_LABELS[input.source].zh}）：${input.basis}`,
                    `entered as ${role.label.en} of ${region.name} (from: ${RESERVE_SOURCE_LABELS[input.source].en}): ${input.basis}`,
                  ),
                  {
                    ref: id,
                    ...(rules.pool.roles._tag === "Cited" ? { citation: rules.pool.roles.citation } : {}),
                  },
                ),
              ],
            })
            yield* writeAudit(tx, ctx, {
              action: "reserve.enter",
              entity: "reserve_member",
              entityId: id,
              regionPath: region.path,
              before: null,
              after: {
                personId: input.personId,
                schemeId: input.schemeId,
                role: role.key,
                source: input.source,
                waived,
              },
            })
          }),
        )
        return yield* reserveOut(id)
      })

    /** Move a reserve for the two committees on to the secretary reserve (003 一 拓源储备一批). */
    const advanceReserve = (
      ctx: CommandContext,
      input: {
        readonly id: string
        readonly expectedVersion: number
        readonly basis: string
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<ReserveMemberRecord, CmdErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "pool.review")
        yield* transaction(db, "reserve.advance", (tx) =>
          Effect.gen(function* () {
            const r = yield* reserveQueries.lockReserveWithin(tx, input.id, ctx.actor.scopePath)
            if (r === undefined || !Access.seesRegion(ctx.actor, r.path))
              return yield* Effect.fail(notFound("reserve_member", input.id))
            if (r.row.version !== input.expectedVersion)
              return yield* Effect.fail(
                staleVersion("reserve_member", input.id, input.expectedVersion, r.row.version),
              )
            const scheme = yield* schemes.load(r.row.schemeId, r.row.schemeVersion, tx)
            const roles =
              scheme.pool._tag === "Cited" && scheme.pool.value.roles._tag === "Cited"
                ? scheme.pool.value.roles
                : undefined
            if (roles === undefined || !hasPipeline(roles.value))
              return yield* Effect.fail(
                conflict("reserve", input.id, "no_pipeline", {
                  zh: "本方案未规定后备力量的递进培养路径（社区工作者→“两委”成员后备力量→书记后备力量）",
                  en: "the scheme sets no reserve pipeline (community workers → committee reserves → secretary reserves)",
                }),
              )
            const c = clauseOf(roles.citation)
            const label = (key: string) => roles.value.find((x) => x.key === key)?.label ?? t(key, key)
            if (r.row.state !== "active")
              return yield* Effect.fail(
                conflict("reserve", input.id, "removed", {
                  zh: `已于 ${r.row.leftOn} 调整出后备力量，不能递进`,
                  en: `removed from the reserve on ${r.row.leftOn}; cannot move on`,
                }),
              )
            if (r.row.role !== PIPELINE.first.role)
              return yield* Effect.fail(
                conflict("reserve", input.id, "not_next", {
                  zh: `只有${label(PIPELINE.first.role).zh}可递进为${label(PIPELINE.next.role).zh}，此人现为${label(r.row.role).zh}（${c}）`,
                  en: `only a ${label(PIPELINE.first.role).en} moves on to ${label(PIPELINE.next.role).en}; this person is a ${label(r.row.role).en} (${c})`,
                }),
              )
            const before = yield* reserveQueries.stepsOf(r.row)
            const steps = [
              ...before,
              {
                on: input.on,
                role: PIPELINE.next.role,
                basis: input.basis,
                by: ctx.actor.accountId,
                step: "advanced" as const,
              },
            ]
            yield* reserveQueries.updateReserve(tx, r.row.id, {
              role: PIPELINE.next.role,
              body: JSON.parse(JSON.stringify({ ...(r.row.body as object), steps })),
            })
            yield* fileInArchive(tx, ctx, {
              personId: r.row.personId,
              regionPath: r.path,
              on: input.on,
              entries: [
                entry(
                  `reserve/${r.row.id}/advanced`,
                  input.on,
                  "recommendation",
                  t(
                    `由${label(PIPELINE.first.role).zh}纳入${label(PIPELINE.next.role).zh}：${input.basis}`,
                    `moved from ${label(PIPELINE.first.role).en} to ${label(PIPELINE.next.role).en}: ${input.basis}`,
                  ),
                  { ref: r.row.id, citation: roles.citation },
                ),
              ],
            })
            yield* writeAudit(tx, ctx, {
              action: "reserve.advance",
              entity: "reserve_member",
              entityId: r.row.id,
              regionPath: r.path,
              before: { role: r.row.role, version: r.row.version },
              after: { role: PIPELINE.next.role, basis: input.basis },
            })
          }),
        )
        return yield* reserveOut(input.id)
      })

    /** The label of a pool role in its scheme version (the key itself where the scheme has no such role). */
    const roleLabelOf = (scheme: Scheme.Scheme, key: string): Text => {
      const roles =
        scheme.pool._tag === "Cited" && scheme.pool.value.roles._tag === "Cited"
          ? scheme.pool.value.roles.value
          : []
      return roles.find((r) => r.key === key)?.label ?? t(key, key)
    }

    /**
     * One keyset page of the reserve members in the caller's scope (issue 19), by community and id, each with its
     * scheme's name and the label of its role in that scheme version, and the total passing the filter.
     */
    const reserves = (
      actor: Access.Actor,
      filter: reserveQueries.ReserveFilter,
      page: PageRequest,
    ): Effect.Effect<
      {
        readonly items: ReadonlyArray<
          ReserveMemberRecord & { readonly roleLabel: Text; readonly schemeName: Text }
        >
        readonly next: PageKey | null
        readonly total: number
      },
      Access.Forbidden
    > =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "pool.review")
        const found = yield* reserveQueries.pageReserves(db, actor.scopePath, filter, page)
        const items = yield* Effect.forEach(found.rows, (r) =>
          Effect.map(schemes.load(r.schemeId, r.schemeVersion), (scheme) => ({
            ...r,
            roleLabel: roleLabelOf(scheme, r.role),
            schemeName: scheme.name,
          })),
        )
        return { items, next: found.next, total: found.total }
      })

    /**
     * The published scheme versions the caller sees that set a reserve pool (001, 003), with what entering a person
     * needs: the pool's roles, its composition clauses and the nominee rules a recorded waiver may set aside (一般 /
     * 原则上: 001 三（4） the age cap by role).
     */
    const poolSchemes = (actor: Access.Actor) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "pool.review")
        const rows = yield* schemeQueries.list(db, actor, { status: "published" })
        const out = yield* Effect.forEach(rows, (row) =>
          Effect.map(schemes.load(row.schemeId, row.version), (scheme) => {
            const rules = Pool.poolRulesOf(scheme)
            if (rules === undefined) return []
            const pool = rules.pool
            return [
              {
                schemeId: row.schemeId,
                version: row.version,
                name: scheme.name,
                regionName: row.regionName,
                effectiveFrom: row.effectiveFrom,
                roles: pool.roles._tag === "Cited" ? pool.roles.value : [],
                pipeline: pool.roles._tag === "Cited" && hasPipeline(pool.roles.value),
                waivable: rules.ageCaps
                  .filter((r) => r.waivable)
                  .map((r) => ({ ruleId: r.id, label: r.label, clause: clauseOf(r.citation) })),
              },
            ]
          }),
        )
        return out.flat()
      })

    return { enterReserve, advanceReserve, reserves, poolSchemes } as const
  }),
  dependencies: [SchemeStore.Default],
}) {}
