import { sql } from "drizzle-orm"
import type { Db } from "./database.js"

/**
 * Verify the audit log's hash chain (migration 0006_security): walking the rows in chain order (`seq`), every row
 * must have the next number, carry the previous row's hash in `prev_hash`, and its `hash` must be the hash of its
 * current content; the chain head must name the last row. The first link that fails is reported, so an operator
 * knows from which row on the log can no longer be trusted.
 *
 * It detects rows rewritten, inserted or deleted behind the triggers' back (e.g. by the table owner disabling
 * them). It cannot detect a rewrite that also recomputed every later hash and the head: for that, keep the head
 * hash somewhere the database owner cannot write (printed by `cadre audit:verify`).
 */

export type AuditChainBreak =
  /** The row's content no longer matches its hash (rewritten in place). */
  | "hash_mismatch"
  /** The row's prev_hash is not the previous row's hash (a row before it was removed or replaced). */
  | "prev_hash_mismatch"
  /** The row's number is not the next one (rows removed, or inserted without the trigger). */
  | "sequence_gap"
  /** The head names another last row than the table holds (rows removed at the end). */
  | "head_mismatch"

export interface AuditChainReport {
  readonly ok: boolean
  /** Rows checked. */
  readonly rows: number
  /** The last row's seq and hash (the chain head), when the chain holds. */
  readonly head: { readonly seq: number; readonly hash: string }
  /** The first broken link: the row (id and seq; null for a row without a number) and why. */
  readonly broken?: {
    readonly id: number | null
    readonly seq: number | null
    readonly reason: AuditChainBreak
  }
}

interface ChainRow extends Record<string, unknown> {
  readonly id: string | number
  readonly seq: string | number | null
  readonly prev_hash: string | null
  readonly hash: string | null
  readonly expected: string | null
}

const rowsOf = <T>(result: unknown): ReadonlyArray<T> =>
  Array.isArray(result) ? (result as Array<T>) : ((result as { rows?: Array<T> }).rows ?? [])

const num = (v: string | number | null): number | null => (v === null ? null : Number(v))

/** Walk the chain in batches of `batch` rows; the first broken link ends the walk. */
export async function verifyAuditChain(
  db: Db,
  options: { readonly batch?: number } = {},
): Promise<AuditChainReport> {
  const batch = options.batch ?? 1000
  const installed = rowsOf<{ head: string | null }>(
    await db.execute(sql`select to_regclass('audit_chain_head')::text as head`),
  )[0]
  if (installed?.head === null || installed === undefined)
    throw new Error(
      "数据库尚无审计哈希链（迁移 0006 之前的版本或空库）：请先启动一次 API 完成迁移 / the database has no audit hash chain (before migration 0006, or empty): start the API once to migrate it",
    )
  // Rows the trigger never numbered come first (seq null): each is a broken link on its own.
  const unnumbered = rowsOf<{ id: string | number }>(
    await db.execute(sql`select id from audit_log where seq is null order by id limit 1`),
  )
  let rows = 0
  let prevSeq = 0
  let prevHash = ""
  if (unnumbered[0] !== undefined)
    return {
      ok: false,
      rows,
      head: { seq: 0, hash: "" },
      broken: { id: Number(unnumbered[0].id), seq: null, reason: "sequence_gap" },
    }
  for (;;) {
    const page = rowsOf<ChainRow>(
      await db.execute(sql`
        select id, seq, prev_hash, hash,
          audit_log_row_hash(prev_hash, seq, id, at, actor_account_id, actor_role, action, entity, entity_id,
            region_path, before, after, request_id) as expected
        from audit_log where seq > ${prevSeq} order by seq limit ${batch}`),
    )
    for (const r of page) {
      const id = Number(r.id)
      const seq = num(r.seq)
      const broken = (reason: AuditChainBreak): AuditChainReport => ({
        ok: false,
        rows,
        head: { seq: prevSeq, hash: prevHash },
        broken: { id, seq, reason },
      })
      if (seq !== prevSeq + 1) return broken("sequence_gap")
      if ((r.prev_hash ?? "") !== prevHash) return broken("prev_hash_mismatch")
      if (r.hash === null || r.hash !== r.expected) return broken("hash_mismatch")
      rows += 1
      prevSeq = seq
      prevHash = r.hash
    }
    if (page.length < batch) break
  }
  const head = rowsOf<{ seq: string | number; hash: string }>(
    await db.execute(sql`select seq, hash from audit_chain_head where id = 1`),
  )[0]
  if (head === undefined || Number(head.seq) !== prevSeq || head.hash !== prevHash)
    return {
      ok: false,
      rows,
      head: { seq: prevSeq, hash: prevHash },
      broken: { id: null, seq: head === undefined ? null : Number(head.seq), reason: "head_mismatch" },
    }
  return { ok: true, rows, head: { seq: prevSeq, hash: prevHash } }
}
