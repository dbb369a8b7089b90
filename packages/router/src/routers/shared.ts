import { Schema } from "effect"

/** Input building blocks with bilingual titles, so decode errors name the field in both languages. */

export const Id = (title: string) =>
  Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(120)).annotations({ title })

/** The row version the caller read (optimistic concurrency): a stale one fails with StaleVersion. */
export const ExpectedVersion = Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)).annotations({
  title: "读取时的版本 / expected version",
})

/** An empty input (`{}` or nothing). */
export const NoInput = Schema.Struct({})

/** Date → ISO string: outputs are JSON (no transformer), so dates travel as strings and are typed as such. */
export const iso = (d: Date): string => d.toISOString()
