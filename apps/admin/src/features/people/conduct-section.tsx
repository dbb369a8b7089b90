import { formatDate, type Problem, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import { App as AntdApp, Button, Empty, Flex, Form, Input, Modal, Select, Spin, Tag, Typography } from "antd"
import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

type ConductRow = Awaited<ReturnType<ReturnType<typeof useApi>["profiles"]["conduct"]["query"]>>[number]

/** The kinds the exclusion rules know (Eligibility.CONDUCT_KINDS); the form offers these. */
export const CONDUCT_KINDS = [
  "party_sanction",
  "government_sanction",
  "violation",
  "investigation",
  "criminal_punishment",
  "illegal_religious_activity",
] as const

/** Today in China as an ISO date (the API's calendar day), for the date fields' upper bound. */
const chinaToday = (): string => chinaDay(new Date().toISOString())

/** The day an instant falls on in China (UTC+8, no daylight saving). */
const chinaDay = (iso: string): string => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)

interface ConductValues {
  readonly kind: string
  readonly document: string
  readonly date: string
  readonly closed?: string
  readonly description: string
}

/** 登记: kind, source document, date, (for an investigation) closing date and what it was. */
const RecordConductDialog = ({
  personId,
  name,
  onClose,
  onDone,
}: {
  readonly personId: string
  readonly name: string
  readonly onClose: () => void
  readonly onDone: () => void
}) => {
  const { t } = useTranslation("people")
  const api = useApi()
  const [form] = Form.useForm<ConductValues>()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const today = chinaToday()
  const kind = Form.useWatch("kind", form)
  const submit = async (v: ConductValues) => {
    setBusy(true)
    setProblem(null)
    try {
      await api.profiles.recordConduct.mutate({
        personId,
        record: {
          kind: v.kind,
          document: v.document.trim(),
          date: v.date,
          ...(v.closed ? { closed: v.closed } : {}),
          description: v.description.trim(),
        },
      })
      onDone()
    } catch (error) {
      setProblem(problemOf(error))
    } finally {
      setBusy(false)
    }
  }
  const notFuture = {
    validator: (_: unknown, value: string | undefined) =>
      value === undefined || value === "" || value <= today
        ? Promise.resolve()
        : Promise.reject(new Error(t("conduct.required.notFuture"))),
  }
  return (
    <Modal
      open
      title={t("conduct.recordTitle", { name })}
      okText={t("conduct.submit")}
      cancelText={t("conduct.cancel")}
      okButtonProps={{ loading: busy, autoInsertSpace: false }}
      cancelButtonProps={{ autoInsertSpace: false }}
      onCancel={onClose}
      onOk={() => {
        void form.validateFields().then(submit, () => undefined)
      }}
      destroyOnHidden
    >
      <ProblemAlert problem={problem} testId="conduct-error" style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="kind"
          label={t("conduct.kind")}
          rules={[{ required: true, message: t("conduct.required.kind") }]}
        >
          <Select options={CONDUCT_KINDS.map((k) => ({ value: k, label: t(`conduct.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="document"
          label={t("conduct.document")}
          extra={t("conduct.documentHint")}
          rules={[{ required: true, whitespace: true, message: t("conduct.required.document") }]}
        >
          <Input count={{ show: true, max: 200 }} maxLength={200} />
        </Form.Item>
        <Form.Item
          name="date"
          label={t("conduct.date")}
          rules={[{ required: true, message: t("conduct.required.date") }, notFuture]}
        >
          <Input type="date" max={today} />
        </Form.Item>
        {kind === "investigation" ? (
          <Form.Item
            name="closed"
            label={t("conduct.closed")}
            extra={t("conduct.closedHint")}
            dependencies={["date"]}
            rules={[
              notFuture,
              ({ getFieldValue }) => ({
                validator: (_: unknown, value: string | undefined) =>
                  value === undefined || value === "" || value >= (getFieldValue("date") ?? "")
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("conduct.required.closedAfter"))),
              }),
            ]}
          >
            <Input type="date" max={today} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="description"
          label={t("conduct.description")}
          rules={[{ required: true, whitespace: true, message: t("conduct.required.description") }]}
        >
          <Input.TextArea rows={3} count={{ show: true, max: 500 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/**
 * 违纪违规记录 (issue 13): what staff and joint-review departments recorded against a person (profiles.conduct), each
 * with its source document, date and who recorded it; 登记 (profiles.recordConduct) for roles holding
 * `conduct.record`. The exclusion rules screen the person against these from then on.
 */
export const ConductSection = ({
  personId,
  name,
  mayRecord,
}: {
  readonly personId: string
  readonly name: string
  /** The signed-in account holds conduct.record (auth.me); the server checks scope again. */
  readonly mayRecord: boolean
}) => {
  const { t } = useTranslation("people")
  const api = useApi()
  const language = useLanguage()
  const { message } = AntdApp.useApp()
  const [rows, setRows] = useState<ReadonlyArray<ConductRow> | null>(null)
  const [problem, setProblem] = useState<unknown>(null)
  const [recording, setRecording] = useState(false)
  const load = useCallback(() => {
    setProblem(null)
    api.profiles.conduct.query({ personId }).then(setRows, (e: unknown) => {
      setRows([])
      setProblem(e)
    })
  }, [api, personId])
  useEffect(load, [load])
  const kindLabel = (k: string) =>
    (CONDUCT_KINDS as ReadonlyArray<string>).includes(k) ? t(`conduct.kinds.${k}`) : k
  return (
    <div data-testid="conduct">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("conduct.title")}
        </Typography.Title>
        {mayRecord ? (
          <Button size="small" autoInsertSpace={false} onClick={() => setRecording(true)}>
            {t("conduct.record")}
          </Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "4px 0 8px" }}>
        {t("conduct.intro")}
      </Typography.Paragraph>
      {problem !== null && <ProblemAlert problem={problemOf(problem)} style={{ marginBottom: 8 }} />}
      {rows === null ? (
        <Spin size="small" />
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("conduct.empty")} />
      ) : (
        <Flex vertical gap={8}>
          {rows.map((r) => (
            <div
              key={r.id}
              data-testid="conduct-item"
              style={{ border: "1px solid #f0f0f0", borderRadius: 6, padding: "8px 12px", minWidth: 0 }}
            >
              <Flex wrap gap={8} align="center">
                <Tag color="red">{kindLabel(r.kind)}</Tag>
                <span>{formatDate(r.date, language)}</span>
                {r.kind === "investigation" ? (
                  <Tag color={r.closed === null ? "orange" : "default"}>
                    {r.closed === null
                      ? t("conduct.open")
                      : t("conduct.closedOn", { date: formatDate(r.closed, language) })}
                  </Tag>
                ) : null}
              </Flex>
              <div style={{ marginTop: 4, overflowWrap: "anywhere" }}>{r.description}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: "anywhere" }}>
                {t("conduct.documentLine", { document: r.document })} ·{" "}
                {r.source === "joint_review"
                  ? t("conduct.sources.joint_review", { department: r.department ?? "—" })
                  : t("conduct.sources.staff")}{" "}
                · {t("conduct.recordedLine", { date: formatDate(chinaDay(r.recordedAt), language) })}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      )}
      {recording ? (
        <RecordConductDialog
          personId={personId}
          name={name}
          onClose={() => setRecording(false)}
          onDone={() => {
            setRecording(false)
            void message.success(t("conduct.done", { name }))
            load()
          }}
        />
      ) : null}
    </div>
  )
}
