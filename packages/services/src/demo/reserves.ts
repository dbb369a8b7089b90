import { type Db, schema } from "@cadre/db"
import type { Access, LocalDate } from "@cadre/domain"
import { eq } from "drizzle-orm"
import { Effect, ManagedRuntime } from "effect"
import { ReserveService } from "../evaluations/index.js"
import { servicesOverDb } from "../layers.js"

const { reserveMembers } = schema

/**
 * The demo's reserve pipeline (003 一 拓源储备一批), entered through ReserveService (its checks, the archive entry,
 * the audit row): in 示例社区 a “95后” community worker as a reserve for the two committees, and a committee member
 * as a secretary reserve. The third young person of the community (吴佳琪) is left for the 后备干部 screen.
 * Idempotent: a loaded pipeline is left alone.
 */
export async function loadDemoReserves(db: Db): Promise<number> {
  const [exists] = await db
    .select({ id: reserveMembers.id })
    .from(reserveMembers)
    .where(eq(reserveMembers.personId, "demo-p-d3-1"))
  if (exists !== undefined) return 0
  const actor: Access.Actor = {
    accountId: "system:demo",
    role: "org_dept_admin",
    scope: { _tag: "RegionScope", regionId: "district-003" as never },
    scopePath: "/district-003/",
    displayName: "某区组织部（演示）",
  }
  const runtime = ManagedRuntime.make(servicesOverDb(db))
  const base = {
    regionId: "district-003-s1-c1",
    schemeId: "secretary-team-management",
    schemeVersion: 1,
    on: "2026-03-02" as LocalDate.LocalDate,
  }
  try {
    await runtime.runPromise(
      Effect.flatMap(ReserveService, (r) =>
        Effect.all([
          r.enterReserve(
            { actor },
            {
              ...base,
              personId: "demo-p-d3-1",
              role: "committee_reserve",
              source: "community_worker",
              basis: "“95后”优秀社区工作者，社区推荐",
            },
          ),
          r.enterReserve(
            { actor },
            {
              ...base,
              personId: "demo-p-d3-2",
              role: "secretary_reserve",
              source: "committee_member",
              basis: "优秀“两委”成员，街道党工委推荐",
            },
          ),
        ]),
      ),
    )
  } finally {
    await runtime.dispose()
  }
  return 2
}
