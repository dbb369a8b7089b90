import { formatDate, ProblemAlert, useApi, useLanguage } from "@cadre/ui"
import { App as AntdApp, Button, Flex, Form, Table, type TableColumnsType, Tag, Typography } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { Lang } from "./form-helpers"
import { LeaveRefuseDialog } from "./leave-refuse-dialog"
import { type LeaveForm, LeaveRequestDialog, leaveRequest } from "./leave-request-dialog"
import {
  type LeaveRow,
  leaveTiers,
  mayApproveLeave,
  type Permissions,
  type PlacementDetail,
  type SchemeView,
} from "./placement-helpers"
import { type Api, useCommand } from "./use-command"

/**
 * 请销假: the requests with the approver the scheme's tiers route each to (and the clause why); the routed approver
 * approves or refuses with the request's version. A request can be recorded for the cadre; the scheme's tiers are
 * shown so the routing is no surprise.
 */
export const LeaveSection = ({
  placement,
  rows,
  scheme,
  permissions,
  canRequest,
  onChanged,
}: {
  readonly placement: PlacementDetail
  readonly rows: ReadonlyArray<LeaveRow>
  readonly scheme: SchemeView | null
  readonly permissions: Permissions
  readonly canRequest: boolean
  readonly onChanged: () => void
}) => {
  const { t } = useTranslation("placements")
  const api = useApi()
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  const { message } = AntdApp.useApp()
  const { problem, setProblem, busy, run } = useCommand()
  const [refusing, setRefusing] = useState<LeaveRow | null>(null)
  const [requesting, setRequesting] = useState(false)
  const [refuseForm] = Form.useForm<{ reason: string }>()
  const [requestForm] = Form.useForm<LeaveForm>()
  const tiers = leaveTiers(scheme)
  const date = (d: string) => formatDate(d, language)

  const decide = async (row: LeaveRow, move: Parameters<Api["leave"]["decide"]["mutate"]>[0]["move"]) => {
    const after = await run(() => api.leave.decide.mutate({ id: row.id, expectedVersion: row.version, move }))
    if (after !== undefined) {
      void message.success(after.state === "approved" ? t("leave.approved") : t("leave.refused"))
      onChanged()
    }
  }

  const request = async (v: LeaveForm) => {
    setRequesting(false)
    const after = await run(() => api.leave.request.mutate(leaveRequest(placement.id, v)))
    if (after !== undefined) {
      void message.success(t("leave.requested", { approver: after.approverLabel[lang] }))
      onChanged()
    }
  }

  const columns: TableColumnsType<LeaveRow> = [
    {
      title: t("leave.dates"),
      key: "dates",
      render: (_, r) => `${date(r.from)} – ${date(r.to)}`,
    },
    { title: t("leave.days"), key: "days", render: (_, r) => t("leave.daysValue", { days: r.days }) },
    {
      title: t("leave.state"),
      key: "state",
      render: (_, r) => (
        <Flex gap={4} wrap>
          <Tag
            color={r.state === "refused" ? "red" : r.state === "requested" ? "gold" : "green"}
            data-testid="leave-state"
          >
            {r.stateLabel[lang]}
          </Tag>
          {r.overstayDays !== null && r.overstayDays > 0 ? (
            <Tag color="red">{t("leave.overstay", { count: r.overstayDays })}</Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t("leave.approver"),
      key: "approver",
      render: (_, r) => (
        <div style={{ maxWidth: 320, whiteSpace: "normal" }}>
          <div data-testid="leave-approver">{r.approverLabel[lang]}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="leave-route">
            {r.route[lang]}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t("leave.actions"),
      key: "actions",
      render: (_, r) =>
        r.state === "requested" && mayApproveLeave(permissions) ? (
          <Flex gap={8} wrap>
            <Button
              size="small"
              type="primary"
              loading={busy}
              onClick={() => void decide(r, { _tag: "Approve" })}
            >
              {t("leave.approve")}
            </Button>
            <Button
              size="small"
              danger
              disabled={busy}
              onClick={() => {
                refuseForm.resetFields()
                setRefusing(r)
              }}
            >
              {t("leave.refuse")}
            </Button>
          </Flex>
        ) : null,
    },
  ]

  return (
    <Flex vertical gap={8}>
      <ProblemAlert
        problem={problem}
        style={{ marginBottom: 12 }}
        onClose={() => setProblem(null)}
        onReload={onChanged}
        testId="leave-error"
      />
      {tiers === null ? null : "note" in tiers ? (
        <Typography.Text type="secondary" data-testid="leave-tiers">
          {t("leave.noTiers", { note: tiers.note[lang] })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" data-testid="leave-tiers">
          {t("leave.tiers")}：
          {tiers.tiers
            .map((tier) =>
              tier.upToDays === undefined
                ? t("leave.tierOpen", { approver: t(`actors.${tier.approver}`) })
                : t("leave.tier", { days: tier.upToDays, approver: t(`actors.${tier.approver}`) }),
            )
            .join("；")}
        </Typography.Text>
      )}
      {canRequest ? (
        <div>
          <Button
            size="small"
            disabled={busy}
            onClick={() => {
              requestForm.resetFields()
              setRequesting(true)
            }}
          >
            {t("leave.request")}
          </Button>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t("leave.none")}</Typography.Text>
      ) : (
        <Table<LeaveRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={[...rows]}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="leave-table"
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

      <LeaveRequestDialog
        open={requesting}
        form={requestForm}
        onCancel={() => setRequesting(false)}
        onSubmit={request}
      />
    </Flex>
  )
}
