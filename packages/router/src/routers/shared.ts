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
