import { type Db, type DemoLoadResult, loadDemoBase, schema } from "@cadre/db"
import { sql } from "drizzle-orm"
import { loadDemoCampaigns } from "./campaigns.js"
import { loadDemoPlacements } from "./placements.js"

export { DEMO_CADRE_PERSON_ID, DEMO_PLACEMENT_IDS, loadDemoPlacements } from "./placements.js"

/**
 * The demo of every seed region: the reference data (regions, units, posts, people, published schemes; one
 * transaction in `@cadre/db`), then one selection campaign per seed programme and placements in every state, made
 * through the services (kernel moves, audit rows), each command in its own transaction. Idempotent.
 */
export async function loadDemoData(db: Db): Promise<DemoLoadResult> {
  const base = await loadDemoBase(db)
  await loadDemoCampaigns(db)
  await loadDemoPlacements(db)
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.campaigns)
  return { ...base, campaigns: c?.n ?? 0 }
}
