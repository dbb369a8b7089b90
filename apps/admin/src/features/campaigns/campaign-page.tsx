import type { RouterOutputs } from "@cadre/client"
import { formatDate } from "@cadre/ui"
import {
  Alert,
  App as AntdApp,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Spin,
  Steps,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { isUnauthenticated, type Problem, problemOf, useApi } from "../../api/client"
import { useLoad } from "../../api/use-load"
import { AppShell } from "../../layout/app-shell"
import { Link } from "../../routes/navigation"
import { useSession } from "../../session/session"
import { saveFile } from "./download"

type Campaign = RouterOutputs["campaigns"]["get"]
type Schedule = RouterOutputs["campaigns"]["schedule"]
export type ApplicationRow = RouterOutputs["applications"]["list"][number]
type Step = Campaign["path"]["steps"][number]

/**
 * The steps a reviewer enters with the generic Advance move (the kernel's ADVANCE_TARGETS: the review steps and
 * the shortlist). Decisions, notices and appointments have their own moves and their own screens.
 */
const advanceTargets: ReadonlySet<string> = new Set([
  "qualification_review",
  "joint_review",
  "inspection",
  "interview",
  "shortlisted",
])

/** The step after the application's current one on the campaign's path, when Advance is the move to it. */
export const nextAdvanceStep = <S extends Pick<Step, "state"> | { readonly state: string }>(
  steps: ReadonlyArray<S>,
  state: string,
): S | undefined => {
  const i = steps.findIndex((s) => s.state === state)
  const next = i < 0 ? undefined : steps[i + 1]
  return next !== undefined && advanceTargets.has(next.state) ? next : undefined
}

const isTerminal = (state: string) => state === "rejected" || state === "withdrawn"

const outcomeColor = { eligible: "green", ineligible: "red", needs_review: "gold" } as const

/** The applications table with its row actions; moves go through applications.act with the row's version. */
const Applications = ({
  campaign,
  rows,
  onChanged,
}: {
  readonly campaign: Campaign
  readonly rows: ReadonlyArray<ApplicationRow>
  readonly onChanged: () => void
}) => {
  const { t } = useTranslation("admin")
  const { api, language } = useApi()
  const lang = language === "en" ? "en" : "zh"
  const { message } = AntdApp.useApp()
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [rejecting, setRejecting] = useState<ApplicationRow | null>(null)
  const [form] = Form.useForm<{ reason: string }>()

  const act = async (
    row: ApplicationRow,
    move: Parameters<typeof api.applications.act.mutate>[0]["move"],
  ) => {
    setBusy(row.id)
    setProblem(null)
    try {
      const after = await api.applications.act.mutate({
        applicationId: row.id,
        expectedVersion: row.version,
        move,
      })
      onChanged()
      return after
    } catch (error) {
      setProblem(problemOf(error, language, t))
      return undefined
    } finally {
      setBusy(null)
    }
  }

  const columns: TableColumnsType<ApplicationRow> = [
    { title: t("campaign.name"), key: "name", render: (_, r) => r.person.name },
    {
      title: t("campaign.idNumber"),
      key: "id",
      render: (_, r) => <span style={{ fontVariantNumeric: "tabular-nums" }}>{r.person.idNumberMasked}</span>,
    },
    {
      title: t("campaign.channel"),
      key: "channel",
      render: (_, r) =>
        t(`campaign.channels.${r.application.channel ?? "none"}`, r.application.channel ?? "—"),
    },
    {
      title: t("campaign.verdict"),
      key: "verdict",
      render: (_, r) => {
        const outcome = r.application.verdict?.outcome
        return outcome === undefined ? (
          t("campaign.outcomes.none")
        ) : (
          <Tag color={outcomeColor[outcome]}>{t(`campaign.outcomes.${outcome}`)}</Tag>
        )
      },
    },
    {
      title: t("campaign.stage"),
      key: "state",
      render: (_, r) => (
        <Tag color={r.state === "rejected" ? "red" : "blue"} data-testid="application-state">
          {r.stateLabel[lang]}
        </Tag>
      ),
    },
    {
      title: t("campaign.actions"),
      key: "actions",
      render: (_, r) => {
        const next = nextAdvanceStep(campaign.path.steps, r.state)
        return (
          <Flex gap={8} wrap>
            {next === undefined ? null : (
              <Button
                size="small"
                type="primary"
                title={t("campaign.advanceTo", { step: next.label[lang] })}
                loading={busy === r.id}
                onClick={() => {
                  void act(r, { _tag: "Advance", from: r.state, to: next.state }).then((after) => {
                    if (after !== undefined)
                      void message.success(t("campaign.advanced", { step: next.label[lang] }))
                  })
                }}
              >
                {t("campaign.advance")}
              </Button>
            )}
            {isTerminal(r.state) ? null : (
              <Button
                size="small"
                danger
                disabled={busy === r.id}
                onClick={() => {
                  form.resetFields()
                  setRejecting(r)
                }}
              >
                {t("campaign.reject")}
              </Button>
            )}
          </Flex>
        )
      },
    },
  ]

  return (
    <>
      {problem === null ? null : (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setProblem(null) }}
          role="alert"
          data-testid="action-error"
          style={{ marginBottom: 12 }}
          title={problem.text}
          description={
            problem.requestId === null ? undefined : t("errors.requestId", { id: problem.requestId })
          }
          action={
            problem.tag === "StaleVersion" ? (
              <Button size="small" onClick={() => window.location.reload()}>
                {t("errors.reload")}
              </Button>
            ) : undefined
          }
        />
      )}
      <Table<ApplicationRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...rows]}
        pagination={false}
        scroll={{ x: "max-content" }}
        expandable={{
          expandedRowRender: (r) =>
            r.reasons.length === 0 ? (
              <Typography.Text type="secondary">{t("campaign.noReasons")}</Typography.Text>
            ) : (
              <div>
                <Typography.Text strong>{t("campaign.reasons")}</Typography.Text>
                <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
                  {r.reasons.map((reason) => (
                    <li key={`${reason.clause ?? ""}${reason.text.zh}`} style={{ whiteSpace: "normal" }}>
                      {reason.text[lang]} {reason.clause === null ? null : <Tag>{reason.clause}</Tag>}
                    </li>
                  ))}
                </ul>
              </div>
            ),
        }}
      />
      <Modal
        open={rejecting !== null}
        title={rejecting === null ? "" : t("campaign.rejectTitle", { name: rejecting.person.name })}
        okText={t("campaign.rejectConfirm")}
        cancelText={t("campaign.cancel")}
        okButtonProps={{ danger: true, loading: rejecting !== null && busy === rejecting.id }}
        onCancel={() => setRejecting(null)}
        onOk={() => {
          void form.validateFields().then(
            async ({ reason }) => {
              if (rejecting === null) return
              const row = rejecting
              setRejecting(null)
              const after = await act(row, { _tag: "Reject", reason: reason.trim() })
              if (after !== undefined) void message.success(t("campaign.rejected", { name: row.person.name }))
            },
            () => undefined,
          )
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t("campaign.rejectReason")}
            rules={[{ required: true, whitespace: true, message: t("campaign.rejectReasonRequired") }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}

/** The timetable: each stage's deadline (or period) in the campaign's year, with overdue marks. */
const Timetable = ({ schedule }: { readonly schedule: Schedule }) => {
  const { t } = useTranslation("admin")
  const { language } = useApi()
  const lang = language === "en" ? "en" : "zh"
  const date = (d: string) => formatDate(d, language)
  return (
    <Flex vertical gap={8}>
      {schedule.entries.map((e) => (
        <Flex
          key={e.stageId}
          wrap
          gap={8}
          justify="space-between"
          style={{ borderBottom: "1px solid #f0f0f0", paddingBottom: 8 }}
          data-testid={`schedule-${e.stageId}`}
        >
          <div style={{ minWidth: 0, flex: "1 1 240px" }}>
            <div>{e.label[lang]}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.clause}
              {e.note === null ? "" : ` · ${e.note[lang]}`}
            </Typography.Text>
          </div>
          <Flex gap={4} align="center" wrap>
            <span>
              {e.date === null
                ? t("campaign.noDate")
                : e.opens === null
                  ? date(e.date)
                  : t("campaign.opens", { from: date(e.opens), to: date(e.date) })}
            </span>
            {e.overridden ? <Tag>{t("campaign.adjusted")}</Tag> : null}
            {e.overdue ? (
              <Tag color="red" data-testid="overdue">
                {t("campaign.overdue")}
              </Tag>
            ) : null}
          </Flex>
        </Flex>
      ))}
    </Flex>
  )
}

/** 批次详情: the path with each step's count, the timetable, the applications and their moves, the roster. */
export const CampaignPage = ({ id = "" }: { readonly id?: string }) => {
  const { t } = useTranslation("admin")
  const { api, language } = useApi()
  const lang = language === "en" ? "en" : "zh"
  const { expired } = useSession()
  const { message } = AntdApp.useApp()
  const [exporting, setExporting] = useState(false)
  const [exportProblem, setExportProblem] = useState<Problem | null>(null)
  const { load, reload } = useLoad(
    () =>
      Promise.all([
        api.campaigns.get.query({ id }),
        api.campaigns.schedule.query({ id }),
        api.applications.list.query({ campaignId: id }),
      ]),
    `${id}|${language}`,
  )
  const failedAuth = load.state === "failed" && isUnauthenticated(load.error)
  useEffect(() => {
    if (failedAuth) expired()
  }, [failedAuth, expired])

  const exportRoster = async () => {
    setExporting(true)
    setExportProblem(null)
    try {
      const file = await api.exports.roster.query({ campaignId: id })
      saveFile(file)
      void message.success(t("campaign.exported", { filename: file.filename }))
    } catch (error) {
      setExportProblem(problemOf(error, language, t))
    } finally {
      setExporting(false)
    }
  }

  const title = load.state === "done" ? load.data[0].name : t("campaigns.title")
  return (
    <AppShell title={title}>
      <Link href="/campaigns">← {t("campaign.back")}</Link>
      {load.state === "loading" ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : load.state === "failed" ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={problemOf(load.error, language, t).text}
        />
      ) : (
        (() => {
          const [campaign, schedule, applications] = load.data
          const counts = campaign.counts as Readonly<Record<string, number>>
          return (
            <Flex vertical gap={16}>
              <div>
                <Typography.Title level={1} style={{ fontSize: 22, margin: "12px 0 4px" }}>
                  {campaign.name}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {campaign.schemeName[lang]} ·{" "}
                  {t("campaigns.schemeVersion", {
                    scheme: campaign.schemeId,
                    version: campaign.schemeVersion,
                  })}{" "}
                  · {t("campaigns.places")} {campaign.places} · {t("campaign.referenceDate")}{" "}
                  {formatDate(campaign.referenceDate, language)}
                </Typography.Text>
              </div>
              <Card title={t("campaign.path")} size="small">
                <Steps
                  size="small"
                  data-testid="campaign-path"
                  // The furthest step anyone has reached; each step's own status says whether anyone is on it.
                  current={campaign.path.steps.reduce(
                    (last, s, i) => ((counts[s.state] ?? 0) > 0 ? i : last),
                    0,
                  )}
                  items={campaign.path.steps.map((s) => {
                    const n = counts[s.state] ?? 0
                    return {
                      key: s.state,
                      title: s.label[lang],
                      status: n > 0 ? "process" : "wait",
                      content: t("campaign.countOnStep", { count: n }),
                    }
                  })}
                />
                {campaign.path.unmapped.length === 0 ? null : (
                  <Alert
                    type="warning"
                    style={{ marginTop: 12 }}
                    title={t("campaign.unmapped", {
                      stages: campaign.path.unmapped.map((s) => s.label[lang]).join("、"),
                    })}
                  />
                )}
              </Card>
              <Card title={t("campaign.timetable")} size="small">
                <Timetable schedule={schedule} />
              </Card>
              <Card
                title={t("campaign.applications")}
                size="small"
                extra={
                  <Button loading={exporting} onClick={() => void exportRoster()}>
                    {t("campaign.exportRoster")}
                  </Button>
                }
              >
                {exportProblem === null ? null : (
                  <Alert type="error" showIcon style={{ marginBottom: 12 }} title={exportProblem.text} />
                )}
                <Applications campaign={campaign} rows={applications} onChanged={reload} />
              </Card>
            </Flex>
          )
        })()
      )}
    </AppShell>
  )
}
