import { type AnyColumn, asc, desc, type SQL, type Subquery, sql } from "drizzle-orm"
import { Effect } from "effect"
import { type Handle, q } from "../storage.js"

/**
 * Keyset pages (issue 19): a list reads the rows after the last one the caller saw, in an indexed order
 * (sort key, id), never by offset — the thousandth page costs what the first does, and rows inserted meanwhile
 * neither repeat nor shift the rows not yet read.
 */

/** Where a page starts: the sort key of the previous page's last row (PostgreSQL's text form) and its id. */
export interface PageKey {
  /** The sort key as PostgreSQL writes it as text (a timestamptz keeps its microseconds and offset). */
  readonly at: string
  readonly id: string
}

export interface PageRequest {
  readonly after: PageKey | null
  readonly limit: number
  readonly order: "asc" | "desc"
}

export interface Page<R> {
  readonly rows: ReadonlyArray<R>
  /** The key of the last row when more rows follow, else null. */
  readonly next: PageKey | null
}

/** The sort key's SQL type, to compare the key the caller sends with the column. */
export type KeyType = "timestamptz" | "date" | "text"

/** A sort key: a column, or an expression over columns (e.g. `coalesce(due_on, 'infinity'::date)`). */
export type SortKey = AnyColumn | SQL

/** `(sort, id) > key` (or `<` newest first); nothing on the first page. */
export const keysetAfter = (
  sort: SortKey,
  id: AnyColumn,
  type: KeyType,
  page: PageRequest,
): SQL | undefined => {
  if (page.after === null) return undefined
  // A text key compares in the column's collation, the one `keysetOrder` sorts by: the page and the cursor agree.
  const at = sql`${page.after.at}::${sql.raw(type)}`
  const key = sql`(${at}, ${page.after.id})`
  // The bound on the sort key alone is implied by the row comparison; it is there for the planner, which cannot
  // read an index on the sort key for `(sort, id) > key` when sort and id come from different tables (an account's
  // e-mail and its role row's id), and would otherwise sort every row in scope to find a page near the end.
  return page.order === "asc"
    ? sql`${sort} >= ${at} and (${sort}, ${id}) > ${key}`
    : sql`${sort} <= ${at} and (${sort}, ${id}) < ${key}`
}

/** The order of the keyset: sort key, then id, both the same way. */
export const keysetOrder = (sort: SortKey, id: AnyColumn, page: PageRequest): [SQL, SQL] =>
  page.order === "asc" ? [asc(sort), asc(id)] : [desc(sort), desc(id)]

/** The sort key as text, to select beside the row (what the next page's cursor carries). */
export const keyText = (sort: SortKey): SQL<string> => sql<string>`${sort}::text`

/** A page from `limit + 1` rows read: the first `limit`, and the last one's key when a further row exists. */
export const toPage = <Row, R>(
  found: ReadonlyArray<Row>,
  page: PageRequest,
  keyOf: (row: Row) => PageKey,
  map: (row: Row) => R,
): Page<R> => {
  const rows = found.slice(0, page.limit)
  const last = rows.at(-1)
  return {
    rows: rows.map(map),
    next: found.length > page.limit && last !== undefined ? keyOf(last) : null,
  }
}

/**
 * A count that stops at `cap` (issue 19: "a total or an estimate"): where counting every row passing a filter would
 * read the whole table at a million rows (people by part of a name), the list counts at most `cap + 1` of them and
 * says `exact: false` past `cap` — the screen shows "more than 10,000".
 */
export interface CappedCount {
  readonly total: number
  /** False when more than `total` rows pass (the count stopped at the cap). */
  readonly exact: boolean
}

/** The largest count a list reads exactly before answering "more than". */
export const COUNT_CAP = 10_000

export const toCapped = (n: number, cap: number = COUNT_CAP): CappedCount =>
  n > cap ? { total: cap, exact: false } : { total: n, exact: true }

/**
 * A filtered query whose rows {@link cappedCount} counts: a drizzle select (any columns, e.g. `select 1 … where …`)
 * without a limit of its own — the count sets it.
 */
export interface Countable {
  limit(n: number): { as(alias: string): Subquery }
}

/**
 * Count at most `cap + 1` rows of `rows` (a filtered select) and say whether that is all of them: `{ total, exact }`,
 * `exact: false` (and `total` = `cap`) when more rows pass. The database stops reading at `cap + 1`, so the count
 * costs at most that many rows whatever the table's size.
 */
export const cappedCount = (
  h: Handle,
  rows: Countable,
  operation: string,
  cap: number = COUNT_CAP,
): Effect.Effect<CappedCount> =>
  Effect.map(
    q(h.select({ n: sql<number>`count(*)::int` }).from(rows.limit(cap + 1).as("capped")), operation),
    ([r]) => toCapped(r?.n ?? 0, cap),
  )
