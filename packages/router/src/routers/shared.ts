import type { PageKey, PageRequest } from "@cadre/db"
import { LocalDate } from "@cadre/domain"
import { Schema } from "effect"

/** Input building blocks with bilingual titles, so decode errors name the field in both languages. */

export const Id = (title: string) =>
  Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(120)).annotations({ title })

/** The largest value of a PostgreSQL integer column: ids, versions and counts above it are refused at the field. */
export const MAX_INT4 = 2_147_483_647

/** The row version the caller read (optimistic concurrency): a stale one fails with StaleVersion. */
export const ExpectedVersion = Schema.Int.pipe(Schema.between(1, MAX_INT4)).annotations({
  title: "读取时的版本 / expected version",
})

/** An empty input (`{}` or nothing). */
export const NoInput = Schema.Struct({})

/** Date → ISO string: outputs are JSON (no transformer), so dates travel as strings and are typed as such. */
export const iso = (d: Date): string => d.toISOString()

// YYYY-MM-DD, optionally with a time (hh:mm, :ss, fractions) and a zone (Z or ±hh:mm).
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/

/** A real calendar date (LocalDate's bounds: 1900–2200) with, optionally, a real time of day and zone. */
export const isInstant = (s: string): boolean => {
  const m = INSTANT.exec(s)
  if (m === null || !LocalDate.isValidIsoDate(m[1] ?? "")) return false
  const [, , hh = "0", mm = "0", ss = "0", zh = "0", zm = "0"] = m
  return Number(hh) < 24 && Number(mm) < 60 && Number(ss) < 60 && Number(zh) < 15 && Number(zm) < 60
}

/**
 * An instant as the API takes it: an ISO 8601 date or date-time that exists (no 30 February, no year 99999), decoded
 * to a Date. Not `Schema.Date`, which takes whatever `new Date()` takes ("2026-02-30" as 2 March, "99999-01-01",
 * "yesterday" as an Invalid Date) and names its problem in English ("a valid Date").
 */
export const Instant = (title: string) =>
  Schema.compose(
    Schema.String.pipe(
      Schema.filter(isInstant, {
        message: () =>
          "应为真实存在的日期或时间（YYYY-MM-DD 或 ISO 8601，1900–2200 年） / must be a real instant: a date or date-time (YYYY-MM-DD or ISO 8601, years 1900–2200)",
      }),
    ),
    Schema.Date,
  ).annotations({ title })

// ------------------------------------------------------------------------------------------------ pages

/** The most rows one page of a list may carry, whatever the caller asks. */
export const MAX_PAGE_SIZE = 200
/** The page size when the caller names none. */
export const DEFAULT_PAGE_SIZE = 50

// A sort key as PostgreSQL writes it as text: a date "2026-03-12", or a timestamptz
// "2026-12-07 03:07:45.123456+00" (offset maybe ±hh:mm).
const PG_KEY = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2}){0,2})?$/

const decodeCursor = (s: string): unknown => {
  try {
    return JSON.parse(Buffer.from(s, "base64url").toString("utf8"))
  } catch {
    return undefined
  }
}

const readCursor = (s: string): PageKey | undefined => {
  const v = decodeCursor(s)
  if (!Array.isArray(v) || v.length !== 2) return undefined
  const [at, id] = v as [unknown, unknown]
  if (typeof at !== "string" || typeof id !== "string") return undefined
  if (!PG_KEY.test(at) || !isInstant(at.slice(0, 10)) || id.length === 0 || id.length > 120) return undefined
  return { at, id }
}

/** The opaque cursor a page answers with (`nextCursor`) and the next request sends back. */
export const writeCursor = (key: PageKey | null): string | null =>
  key === null ? null : Buffer.from(JSON.stringify([key.at, key.id]), "utf8").toString("base64url")

/** The key a cursor stands for; only call on a cursor that passed {@link Cursor}. */
export const cursorKey = (cursor: string | undefined): PageKey | null =>
  cursor === undefined ? null : (readCursor(cursor) ?? null)

/** A cursor as the API takes it: one the API itself gave out (`nextCursor`), else refused at the field. */
export const Cursor = Schema.String.pipe(
  Schema.maxLength(400),
  Schema.filter((s) => readCursor(s) !== undefined, {
    message: () =>
      "不是本接口给出的翻页游标，请从第一页重新查询 / not a cursor this API gave out: start again from the first page",
  }),
).annotations({ title: "翻页游标 / cursor" })

/** How many rows per page: 1 to {@link MAX_PAGE_SIZE}. */
export const PageSize = Schema.Int.pipe(Schema.between(1, MAX_PAGE_SIZE)).annotations({
  title: "每页条数 / page size",
})

/** The page fields every paged list takes: where to start, how many, which way. */
export const PageFields = {
  cursor: Schema.optional(Cursor),
  limit: Schema.optional(PageSize),
  order: Schema.optional(Schema.Literal("asc", "desc").annotations({ title: "排序方向 / order" })),
}

/** The page a list's input asks for: after the cursor's key, `limit` rows (default 50), oldest first by default. */
export const pageRequest = (i: {
  readonly cursor?: string | undefined
  readonly limit?: number | undefined
  readonly order?: "asc" | "desc" | undefined
}): PageRequest => ({
  after: cursorKey(i.cursor),
  limit: i.limit ?? DEFAULT_PAGE_SIZE,
  order: i.order ?? "asc",
})

/** A page for the wire: its rows shaped by `out`, the cursor that continues it (null on the last), the total. */
export const pageOut = <R, O>(
  page: {
    readonly items: ReadonlyArray<R>
    readonly next: PageKey | null
    readonly total: number
    /** A list whose total is counted up to COUNT_CAP says whether it stopped there (`false`: more rows pass). */
    readonly totalExact?: boolean
  },
  out: (r: R) => O,
  write: (key: PageKey | null) => string | null = writeCursor,
) => ({
  items: page.items.map(out),
  nextCursor: write(page.next),
  total: page.total,
  ...(page.totalExact === undefined ? {} : { totalExact: page.totalExact }),
})

/** Part of a name to search for (case-insensitive, anywhere in the name). */
export const NameSearch = (title: string) =>
  Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100)).annotations({ title })

// ------------------------------------------------------------------------- keyed cursors (not by an instant)

/**
 * A cursor of a list sorted by something other than an instant: a tag naming the kind of key, the key, the id.
 * The tag keeps one list's cursor out of another's: a name cursor sent to a list paged by creation (or the other
 * way round) is refused at the field instead of being cast to the wrong type in SQL.
 */
export interface KeyedCursor {
  /** The tag the cursor carries. */
  readonly tag: string
  /** Whether a key of this kind is one the list could have written. */
  readonly keyOk: (key: string) => boolean
  readonly title: string
}

const readKeyed = (kind: KeyedCursor, s: string): PageKey | undefined => {
  const v = decodeCursor(s)
  if (!Array.isArray(v) || v.length !== 3) return undefined
  const [tag, at, id] = v as [unknown, unknown, unknown]
  if (tag !== kind.tag || typeof at !== "string" || typeof id !== "string") return undefined
  if (!kind.keyOk(at) || id.length === 0 || id.length > 120) return undefined
  return { at, id }
}

/** A list's cursor as the API takes it: one this list gave out, else refused at the field. */
export const keyedCursor = (kind: KeyedCursor) =>
  Schema.String.pipe(
    Schema.maxLength(800),
    Schema.filter((s) => readKeyed(kind, s) !== undefined, {
      message: () =>
        "不是本接口给出的翻页游标，请从第一页重新查询 / not a cursor this API gave out: start again from the first page",
    }),
  ).annotations({ title: kind.title })

/** The cursor continuing after `key`, for a list of this kind. */
export const writeKeyed =
  (kind: KeyedCursor) =>
  (key: PageKey | null): string | null =>
    key === null
      ? null
      : Buffer.from(JSON.stringify([kind.tag, key.at, key.id]), "utf8").toString("base64url")

/** The page a keyed list's input asks for (the cursor already passed {@link keyedCursor}). */
export const keyedPageRequest = (
  kind: KeyedCursor,
  i: {
    readonly cursor?: string | undefined
    readonly limit?: number | undefined
    readonly order?: "asc" | "desc" | undefined
  },
): PageRequest => ({
  after: i.cursor === undefined ? null : (readKeyed(kind, i.cursor) ?? null),
  limit: i.limit ?? DEFAULT_PAGE_SIZE,
  order: i.order ?? "asc",
})

/** Lists by a name or an e-mail (units, accounts): any text of at most 400 characters. */
export const NameKey: KeyedCursor = {
  tag: "n",
  keyOk: (k) => k.length <= 400,
  title: "翻页游标 / cursor",
}

/** Lists by a due date, undated last (tasks.mine): a real date, or "infinity" (no due date). */
export const DueKey: KeyedCursor = {
  tag: "d",
  keyOk: (k) => k === "infinity" || (/^\d{4}-\d{2}-\d{2}$/.test(k) && isInstant(k)),
  title: "翻页游标 / cursor",
}

/** The page fields of a list keyed by `kind`: its cursor, how many, which way. */
export const keyedPageFields = (kind: KeyedCursor) => ({
  cursor: Schema.optional(keyedCursor(kind)),
  limit: Schema.optional(PageSize),
  order: Schema.optional(Schema.Literal("asc", "desc").annotations({ title: "排序方向 / order" })),
})
