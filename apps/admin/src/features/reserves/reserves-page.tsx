import { formatDate, ProblemAlert, pick, problemOf, useLanguage } from "@cadre/ui"
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query"
import {
  App as AntdApp,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
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
import { EnterDialog } from "./enter-dialog"
import { FindingList } from "./finding-list"
import {
  type PoolScheme,
  parseSchemeKey,
  type ReserveRow,
  required,
  reviewFindings,
  schemeKey,
} from "./reserve-forms"
import { ReviewDialog } from "./review-dialog"

const PAGE_SIZE = 20
type State = "active" | "removed"

/** The role an active committee reserve moves on to, where the scheme sets the 003 pipeline. */
const nextRole = (row: ReserveRow, scheme: PoolScheme | undefined) =>
  scheme?.pipeline === true && row.state === "active" && row.role === "committee_reserve"
    ? scheme.roles.find((r) => r.key === "secretary_reserve")
    : undefined

/**
 * 后备干部 (issue 16, pool.review): the reserve pools in the caller's scope, paged (issue 19), filtered by scheme,
 * community and state; 入库 enters a person, 晋升 moves a committee reserve on to the secretary reserve after a
 * confirmation naming both, 年度评议 records the year's review; the reviews on record below, each with the kernel's
 * findings. On a phone the rows are cards.
 */
export const ReservesPage = () => {
  const { t } = useTranslation("reserves")
  const language = useLanguage()
  const trpc = useTRPC()
  const { message } = AntdApp.useApp()
  const narrow = Grid.useBreakpoint().md === false
  const pages = useKeysetPages()
  const [scheme, setScheme] = useState<string | undefined>()
  const [community, setCommunity] = useState<string | undefined>()
  const [state, setState] = useState<State | undefined>()
  const [entering, setEntering] = useState(false)
  const [reviewing, setReviewing] = useState(false)
  const [advancing, setAdvancing] = useState<ReserveRow | null>(null)
  const [advanceForm] = Form.useForm<{ basis: string }>()

  const options = useQuery(trpc.reserves.schemes.queryOptions({}))
  const regions = useQuery(trpc.regions.tree.queryOptions({}))
  const reviews = useQuery(trpc.pool.reviews.queryOptions({}))
  const schemeFilter = scheme === undefined ? {} : { schemeId: parseSchemeKey(scheme).schemeId }
  const list = useQuery({
    ...trpc.reserves.list.queryOptions({
      ...schemeFilter,
      ...(community === undefined ? {} : { regionId: community }),
      ...(state === undefined ? {} : { state }),
      limit: PAGE_SIZE,
      ...(pages.cursor === undefined ? {} : { cursor: pages.cursor }),
    }),
    placeholderData: keepPreviousData,
  })
  const advance = useMutation(trpc.reserves.advance.mutationOptions())
  const [advanceProblem, setAdvanceProblem] = useState<ReturnType<typeof problemOf> | null>(null)

  const schemes = options.data?.schemes ?? []
  const schemeOf = (r: ReserveRow) =>
    schemes.find((s) => s.schemeId === r.schemeId && s.version === r.schemeVersion)
  const communities = (regions.data ?? []).filter((r) => r.level === "community" || r.level === "village")
  const streets = (regions.data ?? []).filter((r) => r.level === "street" || r.level === "township")
  const regionName = (id: string) => (regions.data ?? []).find((r) => r.id === id)?.name ?? ""
  const schemeName = (id: string, version: number) => {
    const s = schemes.find((x) => x.schemeId === id && x.version === version)
    return s === undefined ? "" : t("schemeVersion", { name: pick(s.name, language), version })
  }
  const rows = list.data?.items ?? []
  const date = (d: string) => formatDate(d, language)

  const actions = (r: ReserveRow) => {
    const next = nextRole(r, schemeOf(r))
    return next === undefined ? null : (
      <Button
        size="small"
        onClick={() => {
          advanceForm.resetFields()
          setAdvanceProblem(null)
          setAdvancing(r)
        }}
        data-testid="reserve-advance"
      >
        {t("advance.action")}
      </Button>
    )
  }
  const stateTag = (r: ReserveRow) => (
    <Tag color={r.state === "active" ? "green" : "default"} data-testid="reserve-state">
      {pick(r.stateLabel, language)}
    </Tag>
  )
  const waived = (r: ReserveRow) =>
    r.findings
      .filter((f) => f.status === "waived")
      .map((f) => (
        <Typography.Text
          key={f.ruleId}
          type="secondary"
          style={{ display: "block", fontSize: 12, whiteSpace: "normal" }}
        >
          {t("waived", { rule: pick(f.message, language) })}
        </Typography.Text>
      ))

  const columns: TableColumnsType<ReserveRow> = [
    { title: t("columns.person"), key: "person", render: (_, r) => r.personName },
    { title: t("columns.community"), key: "community", render: (_, r) => r.regionName },
    {
      title: t("columns.role"),
      key: "role",
      render: (_, r) => (
        <div style={{ maxWidth: 280, whiteSpace: "normal" }}>
          {pick(r.roleLabel, language)}
          {waived(r)}
        </div>
      ),
    },
    {
      title: t("columns.source"),
      key: "source",
      render: (_, r) => (r.sourceLabel === null ? "" : pick(r.sourceLabel, language)),
    },
    { title: t("columns.scheme"), key: "scheme", render: (_, r) => pick(r.schemeName, language) },
    { title: t("columns.state"), key: "state", render: (_, r) => stateTag(r) },
    { title: t("columns.enteredOn"), key: "enteredOn", render: (_, r) => date(r.enteredOn) },
    // Kept in view at the right edge, so the move never scrolls out of reach.
    { title: t("columns.actions"), key: "actions", fixed: "right", render: (_, r) => actions(r) },
  ]

  const next = advancing === null ? undefined : nextRole(advancing, schemeOf(advancing))
  const doAdvance = ({ basis }: { basis: string }) => {
    const row = advancing
    if (row === null || next === undefined) return
    setAdvanceProblem(null)
    advance.mutate(
      { id: row.id, expectedVersion: row.version, basis: basis.trim() },
      {
        onSuccess: () => {
          setAdvancing(null)
          void message.success(t("advance.done", { name: row.personName, role: pick(next.label, language) }))
        },
        onError: (error) => setAdvanceProblem(problemOf(error)),
      },
    )
  }

  return (
    <AppShell title={t("title")}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t("title")}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Button
            type="primary"
            onClick={() => setEntering(true)}
            disabled={schemes.length === 0}
            data-testid="reserve-enter"
          >
            {t("enter.action")}
          </Button>
          <Button
            onClick={() => setReviewing(true)}
            disabled={schemes.length === 0}
            data-testid="reserve-review"
          >
            {t("review.action")}
          </Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t("intro")}
      </Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<string>
          allowClear
          value={scheme ?? null}
          style={{ minWidth: 220, maxWidth: "100%" }}
          placeholder={t("filters.anyScheme")}
          aria-label={t("filters.scheme")}
          onChange={(v) => {
            setScheme(v)
            pages.first()
          }}
          options={schemes.map((s) => ({
            value: schemeKey(s),
            label: t("schemeVersion", { name: pick(s.name, language), version: s.version }),
          }))}
          data-testid="filter-scheme"
        />
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          value={community ?? null}
          style={{ minWidth: 160 }}
          placeholder={t("filters.anyCommunity")}
          aria-label={t("filters.community")}
          onChange={(v) => {
            setCommunity(v)
            pages.first()
          }}
          options={communities.map((c) => ({ value: c.id, label: c.name }))}
          data-testid="filter-community"
        />
        <Select<State>
          allowClear
          value={state ?? null}
          style={{ minWidth: 140 }}
          placeholder={t("filters.anyState")}
          aria-label={t("filters.state")}
          onChange={(v) => {
            setState(v)
            pages.first()
          }}
          options={(["active", "removed"] as const).map((s) => ({ value: s, label: t(`states.${s}`) }))}
          data-testid="filter-state"
        />
      </Flex>
      {list.isPending ? (
        <Spin />
      ) : list.isError ? (
        <ProblemAlert problem={problemOf(list.error)} />
      ) : rows.length === 0 ? (
        <Empty description={t("empty")} data-testid="reserves-empty" />
      ) : narrow ? (
        <Flex vertical gap={12} data-testid="reserves">
          {rows.map((r) => (
            <Card key={r.id} size="small" data-testid="reserve-card">
              <Flex vertical gap={6}>
                <Flex justify="space-between" gap={8} wrap>
                  <Typography.Text strong>{r.personName}</Typography.Text>
                  {stateTag(r)}
                </Flex>
                <span>
                  {r.regionName} · {pick(r.roleLabel, language)}
                </span>
                {waived(r)}
                <Typography.Text type="secondary">
                  {r.sourceLabel === null ? "" : `${pick(r.sourceLabel, language)} · `}
                  {date(r.enteredOn)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ whiteSpace: "normal" }}>
                  {pick(r.schemeName, language)}
                </Typography.Text>
                {actions(r)}
              </Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<ReserveRow>
          rowKey="id"
          dataSource={[...rows]}
          columns={columns}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="reserves"
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

      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {t("reviews.title")}
      </Typography.Title>
      {reviews.isPending ? (
        <Spin />
      ) : reviews.isError ? (
        <ProblemAlert problem={problemOf(reviews.error)} />
      ) : reviews.data.length === 0 ? (
        <Empty description={t("reviews.empty")} data-testid="reviews-empty" />
      ) : (
        <Flex vertical gap={12} data-testid="reviews">
          {reviews.data.map((r) => (
            <Card
              key={r.id}
              size="small"
              title={`${regionName(r.regionId)} · ${t("reviews.year")} ${r.year}`}
              data-testid="review-card"
            >
              <Flex vertical gap={8}>
                <Typography.Text type="secondary" style={{ whiteSpace: "normal" }}>
                  {schemeName(r.schemeId, r.schemeVersion)} · {t("reviews.reviewedOn")} {date(r.reviewedOn)} ·{" "}
                  {t("reviews.members")} {t("reviews.membersValue", { count: r.members })}
                </Typography.Text>
                <Typography.Text style={{ whiteSpace: "normal" }}>
                  {t("reviews.removed", {
                    list:
                      r.removed.length === 0
                        ? t("reviews.removedNone")
                        : r.removed.map((x) => x.reason).join(language === "en" ? "; " : "；"),
                  })}
                </Typography.Text>
                <FindingList findings={reviewFindings(r)} />
              </Flex>
            </Card>
          ))}
        </Flex>
      )}

      {entering ? (
        <EnterDialog
          schemes={schemes}
          sources={options.data?.sources ?? []}
          communities={communities}
          onClose={() => setEntering(false)}
          onEntered={(name) => {
            setEntering(false)
            void message.success(t("enter.done", { name }))
          }}
        />
      ) : null}
      {reviewing ? (
        <ReviewDialog schemes={schemes} streets={streets} onClose={() => setReviewing(false)} />
      ) : null}
      <Modal
        open={advancing !== null && next !== undefined}
        title={next === undefined ? "" : t("advance.title", { role: pick(next.label, language) })}
        okText={t("advance.submit")}
        cancelText={t("cancel")}
        confirmLoading={advance.isPending}
        onOk={() => advanceForm.submit()}
        onCancel={() => setAdvancing(null)}
        destroyOnHidden
      >
        {advancing !== null && next !== undefined ? (
          <Typography.Paragraph data-testid="advance-confirm">
            {t("advance.confirm", {
              name: advancing.personName,
              from: pick(advancing.roleLabel, language),
              role: pick(next.label, language),
            })}
          </Typography.Paragraph>
        ) : null}
        <ProblemAlert
          problem={advanceProblem}
          onClose={() => setAdvanceProblem(null)}
          style={{ marginBottom: 12 }}
        />
        <Form form={advanceForm} layout="vertical" onFinish={doAdvance}>
          <Form.Item name="basis" label={t("advance.basis")} rules={required(t("advance.basisRequired"))}>
            <Input.TextArea
              rows={2}
              placeholder={t("advance.basisPlaceholder")}
              data-testid="advance-basis"
            />
          </Form.Item>
        </Form>
      </Modal>
    </AppShell>
  )
}
