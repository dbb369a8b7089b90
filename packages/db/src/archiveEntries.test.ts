import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PGlite } from "@electric-sql/pglite"
import { sql } from "drizzle-orm"
import { drizzle } from "drizzle-orm/pglite"
import { migrate } from "drizzle-orm/pglite/migrator"
import { describe, expect, it } from "vitest"
import { MIGRATIONS_FOLDER } from "./database.js"

/**
 * Issue 15: an archive's entries became rows. The migration that made them moves what an older release kept in
 * each archive's body, in the file's order and in the right volume, and leaves the body a header.
 */
describe("migration archive_entries", () => {
  it("moves every entry of every stored archive into rows, by volume, in order, and strips the body", async () => {
    const old = mkdtempSync(join(tmpdir(), "cadre-old-migrations-"))
    try {
      cpSync(MIGRATIONS_FOLDER, old, { recursive: true })
      const journalPath = join(old, "meta/_journal.json")
      const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: Array<{ tag: string }> }
      const at = journal.entries.findIndex((e) => e.tag.endsWith("_archive_entries"))
      expect(at).toBeGreaterThan(0)
      journal.entries = journal.entries.slice(0, at)
      writeFileSync(journalPath, JSON.stringify(journal))
      const client = await PGlite.create()
      const db = drizzle(client)
      await migrate(db, { migrationsFolder: old })
      const entry = (id: string, date: string, kind: string) => ({
        id,
        date,
        kind,
        title: { zh: `材料${id}`, en: `entry ${id}` },
      })
      const body = {
        personId: "p-1",
        openedOn: "2025-03-01",
        entries: [
          entry("a", "2021-01-05", "placement_change"),
          entry("b", "2022-06-30", "report"),
          entry("c", "2023-01-12", "assessment"),
          {
            ...entry("d", "2025-03-01", "placement_change"),
            ref: "pl-2",
            citation: { document: "003", clause: "三" },
          },
          entry("e", "2025-03-01", "reward"),
        ],
        closedVolumes: [
          {
            openedOn: "2021-01-05",
            sealed: { on: "2023-01-12", reason: { zh: "期满", en: "left" } },
            entryCount: 3,
          },
        ],
      }
      // The person row is not the point here: skip the foreign keys for the fixture, as a restore would.
      await db.execute(sql`set session_replication_role = replica`)
      await db.execute(
        sql`insert into archives (person_id, opened_on, body) values ('p-1', '2025-03-01', ${JSON.stringify(body)}::jsonb)`,
      )
      await db.execute(sql`set session_replication_role = origin`)
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })

      const rows = (
        (await db.execute(
          sql`select entry_id, volume, date::text as date, kind_rank, ref, citation from archive_entries
              where person_id = 'p-1' order by volume, date, kind_rank, seq`,
        )) as unknown as { rows: ReadonlyArray<Record<string, unknown>> }
      ).rows
      expect(rows.map((r) => [r.entry_id, r.volume, r.date])).toEqual([
        ["a", 1, "2021-01-05"],
        ["b", 1, "2022-06-30"],
        ["c", 1, "2023-01-12"],
        ["d", 2, "2025-03-01"],
        ["e", 2, "2025-03-01"],
      ])
      // The kind's rank follows ARCHIVE_KINDS (placement_change before reward), 1-based as the service writes it.
      expect(rows[3]).toMatchObject({
        kind_rank: 4,
        ref: "pl-2",
        citation: { document: "003", clause: "三" },
      })
      expect(rows[4]?.kind_rank).toBe(8)
      const header = (
        (await db.execute(sql`select body from archives where person_id = 'p-1'`)) as unknown as {
          rows: ReadonlyArray<{ body: Record<string, unknown> }>
        }
      ).rows[0]?.body
      expect(header).not.toHaveProperty("entries")
      expect(header).toMatchObject({ openedOn: "2025-03-01", closedVolumes: [{ entryCount: 3 }] })
      await client.close()
    } finally {
      rmSync(old, { recursive: true, force: true })
    }
  }, 180_000)
})
