import { useApi } from "@cadre/ui"
import { useEffect, useState } from "react"

/**
 * The people list's paging, kept in this one file: profiles.list as it is on main (limit and offset; one row more
 * than the page tells whether there is a next one). When the list becomes keyset-paged, only this hook changes.
 */
export const PAGE_SIZE = 20

export type PersonRow = Awaited<ReturnType<ReturnType<typeof useApi>["profiles"]["list"]["query"]>>[number]

export const usePeoplePage = (name: string) => {
  const api = useApi()
  const [page, setPage] = useState(1)
  const [rows, setRows] = useState<ReadonlyArray<PersonRow>>([])
  const [hasNext, setHasNext] = useState(false)
  const [loading, setLoading] = useState(true)
  const [problem, setProblem] = useState<unknown>(null)
  // A new search starts again at the first page.
  useEffect(() => {
    void name
    setPage(1)
  }, [name])
  useEffect(() => {
    let live = true
    setLoading(true)
    api.profiles.list
      .query({
        ...(name === "" ? {} : { name }),
        limit: PAGE_SIZE + 1,
        offset: (page - 1) * PAGE_SIZE,
      })
      .then(
        (found) => {
          if (!live) return
          setRows(found.slice(0, PAGE_SIZE))
          setHasNext(found.length > PAGE_SIZE)
          setProblem(null)
        },
        (e: unknown) => live && setProblem(e),
      )
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
  }, [api, name, page])
  return {
    rows,
    page,
    hasNext,
    loading,
    problem,
    next: () => setPage((p) => p + 1),
    previous: () => setPage((p) => Math.max(1, p - 1)),
  }
}
