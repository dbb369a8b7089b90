import { useApi } from "@cadre/ui"
import { useEffect, useState } from "react"
import { useKeysetPages } from "../../layout/keyset-pager"

/**
 * The people list's paging, kept in this one file: profiles.list is a keyset page (issue 19) — each answer carries
 * `nextCursor`, the screen goes forward along it and back along the cursors it used (useKeysetPages). A new search
 * starts again at the first page.
 */
export const PAGE_SIZE = 20

type PeoplePage = Awaited<ReturnType<ReturnType<typeof useApi>["profiles"]["list"]["query"]>>
export type PersonRow = PeoplePage["items"][number]

export const usePeoplePage = (name: string) => {
  const api = useApi()
  const pages = useKeysetPages()
  const { cursor, first } = pages
  const [page, setPage] = useState<PeoplePage | null>(null)
  const [loading, setLoading] = useState(true)
  const [problem, setProblem] = useState<unknown>(null)
  // A new search starts again at the first page.
  useEffect(() => {
    void name
    first()
  }, [name, first])
  useEffect(() => {
    let live = true
    setLoading(true)
    api.profiles.list
      .query({
        ...(name === "" ? {} : { name }),
        limit: PAGE_SIZE,
        ...(cursor === undefined ? {} : { cursor }),
      })
      .then(
        (found) => {
          if (!live) return
          setPage(found)
          setProblem(null)
        },
        (e: unknown) => live && setProblem(e),
      )
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
  }, [api, name, cursor])
  return {
    rows: page?.items ?? [],
    total: page?.total ?? 0,
    totalExact: page?.totalExact ?? true,
    nextCursor: page?.nextCursor ?? null,
    pages,
    loading,
    problem,
  }
}
