import { formatDate, type Problem, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import {
  App as AntdApp,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import {
  type Actor,
  type AssessmentRow,
  actorOfRole,
  actorsOfRole,
  defaultPeriod,
  gradingCycles,
  type LeaveRow,
  leaveTiers,
  mayApproveLeave,
  type Permissions,
  type PlacementDetail,
  probationAssessor,
  type Role,
  recallTriggers,
  type SchemeView,
} from "./placement-helpers"

type Api = ReturnType<typeof useApi>
type Move = Parameters<Api["placements"]["act"]["mutate"]>[0]["move"]
type Grade = Parameters<Api["assessments"]["grade"]["mutate"]>[0]["grade"]
type Lang = "zh" | "en"

const unique = <A,>(xs: ReadonlyArray<A>): ReadonlyArray<A> => [...new Set(xs)]

/** Runs one command, keeping its refusal for the alert; answers undefined when refused. */
const useCommand = () => {
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async <A,>(command: () => Promise<A>): Promise<A | undefined> => {
    setBusy(true)
    setProblem(null)
    try {
      return await command()
    } catch (error) {
      setProblem(problemOf(error))
      return undefined
    } finally {
      setBusy(false)
    }
  }
  return { problem, setProblem, busy, run }
}

const actorOptions = (actors: ReadonlyArray<Actor>, t: (key: string) => string) =>
  unique(actors).map((a) => ({ value: a, label: t(`actors.${a}`) }))

const required = (message: string) => [{ required: true, whitespace: true, message }]

interface ProbationForm {
  readonly outcome: "confirm" | "extend" | "return"
  readonly by: Actor
  readonly assessedOn: string
  readonly summary: string
  readonly electedOn?: string
  readonly until?: string
  readonly returnDate?: string
}

const probationMove = (v: ProbationForm): Move => {
  const assessment = {
    by: v.by,
    date: v.assessedOn,
    conclusion: v.outcome === "confirm" ? ("competent" as const) : ("not_competent" as const),
    summary: v.summary.trim(),
  }
  return v.outcome === "confirm"
    ? { _tag: "Confirm", electedOn: v.electedOn ?? "", assessment }
    : v.outcome === "extend"
      ? { _tag: "ExtendProbation", until: v.until ?? "", assessment }
      : { _tag: "ReturnToUnit", date: v.returnDate ?? "", assessment }
}

interface RecallForm {
  readonly triggerId?: string
  readonly evidence: string
  readonly by: Actor
  readonly date: string
  readonly reference?: string
}

/**
 * The moves on a placement: the probation assessment (confirm, extend, return — 000 三（一）) and recall. Each goes
 * through placements.act with the placement's row version; a refusal is shown as the server words it.
 */
export const PlacementActions = ({
  placement,
  scheme,
  role,
  today,
  onChanged,
}: {
  readonly placement: PlacementDetail
  readonly scheme: SchemeView | null
  readonly role: Role
  readonly today: string
  readonly onChanged: () => void
}) => {
  const { t } = useTranslation("placements")
  const api = useApi()
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  const { message } = AntdApp.useApp()
  const { problem, setProblem, busy, run } = useCommand()
  const [open, setOpen] = useState<"probation" | "recall" | null>(null)
  const [probationForm] = Form.useForm<ProbationForm>()
  const [recallForm] = Form.useForm<RecallForm>()
  const outcome = Form.useWatch("outcome", probationForm)
  const onProbation = placement.state === "on_probation" || placement.state === "probation_extended"
  const serving = onProbation || placement.state === "in_term"
  const triggers = recallTriggers(scheme)

  const act = async (move: Move) => {
    setOpen(null)
    const after = await run(() =>
      api.placements.act.mutate({ id: placement.id, expectedVersion: placement.version, move }),
    )
    if (after !== undefined) {
      void message.success(t("actions.done", { state: after.stateLabel[lang] }))
      onChanged()
    }
  }

  return (
    <Flex vertical gap={8}>
      <ProblemAlert
        problem={problem}
        style={{ marginBottom: 12 }}
        onClose={() => setProblem(null)}
        onReload={onChanged}
        testId="action-error"
      />
      <Flex wrap gap={8}>
        {onProbation ? (
          <Button
            type="primary"
            loading={busy && open === null}
            onClick={() => {
              probationForm.resetFields()
              setOpen("probation")
            }}
          >
            {t("actions.probation")}
          </Button>
        ) : null}
        {serving ? (
          <Button
            danger
            disabled={busy}
            onClick={() => {
              recallForm.resetFields()
              setOpen("recall")
            }}
          >
            {t("actions.recall")}
          </Button>
        ) : null}
      </Flex>

      <Modal
        open={open === "probation"}
        title={t("actions.probationTitle")}
        okText={t("actions.submit")}
        cancelText={t("actions.cancel")}
        onCancel={() => setOpen(null)}
        onOk={() => {
          void probationForm.validateFields().then(
            (v) => act(probationMove(v)),
            () => undefined,
          )
        }}
        destroyOnHidden
      >
        <Form<ProbationForm>
          form={probationForm}
          name="probation"
          layout="vertical"
          preserve={false}
          initialValues={{
            outcome: "confirm",
            by: probationAssessor(scheme),
            assessedOn: today,
            electedOn: today,
          }}
        >
          <Form.Item name="outcome" label={t("actions.outcome")}>
            <Radio.Group
              style={{ display: "flex", flexDirection: "column", gap: 4 }}
              options={[
                { value: "confirm", label: t("actions.confirm") },
                { value: "extend", label: t("actions.extend") },
                { value: "return", label: t("actions.returnToUnit") },
              ]}
            />
          </Form.Item>
          <Form.Item name="by" label={t("actions.assessedBy")} rules={required(t("actions.required"))}>
            <Select options={actorOptions([probationAssessor(scheme), ...actorsOfRole(role)], t)} />
          </Form.Item>
          <Form.Item
            name="assessedOn"
            label={t("actions.assessedOn")}
            rules={required(t("actions.required"))}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name="summary" label={t("actions.summary")} rules={required(t("actions.required"))}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          {outcome === "extend" ? (
            <Form.Item name="until" label={t("actions.until")} rules={required(t("actions.required"))}>
              <Input type="date" />
            </Form.Item>
          ) : outcome === "return" ? (
            <Form.Item
              name="returnDate"
              label={t("actions.returnDate")}
              rules={required(t("actions.required"))}
            >
              <Input type="date" />
            </Form.Item>
          ) : (
            <Form.Item
              name="electedOn"
              label={t("actions.electedOn")}
              rules={required(t("actions.required"))}
            >
              <Input type="date" />
            </Form.Item>
          )}
        </Form>
      </Modal>

      <Modal
        open={open === "recall"}
        title={t("actions.recallTitle")}
        okText={t("actions.submit")}
        cancelText={t("actions.cancel")}
        okButtonProps={{ danger: true }}
        onCancel={() => setOpen(null)}
        onOk={() => {
          void recallForm.validateFields().then(
            (v) =>
              act({
                _tag: "Recall",
                ...(v.triggerId === undefined ? {} : { triggerId: v.triggerId }),
                evidence: v.evidence.trim(),
                decision: {
                  by: v.by,
                  date: v.date,
                  ...(v.reference === undefined || v.reference.trim() === ""
                    ? {}
                    : { reference: v.reference.trim() }),
                },
              }),
            () => undefined,
          )
        }}
        destroyOnHidden
      >
        <Form<RecallForm>
          form={recallForm}
          name="recall"
          layout="vertical"
          preserve={false}
          initialValues={{ by: "org_dept", date: today }}
        >
          <Form.Item name="triggerId" label={t("actions.trigger")}>
            <Select
              allowClear
              placeholder={t("actions.noTrigger")}
              options={triggers.map((tr) => ({
                value: tr.id,
                label: `${tr.label[lang]}（${tr.citation.document} ${tr.citation.clause}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="evidence" label={t("actions.evidence")} rules={required(t("actions.required"))}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="by" label={t("actions.decisionBy")} rules={required(t("actions.required"))}>
            <Select
              options={actorOptions(
                [
                  "org_dept",
                  "org_dept_meeting",
                  "standing_committee",
                  ...triggers.flatMap((tr) => (tr.decidedBy === undefined ? [] : [tr.decidedBy])),
                ],
                t,
              )}
            />
          </Form.Item>
          <Form.Item name="date" label={t("actions.decisionDate")} rules={required(t("actions.required"))}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="reference" label={t("actions.reference")}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  )
}

interface LeaveForm {
  readonly from: string
  readonly to: string
  readonly startsAfternoon?: boolean
  readonly endsMorning?: boolean
  readonly reason: string
}

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

      <Modal
        open={refusing !== null}
        title={t("leave.refuseTitle")}
        okText={t("leave.refuse")}
        cancelText={t("actions.cancel")}
        okButtonProps={{ danger: true }}
        onCancel={() => setRefusing(null)}
        onOk={() => {
          void refuseForm.validateFields().then(
            ({ reason }) => {
              const row = refusing
              setRefusing(null)
              if (row !== null) void decide(row, { _tag: "Refuse", reason: reason.trim() })
            },
            () => undefined,
          )
        }}
        destroyOnHidden
      >
        <Form form={refuseForm} name="refuseLeave" layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t("leave.refuseReason")}
            rules={required(t("leave.refuseReasonRequired"))}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={requesting}
        title={t("leave.requestTitle")}
        okText={t("actions.submit")}
        cancelText={t("actions.cancel")}
        onCancel={() => setRequesting(false)}
        onOk={() => {
          void requestForm.validateFields().then(
            async (v) => {
              setRequesting(false)
              const after = await run(() =>
                api.leave.request.mutate({
                  placementId: placement.id,
                  from: v.from,
                  to: v.to,
                  ...(v.startsAfternoon === true ? { startsAfternoon: true } : {}),
                  ...(v.endsMorning === true ? { endsMorning: true } : {}),
                  reason: v.reason.trim(),
                }),
              )
              if (after !== undefined) {
                void message.success(t("leave.requested", { approver: after.approverLabel[lang] }))
                onChanged()
              }
            },
            () => undefined,
          )
        }}
        destroyOnHidden
      >
        <Form<LeaveForm> form={requestForm} name="requestLeave" layout="vertical" preserve={false}>
          <Flex wrap gap={12}>
            <Form.Item name="from" label={t("leave.from")} rules={required(t("leave.required"))}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="to" label={t("leave.to")} rules={required(t("leave.required"))}>
              <Input type="date" />
            </Form.Item>
          </Flex>
          <Flex wrap gap={12}>
            <Form.Item name="startsAfternoon" valuePropName="checked">
              <Checkbox>{t("leave.startsAfternoon")}</Checkbox>
            </Form.Item>
            <Form.Item name="endsMorning" valuePropName="checked">
              <Checkbox>{t("leave.endsMorning")}</Checkbox>
            </Form.Item>
          </Flex>
          <Form.Item name="reason" label={t("leave.reason")} rules={required(t("leave.required"))}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  )
}

interface GradeForm {
  readonly cycleId: string
  readonly period: string
  readonly by: Actor
  readonly grade: Grade
}

const GRADES: ReadonlyArray<Grade> = ["excellent", "competent", "basically_competent", "incompetent"]

/** The scheme's own grade names where it lists them (000 says 不合格), else the national ones. */
const gradeOptions = (scheme: SchemeView | null, lang: Lang, t: (key: string) => string) => {
  const own = scheme?.assessment.grades
  return GRADES.map((g) => {
    const label = own?._tag === "Cited" ? own.value.find((x) => x.key === g)?.label[lang] : undefined
    return { value: g, label: label ?? t(`assessments.grades.${g}`) }
  })
}

/**
 * 考核: the graded assessments with their steps and the quota arithmetic checked, and a grade recorded through
 * assessments.grade. A quota refusal (002 三（二）: 优秀不超过20%) is the server's sentence with its arithmetic,
 * shown verbatim.
 */
export const AssessmentsSection = ({
  placement,
  rows,
  scheme,
  role,
  canGrade,
  today,
  onChanged,
}: {
  readonly placement: PlacementDetail
  readonly rows: ReadonlyArray<AssessmentRow>
  readonly scheme: SchemeView | null
  readonly role: Role
  readonly canGrade: boolean
  readonly today: string
  readonly onChanged: () => void
}) => {
  const { t } = useTranslation("placements")
  const api = useApi()
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  const { message } = AntdApp.useApp()
  const { problem, setProblem, busy, run } = useCommand()
  const [form] = Form.useForm<GradeForm>()
  const cycles = gradingCycles(scheme)
  const firstCycle = cycles.find((c) => c.id === "annual") ?? cycles[0]
  const cycleId = Form.useWatch("cycleId", form) ?? firstCycle?.id
  const cycle = cycles.find((c) => c.id === cycleId)
  const cycleLabel = (id: string) => cycles.find((c) => c.id === id)?.label[lang] ?? id

  const columns: TableColumnsType<AssessmentRow> = [
    { title: t("assessments.cycle"), key: "cycle", render: (_, r) => cycleLabel(r.cycleId) },
    { title: t("assessments.period"), dataIndex: "period", key: "period" },
    {
      title: t("assessments.grade"),
      key: "grade",
      render: (_, r) =>
        r.gradeLabel === null ? (
          "—"
        ) : (
          <Tag color={r.grade === "excellent" ? "green" : "blue"}>{r.gradeLabel[lang]}</Tag>
        ),
    },
    {
      title: t("assessments.summary"),
      key: "summary",
      render: (_, r) => (
        <div style={{ maxWidth: 360, whiteSpace: "normal" }}>
          <div>{r.summary[lang]}</div>
          {r.quota.map((q) => (
            <Typography.Text key={q.quotaId} type="secondary" style={{ fontSize: 12, display: "block" }}>
              {t("assessments.quota")}：{q.text[lang]}
            </Typography.Text>
          ))}
        </div>
      ),
    },
  ]

  return (
    <Flex vertical gap={8}>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t("assessments.none")}</Typography.Text>
      ) : (
        <Table<AssessmentRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={[...rows]}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="assessments-table"
        />
      )}
      {canGrade && firstCycle !== undefined ? (
        <div data-testid="grade-form">
          <Typography.Text strong>{t("assessments.record")}</Typography.Text>
          <ProblemAlert
            problem={problem}
            style={{ marginBottom: 12 }}
            onClose={() => setProblem(null)}
            onReload={onChanged}
            testId="grade-error"
          />
          <Form<GradeForm>
            form={form}
            name="grade"
            layout="vertical"
            initialValues={{
              cycleId: firstCycle.id,
              period: defaultPeriod(firstCycle, today),
              by: firstCycle.decidedBy ?? actorOfRole(role),
              grade: "competent",
            }}
            onValuesChange={(changed: Partial<GradeForm>) => {
              if (changed.cycleId === undefined) return
              const next = cycles.find((c) => c.id === changed.cycleId)
              form.setFieldsValue({
                period: defaultPeriod(next, today),
                by: next?.decidedBy ?? actorOfRole(role),
              })
            }}
            onFinish={(v) => {
              void run(() =>
                api.assessments.grade.mutate({
                  placementId: placement.id,
                  cycleId: v.cycleId,
                  period: v.period.trim(),
                  by: v.by,
                  grade: v.grade,
                }),
              ).then((after) => {
                if (after === undefined || after.gradeLabel === null) return
                void message.success(t("assessments.recorded", { grade: after.gradeLabel[lang] }))
                onChanged()
              })
            }}
          >
            <Flex wrap gap={12} align="end">
              <Form.Item
                name="cycleId"
                label={t("assessments.cycle")}
                style={{ minWidth: 200, flex: "1 1 200px" }}
              >
                <Select options={cycles.map((c) => ({ value: c.id, label: c.label[lang] }))} />
              </Form.Item>
              <Form.Item
                name="period"
                label={t("assessments.period")}
                tooltip={t("assessments.periodHint")}
                rules={required(t("assessments.required"))}
                style={{ width: 120 }}
              >
                <Input maxLength={40} />
              </Form.Item>
              <Form.Item name="by" label={t("assessments.by")} style={{ minWidth: 180, flex: "1 1 180px" }}>
                <Select
                  options={actorOptions(
                    [...(cycle?.decidedBy === undefined ? [] : [cycle.decidedBy]), ...actorsOfRole(role)],
                    t,
                  )}
                />
              </Form.Item>
              <Form.Item name="grade" label={t("assessments.grade")} style={{ minWidth: 120 }}>
                <Select options={gradeOptions(scheme, lang, t)} />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t("assessments.submit")}
                </Button>
              </Form.Item>
            </Flex>
          </Form>
        </div>
      ) : null}
    </Flex>
  )
}
