import type { RouterOutputs } from "@cadre/client"
import { formatDate, ProblemAlert, problemOf, useLanguage } from "@cadre/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { Card, Empty, Flex, Grid, Segmented, Spin, Table, type TableColumnsType, Tag, Typography } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"
import { AppShell } from "../../layout/app-shell"
import { KeysetPager, useKeysetPages } from "../../layout/keyset-pager"
import { Link } from "../../routes/navigation"

type Overdue = RouterOutputs["reports"]["overdue"]["items"][number]
type Received = RouterOutputs["reports"]["received"]["items"][number]

const PAGE_SIZE = 20

const placementHref = (placementId: string) => `/placements/${encodeURIComponent(placementId)}`

/**
 * 报告管理: the reports the schemes ask of the cadres in scope. 逾期未交 (reports.overdue): due and not filed, most
 * overdue first, each with its clause — the list to chase. 已收到 (reports.received): filed, newest first, with
 * the first lines of the text. Both page by cursor; on a phone the rows are cards.
 */
export const ReportsInboxPage = () => {
  const { t } = useTranslation("placements")
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const trpc = useTRPC()
  const [view, setView] = useState<"overdue" | "received">("overdue")
  const overduePages = useKeysetPages()
  const receivedPages = useKeysetPages()
  const narrow = Grid.useBreakpoint().md === false
  const overdue = useQuery({
    ...trpc.reports.overdue.queryOptions({
      limit: PAGE_SIZE,
      ...(overduePages.cursor === undefined ? {} : { cursor: overduePages.cursor }),
    }),
    enabled: view === "overdue",
    placeholderData: keepPreviousData,
  })
  const received = useQuery({
    ...trpc.reports.received.queryOptions({
      limit: PAGE_SIZE,
      ...(receivedPages.cursor === undefined ? {} : { cursor: receivedPages.cursor }),
    }),
    enabled: view === "received",
    placeholderData: keepPreviousData,
  })
  const date = (d: string | null) => (d === null ? "—" : formatDate(d, language))
  const person = (r: { readonly placementId: string; readonly personName: string }) => (
    <Link href={placementHref(r.placementId)} data-testid="report-person">
      {r.personName}
    </Link>
  )
  const late = (r: Overdue) => (
    <Tag color="red" data-testid="report-days-overdue">
      {t("inbox.reports.daysOverdue", { count: r.daysOverdue })}
    </Tag>
  )

  const overdueColumns: TableColumnsType<Overdue> = [
    { title: t("inbox.person"), key: "person", render: (_, r) => person(r) },
    { title: t("inbox.region"), key: "region", render: (_, r) => r.regionName },
    { title: t("inbox.reports.subject"), key: "subject", render: (_, r) => r.subject[lang] },
    { title: t("inbox.reports.due"), key: "due", render: (_, r) => date(r.due) },
    { title: t("inbox.reports.late"), key: "late", render: (_, r) => late(r) },
    {
      title: t("inbox.reports.clause"),
      key: "clause",
      render: (_, r) => <Typography.Text type="secondary">{r.clause}</Typography.Text>,
    },
  ]
  const receivedColumns: TableColumnsType<Received> = [
    { title: t("inbox.person"), key: "person", render: (_, r) => person(r) },
    { title: t("inbox.region"), key: "region", render: (_, r) => r.regionName },
    { title: t("inbox.reports.subject"), key: "subject", render: (_, r) => r.subject[lang] },
    { title: t("inbox.reports.submittedOn"), key: "on", render: (_, r) => date(r.submittedOn) },
    {
      title: t("inbox.reports.excerpt"),
      key: "excerpt",
      render: (_, r) => (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ maxWidth: 360, marginBottom: 0 }}>
          {r.excerpt}
        </Typography.Paragraph>
      ),
    },
    {
      title: t("inbox.reports.attachments"),
      key: "attachments",
      render: (_, r) => t("inbox.reports.attachmentCount", { count: r.attachments }),
    },
  ]

  const body = () => {
    const q = view === "overdue" ? overdue : received
    if (q.isPending) return <Spin />
    if (q.isError) return <ProblemAlert problem={problemOf(q.error)} />
    if (view === "overdue") {
      const rows = overdue.data?.items ?? []
      if (rows.length === 0)
        return <Empty description={t("inbox.reports.noneOverdue")} data-testid="reports-empty" />
      return narrow ? (
        <Flex vertical gap={12} data-testid="reports-overdue">
          {rows.map((r) => (
            <Card key={r.key} size="small" data-testid="report-card">
              <Flex vertical gap={6}>
                <Flex justify="space-between" gap={8} wrap>
                  {person(r)}
                  {late(r)}
                </Flex>
                <Typography.Text type="secondary">{r.regionName}</Typography.Text>
                <span>{r.subject[lang]}</span>
                <span>
                  {t("inbox.reports.due")}：{date(r.due)}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.clause}
                </Typography.Text>
              </Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<Overdue>
          rowKey="key"
          dataSource={[...rows]}
          columns={overdueColumns}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="reports-overdue"
        />
      )
    }
    const rows = received.data?.items ?? []
    if (rows.length === 0)
      return <Empty description={t("inbox.reports.noneReceived")} data-testid="reports-empty" />
    return narrow ? (
      <Flex vertical gap={12} data-testid="reports-received">
        {rows.map((r) => (
          <Card key={r.id} size="small" data-testid="report-card">
            <Flex vertical gap={6}>
              <Flex justify="space-between" gap={8} wrap>
                {person(r)}
                <span>{date(r.submittedOn)}</span>
              </Flex>
              <Typography.Text type="secondary">{r.regionName}</Typography.Text>
              <span>{r.subject[lang]}</span>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                {r.excerpt}
              </Typography.Paragraph>
            </Flex>
          </Card>
        ))}
      </Flex>
    ) : (
      <Table<Received>
        rowKey="id"
        dataSource={[...rows]}
        columns={receivedColumns}
        pagination={false}
        scroll={{ x: "max-content" }}
        data-testid="reports-received"
      />
    )
  }

  const current = view === "overdue" ? overdue.data : received.data
  return (
    <AppShell title={t("inbox.reports.title")}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("inbox.reports.title")}
      </Typography.Title>
      <Segmented
        value={view}
        onChange={(v) => setView(v as "overdue" | "received")}
        options={[
          { value: "overdue", label: t("inbox.reports.overdue") },
          { value: "received", label: t("inbox.reports.received") },
        ]}
        style={{ marginBottom: 16 }}
        data-testid="reports-view"
      />
      {body()}
      {current === undefined || current.total === 0 ? null : (
        <KeysetPager
          pages={view === "overdue" ? overduePages : receivedPages}
          total={current.total}
          totalExact={current.totalExact}
          nextCursor={current.nextCursor}
        />
      )}
    </AppShell>
  )
}
