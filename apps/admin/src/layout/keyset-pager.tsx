import { Button, Flex, Typography } from "antd"
import { useCallback, useState } from "react"
import { useTranslation } from "react-i18next"

/**
 * Keyset pages as the API gives them (issue 19): each answer carries `nextCursor`, so a screen can go forward one
 * page or back along the cursors it has used — there is no "page 37" to jump to, and a row added meanwhile never
 * repeats a row already shown.
 */
export const useKeysetPages = () => {
  const [cursors, setCursors] = useState<ReadonlyArray<string | undefined>>([undefined])
  const next = useCallback((cursor: string) => setCursors((c) => [...c, cursor]), [])
  const previous = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), [])
  const first = useCallback(() => setCursors([undefined]), [])
  return { cursor: cursors.at(-1), page: cursors.length, next, previous, first }
}

/**
 * 共 N 条 · 第 k 页, 上一页, 下一页 under a paged table. A list whose count stops at a cap (issue 19: counting a
 * province's rows to print one number costs more than the page) says 超过 N 条 instead of a number it never counted.
 */
export const KeysetPager = ({
  pages,
  total,
  totalExact = true,
  nextCursor,
}: {
  readonly pages: ReturnType<typeof useKeysetPages>
  readonly total: number
  /** False when the API stopped counting at `total` (its `totalExact`). */
  readonly totalExact?: boolean | undefined
  readonly nextCursor: string | null
}) => {
  const { t } = useTranslation("admin")
  return (
    <Flex justify="end" align="center" gap={8} wrap style={{ marginTop: 12 }} data-testid="pager">
      <Typography.Text type="secondary">
        {t(totalExact ? "pager.summary" : "pager.summaryCapped", { total, page: pages.page })}
      </Typography.Text>
      <Button size="small" disabled={pages.page === 1} onClick={pages.previous}>
        {t("pager.previous")}
      </Button>
      <Button
        size="small"
        disabled={nextCursor === null}
        onClick={() => {
          if (nextCursor !== null) pages.next(nextCursor)
        }}
      >
        {t("pager.next")}
      </Button>
    </Flex>
  )
}
