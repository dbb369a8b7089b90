import { type Problem, ProblemAlert, useLanguage } from "@cadre/ui"
import { Alert, Button, Flex, Form, Input, Modal, Radio, Select, Typography } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { FindingFacts, LateStage } from "./case-acts"
import type { Send } from "./move-dialog"
import { decidingBodies, notAfter, requiredRules } from "./move-form-rules"
import type { ApplicationRow, Campaign, Move } from "./types"

/** One modal form for a move on a case: validates, sends, keeps the form open with the refusal. */
const ActModal = ({
  title,
  okText,
  initialValues,
  toMove,
  row,
  send,
  onClose,
  onDone,
  children,
}: {
  readonly title: string
  readonly okText: string
  readonly initialValues: Record<string, unknown>
  // biome-ignore lint/suspicious/noExplicitAny: each form has its own shape, read where it is built
  readonly toMove: (values: any) => Move
  readonly row: ApplicationRow
  readonly send: Send
  readonly onClose: () => void
  readonly onDone: () => void
  readonly children: React.ReactNode
}) => {
  const { t } = useTranslation("admin")
  // biome-ignore lint/suspicious/noExplicitAny: see toMove
  const [form] = Form.useForm<any>()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const submit = async (values: Record<string, unknown>) => {
    setBusy(true)
    setProblem(null)
    const move = toMove(values)
    const result = await send((client, expectedVersion) =>
      client.applications.act.mutate({ applicationId: row.id, expectedVersion, move }),
    )
    setBusy(false)
    if (result === null) onDone()
    else setProblem(result)
  }
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t("campaign.cancel")}
      okButtonProps={{ loading: busy, autoInsertSpace: false }}
      cancelButtonProps={{ autoInsertSpace: false }}
      onCancel={onClose}
      onOk={() => {
        void form.validateFields().then(submit, () => undefined)
      }}
      destroyOnHidden
    >
      <ProblemAlert
        problem={problem}
        onReload={() => window.location.reload()}
        testId="action-error"
        style={{ marginBottom: 12 }}
      />
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {children}
      </Form>
    </Modal>
  )
}

/**
 * 审核认定 (ResolveFinding): a reviewer confirms (the condition is met) or refuses (not met) one finding the
 * screening left to review, with the reason and the date; the outcome starts as the button the reviewer pressed.
 */
export const FindingDialog = ({
  row,
  finding,
  outcome,
  today,
  send,
  onClose,
  onDone,
}: {
  readonly row: ApplicationRow
  readonly finding: FindingFacts
  readonly outcome: "confirmed" | "refused"
  readonly today: string
  readonly send: Send
  readonly onClose: () => void
  readonly onDone: () => void
}) => {
  const { t } = useTranslation("admin")
  const lang = useLanguage() === "en" ? "en" : "zh"
  const { required, requiredText } = requiredRules(t)
  return (
    <ActModal
      title={t("campaign.flow.findingTitle", { name: row.person.name, rule: finding.label[lang] })}
      okText={t("campaign.flow.confirm")}
      initialValues={{ outcome, date: today }}
      toMove={(v: { outcome: "confirmed" | "refused"; reason: string; date: string }) => ({
        _tag: "ResolveFinding",
        ruleId: finding.ruleId,
        outcome: v.outcome,
        reason: v.reason.trim(),
        date: v.date,
      })}
      row={row}
      send={send}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary" data-testid="finding-clause">
        {t("campaign.flow.findingBasis", {
          clause: `${finding.citation.document} ${finding.citation.clause}`,
        })}
      </Typography.Paragraph>
      <Form.Item
        name="outcome"
        label={t("campaign.flow.findingOutcome")}
        rules={[required("findingOutcome")]}
      >
        <Radio.Group
          options={[
            { value: "confirmed", label: t("campaign.flow.findingOutcomes.confirmed") },
            { value: "refused", label: t("campaign.flow.findingOutcomes.refused") },
          ]}
        />
      </Form.Item>
      <Form.Item name="reason" label={t("campaign.flow.findingReason")} rules={[requiredText("reason")]}>
        <Input.TextArea rows={3} count={{ show: true, max: 500 }} maxLength={500} />
      </Form.Item>
      <Form.Item
        name="date"
        label={t("campaign.flow.findingDate")}
        rules={[required("date"), notAfter(today, t("campaign.flow.required.notFuture"))]}
      >
        <Input type="date" max={today} />
      </Form.Item>
    </ActModal>
  )
}

/**
 * 决策机构否决意见 (OverrideOpinion): the deciding body sets a department's "disagree" aside, with its reason,
 * its meeting (the campaign's body by default) and the meeting's date.
 */
export const OpinionDialog = ({
  row,
  department,
  campaign,
  today,
  send,
  onClose,
  onDone,
}: {
  readonly row: ApplicationRow
  readonly department: string
  readonly campaign: Campaign
  readonly today: string
  readonly send: Send
  readonly onClose: () => void
  readonly onDone: () => void
}) => {
  const { t } = useTranslation("admin")
  const { required, requiredText } = requiredRules(t)
  return (
    <ActModal
      title={t("campaign.flow.overrideTitle", { name: row.person.name, department })}
      okText={t("campaign.flow.confirm")}
      initialValues={{ body: campaign.decidingBody }}
      toMove={(v: {
        body: (typeof decidingBodies)[number]
        reference?: string
        reason: string
        date: string
      }) => ({
        _tag: "OverrideOpinion",
        department,
        reason: v.reason.trim(),
        meeting: { body: v.body, ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}) },
        date: v.date,
      })}
      row={row}
      send={send}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t("campaign.flow.overrideNote")}</Typography.Paragraph>
      <Form.Item name="reason" label={t("campaign.flow.overrideReason")} rules={[requiredText("reason")]}>
        <Input.TextArea rows={3} count={{ show: true, max: 500 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="body" label={t("campaign.flow.body")} rules={[required("body")]}>
        <Select options={decidingBodies.map((b) => ({ value: b, label: t(`campaign.flow.bodies.${b}`) }))} />
      </Form.Item>
      <Form.Item name="reference" label={t("campaign.flow.reference")}>
        <Input count={{ show: true, max: 100 }} placeholder={t("campaign.flow.referenceHint")} />
      </Form.Item>
      <Form.Item
        name="date"
        label={t("campaign.flow.meetingDate")}
        rules={[required("date"), notAfter(today, t("campaign.flow.required.notFuture"))]}
      >
        <Input type="date" max={today} />
      </Form.Item>
    </ActModal>
  )
}

/**
 * 记录逾期办理 (applications.overrideDeadline): shown under a refusal of a move that came after a stage's deadline.
 * The runner gives the stage and the reason; then the move can be made again. Another role reads who may.
 */
export const DeadlineOverride = ({
  row,
  late,
  send,
  onDone,
}: {
  readonly row: ApplicationRow
  readonly late: ReadonlyArray<LateStage>
  readonly send: Send
  /** The deadline override is recorded for `stageId`. */
  readonly onDone: (stageId: string) => void
}) => {
  const { t } = useTranslation("admin")
  const lang = useLanguage() === "en" ? "en" : "zh"
  const { required, requiredText } = requiredRules(t)
  const [form] = Form.useForm<{ stageId: string; reason: string }>()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const first = late[0]
  if (first === undefined) return null
  const mayOverride = row.yours.includes("OverrideDeadline")
  const submit = async (v: { stageId: string; reason: string }) => {
    setBusy(true)
    setProblem(null)
    const result = await send((client, expectedVersion) =>
      client.applications.overrideDeadline.mutate({
        applicationId: row.id,
        expectedVersion,
        stageId: v.stageId,
        reason: v.reason.trim(),
      }),
    )
    setBusy(false)
    if (result === null) {
      setOpen(false)
      onDone(v.stageId)
    } else setProblem(result)
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="late-stage"
      style={{ marginBottom: 12 }}
      title={t("campaign.flow.late.title", {
        stage: first.label[lang],
        date: first.date,
        clause: first.clause,
      })}
      description={
        !mayOverride ? (
          t("campaign.flow.late.notYours")
        ) : !open ? (
          <Flex vertical gap={8} align="start">
            <span>{t("campaign.flow.late.text")}</span>
            <Button size="small" autoInsertSpace={false} onClick={() => setOpen(true)}>
              {t("campaign.flow.late.record")}
            </Button>
          </Flex>
        ) : (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ stageId: first.stageId }}
            onFinish={(v) => void submit(v)}
            data-testid="late-form"
          >
            <ProblemAlert problem={problem} testId="late-error" style={{ marginBottom: 8 }} />
            <Form.Item name="stageId" label={t("campaign.flow.late.stage")} rules={[required("stage")]}>
              <Select
                options={late.map((l) => ({ value: l.stageId, label: `${l.label[lang]}（${l.date}）` }))}
              />
            </Form.Item>
            <Form.Item name="reason" label={t("campaign.flow.late.reason")} rules={[requiredText("reason")]}>
              <Input.TextArea rows={2} count={{ show: true, max: 500 }} maxLength={500} />
            </Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" size="small" loading={busy} autoInsertSpace={false}>
                {t("campaign.flow.late.submit")}
              </Button>
              <Button size="small" autoInsertSpace={false} onClick={() => setOpen(false)}>
                {t("campaign.cancel")}
              </Button>
            </Flex>
          </Form>
        )
      }
    />
  )
}
