import type { RouterOutputs } from "@cadre/client"
import { formatDate, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import {
  App as AntdApp,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Grid,
  Popconfirm,
  Segmented,
  Select,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"
import { AppShell } from "../../layout/app-shell"
import { KeysetPager, useKeysetPages } from "../../layout/keyset-pager"
import { Link } from "../../routes/navigation"
import { useSession } from "../../session/session"
import { LeaveRefuseDialog } from "./leave-refuse-dialog"
import { useCommand } from "./use-command"

export type InboxLeave = RouterOutputs["leave"]["list"]["items"][number]
type LeaveState = InboxLeave["state"]

const PAGE_SIZE = 20
const STATES: ReadonlyArray<LeaveState> = ["requested", "approved", "refused", "returned"]

const stateColor = (s: LeaveState) => (s === "refused" ? "red" : s === "requested" ? "gold" : "green")

/**
 * 请假审批: the leave requests the scheme routes to a body the caller speaks for (`leave.list` with
 * `awaitingMe`), oldest first, each approved (after a confirmation naming whose and which days) or refused with a
 * reason — only here, where the server has already kept the rows to the caller's own; decided, a request leaves the
 * inbox. 全部请假 lists every request in scope by state, read-only. On a phone the rows are cards.
 */
export const LeaveInboxPage = () => {
  const { t } = useTranslation("placements")
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const trpc = useTRPC()
  const api = useApi()
  const { message } = AntdApp.useApp()
  const { session } = useSession()
  const mayApprove = session.status === "signedIn" && session.me.permissions.includes("leave.approve")
  const [view, setView] = useState<"mine" | "all">(mayApprove ? "mine" : "all")
  const [state, setState] = useState<LeaveState | "any">("any")
  const pages = useKeysetPages()
  const narrow = Grid.useBreakpoint().md === false
  const { problem, setProblem, busy, run } = useCommand()
  const [refusing, setRefusing] = useState<InboxLeave | null>(null)
  const [refuseForm] = Form.useForm<{ reason: string }>()
  const mine = view === "mine"
  const list = useQuery({
    ...trpc.leave.list.queryOptions({
      ...(mine ? { awaitingMe: true } : state === "any" ? {} : { state }),
      limit: PAGE_SIZE,
      ...(pages.cursor === undefined ? {} : { cursor: pages.cursor }),
    }),
    placeholderData: keepPreviousData,
  })
  const rows = list.data?.items ?? []
  const date = (d: string) => formatDate(d, language)
  const dates = (r: InboxLeave) => `${date(r.from)} – ${date(r.to)}`

  const decide = async (row: InboxLeave, move: { _tag: "Approve" } | { _tag: "Refuse"; reason: string }) => {
    const after = await run(() => api.leave.decide.mutate({ id: row.id, expectedVersion: row.version, move }))
    if (after !== undefined)
      void message.success(
        t(after.state === "approved" ? "inbox.leave.approvedOf" : "inbox.leave.refusedOf", {
          name: row.personName,
        }),
      )
  }

  const actions = (r: InboxLeave) =>
    mine && r.state === "requested" ? (
      <Flex gap={8} wrap>
        <Popconfirm
          title={t("inbox.leave.confirmTitle")}
          description={t("inbox.leave.confirmText", { name: r.personName, dates: dates(r), days: r.days })}
          okText={t("leave.approve")}
          cancelText={t("actions.cancel")}
          onConfirm={() => decide(r, { _tag: "Approve" })}
        >
          <Button size="small" type="primary" disabled={busy} data-testid="leave-approve">
            {t("leave.approve")}
          </Button>
        </Popconfirm>
        <Button
          size="small"
          danger
          disabled={busy}
          data-testid="leave-refuse"
          onClick={() => {
            refuseForm.resetFields()
            setRefusing(r)
          }}
        >
          {t("leave.refuse")}
        </Button>
      </Flex>
    ) : null

  const person = (r: InboxLeave) => (
    <Link href={`/placements/${encodeURIComponent(r.placementId)}`} data-testid="leave-person">
      {r.personName}
    </Link>
  )
  const stateTag = (r: InboxLeave) => (
    <Flex gap={4} wrap>
      <Tag color={stateColor(r.state)} data-testid="leave-state">
        {r.stateLabel[lang]}
      </Tag>
      {r.overstayDays !== null && r.overstayDays > 0 ? (
        <Tag color="red">{t("leave.overstay", { count: r.overstayDays })}</Tag>
      ) : null}
    </Flex>
  )
  const route = (r: InboxLeave) => (
    <div style={{ maxWidth: 320, whiteSpace: "normal" }}>
      <div>{r.approverLabel[lang]}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {r.route[lang]}
      </Typography.Text>
    </div>
  )

  const columns: TableColumnsType<InboxLeave> = [
    { title: t("inbox.person"), key: "person", render: (_, r) => person(r) },
    { title: t("inbox.region"), key: "region", render: (_, r) => r.regionName },
    { title: t("leave.dates"), key: "dates", render: (_, r) => dates(r) },
    { title: t("leave.days"), key: "days", render: (_, r) => t("leave.daysValue", { days: r.days }) },
    { title: t("leave.state"), key: "state", render: (_, r) => stateTag(r) },
    { title: t("leave.approver"), key: "approver", render: (_, r) => route(r) },
    // Kept in view at the right edge, so the moves never scroll out of reach.
    ...(mine
      ? [
          {
            title: t("leave.actions"),
            key: "actions",
            fixed: "right" as const,
            render: (_: unknown, r: InboxLeave) => actions(r),
          },
        ]
      : []),
  ]

  return (
    <AppShell title={t("inbox.leave.title")}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("inbox.leave.title")}
      </Typography.Title>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        {mayApprove ? (
          <Segmented
            value={view}
            onChange={(v) => {
              setView(v as "mine" | "all")
              pages.first()
            }}
            options={[
              { value: "mine", label: t("inbox.leave.mine") },
              { value: "all", label: t("inbox.leave.all") },
            ]}
            data-testid="leave-view"
          />
        ) : null}
        {mine ? null : (
          <Select<LeaveState | "any">
            value={state}
            style={{ minWidth: 140 }}
            aria-label={t("leave.state")}
            onChange={(v) => {
              setState(v)
              pages.first()
            }}
            options={[
              { value: "any", label: t("inbox.leave.anyState") },
              ...STATES.map((s) => ({ value: s, label: t(`inbox.leave.states.${s}`) })),
            ]}
            data-testid="leave-state-filter"
          />
        )}
      </Flex>
      <ProblemAlert
        problem={problem}
        style={{ marginBottom: 12 }}
        onClose={() => setProblem(null)}
        testId="leave-error"
      />
      {list.isPending ? (
        <Spin />
      ) : list.isError ? (
        <ProblemAlert problem={problemOf(list.error)} />
      ) : rows.length === 0 ? (
        <Empty
          description={t(mine ? "inbox.leave.emptyMine" : "inbox.leave.empty")}
          data-testid="leave-empty"
        />
      ) : narrow ? (
        <Flex vertical gap={12} data-testid="leave-inbox">
          {rows.map((r) => (
            <Card key={r.id} size="small" data-testid="leave-card">
              <Flex vertical gap={6}>
                <Flex justify="space-between" gap={8} wrap>
                  {person(r)}
                  {stateTag(r)}
                </Flex>
                <Typography.Text type="secondary">{r.regionName}</Typography.Text>
                <span>
                  {dates(r)} · {t("leave.daysValue", { days: r.days })}
                </span>
                {route(r)}
                {actions(r)}
              </Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<InboxLeave>
          rowKey="id"
          dataSource={[...rows]}
          columns={columns}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="leave-inbox"
        />
      )}
      {list.data === undefined || list.data.total === 0 ? null : (
        <KeysetPager
          pages={pages}
          total={list.data.total}
          totalExact={list.data.totalExact}
          nextCursor={list.data.nextCursor}
        />
      )}
      <LeaveRefuseDialog
        open={refusing !== null}
        form={refuseForm}
        onCancel={() => setRefusing(null)}
        onRefuse={(reason) => {
          const row = refusing
          setRefusing(null)
          if (row !== null) void decide(row, { _tag: "Refuse", reason })
        }}
      />
    </AppShell>
  )
}
