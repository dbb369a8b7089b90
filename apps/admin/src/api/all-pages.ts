/**
 * Every row of a keyset list, walking its pages (issue 19) — for the few lists a screen needs whole as choices or
 * names (a district's units), never for a list shown as a table: those page with KeysetPager. Stops after
 * `maxPages` pages of 200 (a picker beyond that searches by name on the server instead).
 */
export const allPages = async <T>(
  page: (i: { limit: number; cursor?: string }) => Promise<{
    readonly items: ReadonlyArray<T>
    readonly nextCursor: string | null
  }>,
  maxPages = 10,
): Promise<ReadonlyArray<T>> => {
  const rows: Array<T> = []
  let cursor: string | undefined
  for (let n = 0; n < maxPages; n++) {
    const got = await page({ limit: 200, ...(cursor === undefined ? {} : { cursor }) })
    rows.push(...got.items)
    if (got.nextCursor === null) break
    cursor = got.nextCursor
  }
  return rows
}
