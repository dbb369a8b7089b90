import { formatDate, pick, type Problem, ProblemAlert, problemOf, toLanguage, useApi } from "@cadre/ui"
import { App, Button, Card, Flex, Form, Input, Spin, Tag, Typography } from "antd"
import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useServerErrors } from "../../api/use-server-errors"
import {
  MARK_COLOUR,
  mayFile,
  type Obligation,
  type Placement,
  reportMark,
  reportTally,
} from "./in-post-model"

/** The server's limit on a report's text (reports.submit). */
export const REPORT_MAX_CHARS = 20_000

/** 报告: each obligation the scheme generates, its due date and whether it is filed, due or overdue. */
export const ReportsSection = ({ placement }: { readonly placement: Placement }) => {
  const { t } = useTranslation("portal")
  const api = useApi()
  const [obligations, setObligations] = useState<ReadonlyArray<Obligation> | undefined>(undefined)
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [filing, setFiling] = useState<string | undefined>(undefined)

  const load = useCallback(async () => {
    try {
      setObligations(await api.reports.obligations.query({ placementId: placement.id }))
    } catch (error) {
      setProblem(problemOf(error))
    }
  }, [api, placement.id])
  useEffect(() => {
    void load()
  }, [load])

  const tally = obligations === undefined ? undefined : reportTally(obligations)
  return (
    <Card size="small" data-testid="reports">
      <Flex vertical gap={12}>
        <div>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("inPost.reports.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("inPost.reports.intro")}</Typography.Text>
        </div>
        <ProblemAlert problem={problem} requestId="always" />
        {obligations === undefined ? (
          problem === undefined ? (
            <Spin />
          ) : null
        ) : obligations.length === 0 ? (
          <Typography.Text type="secondary">{t("inPost.reports.none")}</Typography.Text>
        ) : (
          <>
            {tally === undefined ? null : (
              <Typography.Text strong data-testid="report-tally">
                {t("inPost.reports.tally", tally)}
              </Typography.Text>
            )}
            {obligations.map((o) => (
              <ObligationItem
                key={o.key}
                placementId={placement.id}
                obligation={o}
                open={filing === o.key}
                onOpen={() => setFiling(o.key)}
                onClose={() => setFiling(undefined)}
                onFiled={(next) => {
                  setObligations((current) => current?.map((x) => (x.key === next.key ? next : x)))
                  setFiling(undefined)
                }}
              />
            ))}
          </>
        )}
      </Flex>
    </Card>
  )
}

const ObligationItem = ({
  placementId,
  obligation: o,
  open,
  onOpen,
  onClose,
  onFiled,
}: {
  readonly placementId: string
  readonly obligation: Obligation
  readonly open: boolean
  readonly onOpen: () => void
  readonly onClose: () => void
  readonly onFiled: (next: Obligation) => void
}) => {
  const { t, i18n } = useTranslation("portal")
  const language = toLanguage(i18n.language)
  const date = (d: string) => formatDate(d, language)
  const mark = reportMark(o.status)
  return (
    <div
      data-testid={`report-${o.key}`}
      style={{
        borderInlineStart: `3px solid ${mark === "overdue" ? "#cf1322" : mark === "due" ? "#1677ff" : "#d9d9d9"}`,
        paddingInlineStart: 10,
      }}
    >
      <Flex vertical gap={2}>
        <Flex gap={8} wrap align="center" justify="space-between">
          <Typography.Text strong style={{ overflowWrap: "anywhere" }}>
            {pick(o.subject, i18n.language)}
          </Typography.Text>
          <Tag color={MARK_COLOUR[mark]} data-testid="report-status" style={{ marginInlineEnd: 0 }}>
            {t(`inPost.reports.status.${mark}`)}
          </Tag>
        </Flex>
        {o.period === null ? null : (
          <Typography.Text type="secondary">
            {t("inPost.reports.period", { from: date(o.period.from), to: date(o.period.to) })}
          </Typography.Text>
        )}
        <Typography.Text
          {...(mark === "overdue" ? { type: "danger" as const } : {})}
          data-testid="report-due"
        >
          {o.due === null ? t("inPost.reports.onEvent") : t("inPost.reports.due", { date: date(o.due) })}
        </Typography.Text>
        {o.submittedOn === null ? null : (
          <Typography.Text data-testid="report-filed-on">
            {t("inPost.reports.filedOn", { date: date(o.submittedOn) })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("inPost.reports.recipient", { to: t(`inPost.actors.${o.to}`) })} ·{" "}
          {t("inPost.reports.clause", { clause: o.clause })}
        </Typography.Text>
        {!mayFile(o.status) ? null : open ? (
          <ReportForm placementId={placementId} obligationKey={o.key} onCancel={onClose} onFiled={onFiled} />
        ) : (
          <div>
            <Button size="small" type={mark === "overdue" ? "primary" : "default"} onClick={onOpen}>
              {t("inPost.reports.file")}
            </Button>
          </div>
        )}
      </Flex>
    </div>
  )
}

const fieldOfReport = (path: ReadonlyArray<PropertyKey>): string | undefined =>
  path[0] === "text" ? "text" : undefined

const ReportForm = ({
  placementId,
  obligationKey,
  onCancel,
  onFiled,
}: {
  readonly placementId: string
  readonly obligationKey: string
  readonly onCancel: () => void
  readonly onFiled: (next: Obligation) => void
}) => {
  const { t } = useTranslation("portal")
  const api = useApi()
  const { message } = App.useApp()
  const errors = useServerErrors(fieldOfReport)
  const [busy, setBusy] = useState(false)

  const submit = async ({ text }: { text: string }) => {
    setBusy(true)
    errors.clear()
    try {
      const next = await api.reports.submit.mutate({
        placementId,
        key: obligationKey,
        text: text.trim(),
        attachments: [],
      })
      void message.success(t("inPost.reports.filed"))
      onFiled(next)
    } catch (error) {
      errors.report(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Form<{ text: string }>
      layout="vertical"
      name={`report-${obligationKey}`}
      onFinish={submit}
      onValuesChange={errors.touched}
      style={{ marginTop: 8 }}
      data-testid="report-form"
    >
      <ProblemAlert problem={errors.problem} requestId="always" />
      <Form.Item
        name="text"
        label={t("inPost.reports.text")}
        rules={[{ required: true, whitespace: true, message: t("inPost.reports.textRequired") }]}
        {...errors.itemProps("text")}
        style={{ marginTop: errors.problem === undefined ? 0 : 12 }}
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 12 }}
          maxLength={REPORT_MAX_CHARS}
          showCount
          placeholder={t("inPost.reports.textPlaceholder")}
        />
      </Form.Item>
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t("inPost.reports.submit")}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t("inPost.reports.cancel")}
        </Button>
      </Flex>
    </Form>
  )
}
