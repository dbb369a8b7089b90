import { formatDate, isUnauthenticated, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import { Empty, Flex, Select, Spin, Table, type TableColumnsType, Tag, Typography } from "antd"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useLoad } from "../../api/use-load"
import { AppShell } from "../../layout/app-shell"
import { KeysetPager, useKeysetPages } from "../../layout/keyset-pager"
import { Link } from "../../routes/navigation"
import { useSession } from "../../session/session"
import {
  chinaToday,
  type OverdueReport,
  overdueByPlacement,
  type PlacementRow,
  type PlacementState,
  stateColor,
  type TermMark,
  termMark,
} from "./placement-helpers"

/** Placements per page of the table (the API allows up to 200). */
const PAGE_SIZE = 50

/** The term-end mark as a tag: ending within 90 days, or past its end while still serving. */
export const TermMarkTag = ({ mark }: { readonly mark: TermMark | null }) => {
  const { t } = useTranslation("placements")
  if (mark === null) return null
  return mark.kind === "ending_soon" ? (
    <Tag color="orange" data-testid="ending-soon">
      {mark.days === 0 ? t("marks.endingToday") : t("marks.endingSoon", { count: mark.days })}
    </Tag>
  ) : (
    <Tag color="red" data-testid="term-passed">
      {t("marks.termPassed", { count: mark.days })}
    </Tag>
  )
}

/** 在岗干部: the placements in the caller's scope, with term-end and overdue-report marks, filtered by state. */
export const PlacementsPage = () => {
  const { t } = useTranslation("placements")
  const api = useApi()
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const { expired } = useSession()
  const [state, setState] = useState<PlacementState | "all">("all")
  const pages = useKeysetPages()
  const { cursor } = pages
  // The overdue list is a mark, not the page: a refusal of it must not hide the placements.
  const { load } = useLoad(
    async () => {
      const found = await api.placements.list.query({
        ...(state === "all" ? {} : { state }),
        limit: PAGE_SIZE,
        cursor,
      })
      // Only this page's placements are asked about (a page never exceeds the overdue list's maximum).
      const marks =
        found.items.length === 0
          ? []
          : await api.reports.overdue
              .query({ placementIds: found.items.map((p) => p.id), limit: 200 })
              .then((o): ReadonlyArray<OverdueReport> => o.items)
              .catch((): ReadonlyArray<OverdueReport> => [])
      return [found, marks] as const
    },
    `${language}|${state}|${pages.page}|${cursor ?? ""}`,
  )
  const failedAuth = load.state === "failed" && isUnauthenticated(load.error)
  useEffect(() => {
    if (failedAuth) expired()
  }, [failedAuth, expired])

  const today = useMemo(() => chinaToday(), [])
  const page = load.state === "done" ? load.data[0] : null
  const rows = page?.items ?? []
  const overdue = useMemo(() => overdueByPlacement(load.state === "done" ? load.data[1] : []), [load])
  // The filter's choices and counts are the server's (over every page, not only this one).
  const options = page?.states ?? []
  const all = options.reduce((n, o) => n + o.count, 0)
  const date = (d: string | null) => (d === null ? "—" : formatDate(d, language))

  const columns: TableColumnsType<PlacementRow> = [
    {
      title: t("columns.person"),
      key: "person",
      render: (_, r) => (
        <div>
          <Link href={`/placements/${encodeURIComponent(r.id)}`} data-testid="placement-link">
            {r.person.name}
          </Link>
          <Typography.Text
            type="secondary"
            style={{ display: "block", fontSize: 12, fontVariantNumeric: "tabular-nums" }}
          >
            {r.person.idNumberMasked}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t("columns.state"),
      key: "state",
      render: (_, r) => (
        <Flex gap={4} wrap>
          <Tag color={stateColor(r.state)} data-testid="placement-state">
            {r.stateLabel[lang]}
          </Tag>
          {r.confirmed && r.state === "in_term" ? <Tag>{t("confirmed")}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t("columns.marks"),
      key: "marks",
      render: (_, r) => {
        const n = overdue.get(r.id) ?? 0
        return (
          <Flex gap={4} wrap>
            <TermMarkTag mark={termMark(r, today)} />
            {n > 0 ? (
              <Tag color="red" data-testid="overdue-reports">
                {t("marks.overdue", { count: n })}
              </Tag>
            ) : null}
          </Flex>
        )
      },
    },
    {
      title: t("columns.post"),
      key: "post",
      render: (_, r) => (
        <div>
          <div>{r.postTitle}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.regionName}
          </Typography.Text>
        </div>
      ),
    },
    { title: t("columns.termStart"), key: "start", render: (_, r) => date(r.startedOn) },
    { title: t("columns.termEnd"), key: "end", render: (_, r) => date(r.termEnd) },
    {
      title: t("columns.programme"),
      key: "scheme",
      // By the scheme's name (issue 16: names, not codes); the id only if the version row is missing.
      render: (_, r) => t("scheme", { scheme: r.schemeName?.[lang] ?? r.schemeId, version: r.schemeVersion }),
    },
  ]

  return (
    <AppShell title={t("title")}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("title")}
      </Typography.Title>
      {load.state === "loading" ? (
        <Spin />
      ) : load.state === "failed" ? (
        <ProblemAlert problem={problemOf(load.error)} />
      ) : all === 0 ? (
        <Empty description={t("empty")} />
      ) : (
        <Flex vertical gap={12}>
          <Flex wrap gap={8} align="center">
            <Typography.Text type="secondary">{t("filterState")}</Typography.Text>
            <Select<PlacementState | "all">
              value={state}
              onChange={(s) => {
                setState(s)
                pages.first()
              }}
              style={{ minWidth: 200, maxWidth: "100%" }}
              aria-label={t("filterState")}
              data-testid="state-filter"
              options={[
                { value: "all", label: t("stateCount", { label: t("allStates"), count: all }) },
                ...options.map((o) => ({
                  value: o.state,
                  label: t("stateCount", { label: o.label[lang], count: o.count }),
                })),
              ]}
            />
          </Flex>
          <Table<PlacementRow>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={[...rows]}
            pagination={false}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: t("noMatch") }}
          />
          <KeysetPager pages={pages} total={page?.total ?? 0} nextCursor={page?.nextCursor ?? null} />
        </Flex>
      )}
    </AppShell>
  )
}
