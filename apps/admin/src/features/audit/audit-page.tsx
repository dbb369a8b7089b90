import type { RouterOutputs } from "@cadre/client"
import { formatDateTime, ProblemAlert, problemOf, useLanguage } from "@cadre/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Grid,
  Input,
  Select,
  Spin,
  Table,
  type TableColumnsType,
  Typography,
} from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"
import { AppShell } from "../../layout/app-shell"
import { useKeysetPages } from "../../layout/keyset-pager"
import { useSession } from "../../session/session"

type AuditRow = RouterOutputs["audit"]["query"]["items"][number]

const PAGE_SIZE = 50

/** A day in China (UTC+8) as the API's instant bounds: from its first moment, to the next day's (exclusive). */
const dayStart = (day: string) => `${day}T00:00:00+08:00`
const nextDayStart = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return dayStart(d.toISOString().slice(0, 10))
}

/**
 * 操作日志 (`audit.read`): every change in the caller's scope, newest first, a keyset page at a time, filtered by
 * the kind of record, a date range (China time) and "only mine". Each row names who, what and where — the
 * account's name, the action and the region by name, never their codes. On a phone the rows are cards.
 */
export const AuditPage = () => {
  const { t } = useTranslation("audit")
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const trpc = useTRPC()
  const { session } = useSession()
  const me = session.status === "signedIn" ? session.me.accountId : undefined
  const [entity, setEntity] = useState<string | null>(null)
  const [from, setFrom] = useState("")
  const [to, setTo] = useState("")
  const [mine, setMine] = useState(false)
  const pages = useKeysetPages()
  const narrow = Grid.useBreakpoint().md === false
  const badRange = from !== "" && to !== "" && to < from
  const kinds = useQuery(trpc.audit.entities.queryOptions())
  const log = useQuery({
    ...trpc.audit.query.queryOptions({
      limit: PAGE_SIZE,
      ...(entity === null ? {} : { entity }),
      ...(from === "" ? {} : { from: dayStart(from) }),
      ...(to === "" ? {} : { to: nextDayStart(to) }),
      ...(mine && me !== undefined ? { actorAccountId: me } : {}),
      ...(pages.cursor === undefined ? {} : { cursor: pages.cursor }),
    }),
    enabled: !badRange,
    placeholderData: keepPreviousData,
  })
  const rows = log.data?.items ?? []
  // Any filter change starts again from the newest page.
  const refilter =
    <A,>(set: (a: A) => void) =>
    (a: A) => {
      set(a)
      pages.first()
    }
  const when = (r: AuditRow) => formatDateTime(new Date(r.at), language)

  const columns: TableColumnsType<AuditRow> = [
    { title: t("columns.at"), key: "at", render: (_, r) => when(r), width: 180 },
    { title: t("columns.actor"), key: "actor", render: (_, r) => r.actorName[lang] },
    { title: t("columns.action"), key: "action", render: (_, r) => r.actionLabel[lang] },
    { title: t("columns.entity"), key: "entity", render: (_, r) => r.entityLabel[lang] },
    { title: t("columns.region"), key: "region", render: (_, r) => r.regionName ?? "—" },
  ]

  return (
    <AppShell title={t("title")}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("intro")}</Typography.Paragraph>
      <Flex gap={12} wrap align="end" style={{ marginBottom: 16 }} data-testid="audit-filters">
        <Flex vertical gap={4}>
          <div>{t("kind")}</div>
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("anyKind")}
            value={entity}
            onChange={(v) => refilter(setEntity)(v ?? null)}
            style={{ minWidth: 180 }}
            aria-label={t("kind")}
            loading={kinds.isPending}
            options={(kinds.data ?? []).map((k) => ({ value: k.entity, label: k.label[lang] }))}
            data-testid="audit-kind"
          />
        </Flex>
        <Flex vertical gap={4}>
          <div>{t("from")}</div>
          <Input
            type="date"
            value={from}
            onChange={(e) => refilter(setFrom)(e.target.value)}
            aria-label={t("from")}
            data-testid="audit-from"
          />
        </Flex>
        <Flex vertical gap={4}>
          <div>{t("to")}</div>
          <Input
            type="date"
            value={to}
            onChange={(e) => refilter(setTo)(e.target.value)}
            aria-label={t("to")}
            status={badRange ? "error" : ""}
            data-testid="audit-to"
          />
        </Flex>
        <Checkbox
          checked={mine}
          onChange={(e) => refilter(setMine)(e.target.checked)}
          data-testid="audit-mine"
        >
          {t("mine")}
        </Checkbox>
        <Button
          onClick={() => {
            setEntity(null)
            setFrom("")
            setTo("")
            setMine(false)
            pages.first()
          }}
        >
          {t("reset")}
        </Button>
      </Flex>
      {badRange ? (
        <Alert
          type="error"
          showIcon
          title={t("badRange")}
          style={{ marginBottom: 12 }}
          data-testid="audit-bad-range"
        />
      ) : log.isPending ? (
        <Spin />
      ) : log.isError ? (
        <ProblemAlert problem={problemOf(log.error)} />
      ) : rows.length === 0 ? (
        <Empty description={t("empty")} data-testid="audit-empty" />
      ) : narrow ? (
        <Flex vertical gap={12} data-testid="audit-log">
          {rows.map((r) => (
            <Card key={r.id} size="small" data-testid="audit-card">
              <Flex vertical gap={4}>
                <Typography.Text strong>{r.actionLabel[lang]}</Typography.Text>
                <span>
                  {r.actorName[lang]} · {when(r)}
                </span>
                <Typography.Text type="secondary">
                  {r.entityLabel[lang]} · {r.regionName ?? "—"}
                </Typography.Text>
              </Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<AuditRow>
          rowKey="id"
          dataSource={[...rows]}
          columns={columns}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="audit-log"
        />
      )}
      <Flex justify="end" align="center" gap={8} wrap style={{ marginTop: 12 }} data-testid="audit-pager">
        <Typography.Text type="secondary">{t("pager", { page: pages.page })}</Typography.Text>
        <Button size="small" disabled={pages.page === 1} onClick={pages.previous}>
          {t("previous")}
        </Button>
        <Button
          size="small"
          disabled={log.data?.nextCursor == null}
          onClick={() => {
            const next = log.data?.nextCursor
            if (next != null) pages.next(next)
          }}
        >
          {t("next")}
        </Button>
      </Flex>
    </AppShell>
  )
}
