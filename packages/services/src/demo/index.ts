import { type Db, type DemoLoadResult, loadDemoBase, schema } from "@cadre/db"
import { sql } from "drizzle-orm"
import { loadDemoCampaigns } from "./campaigns.js"
import { loadDemoPlacements } from "./placements.js"
import { loadDemoReserves } from "./reserves.js"

export { DEMO_CADRE_PERSON_ID, DEMO_PLACEMENT_IDS, loadDemoPlacements } from "./placements.js"

/** The parts of the demo load, in order; `onStep` hears each one as it is done (inside the transaction). */
export type DemoStep = "reference" | "campaigns" | "placements"

/**
 * The demo of every seed region: the reference data (regions, units, posts, people, published schemes), then one
 * selection campaign per seed programme, placements in every state and a reserve pipeline, made through the services (kernel moves,
 * audit rows). The whole load is ONE transaction: each service command's own transaction becomes a savepoint in
 * it, so a crash or a kill -9 part-way leaves nothing, and the next start loads the demo whole (issue 15: an
 * interrupted first start used to leave 3 campaigns of 10 for good). Idempotent: a loaded demo is left alone.
 */
export async function loadDemoData(db: Db, onStep?: (step: DemoStep) => void): Promise<DemoLoadResult> {
  return db.transaction(async (tx) => {
    const base = await loadDemoBase(tx)
    onStep?.("reference")
    await loadDemoCampaigns(tx)
    onStep?.("campaigns")
    await loadDemoPlacements(tx)
    // The reserve pipeline of 003 (a few members for the 后备干部 screen), with the placements' step.
    await loadDemoReserves(tx)
    onStep?.("placements")
    const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(schema.campaigns)
    return { ...base, campaigns: c?.n ?? 0 }
  })
}
