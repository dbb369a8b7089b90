import {
  formatDate,
  isStale,
  pick,
  type Problem,
  ProblemAlert,
  problemOf,
  toLanguage,
  useApi,
} from "@cadre/ui"
import { Alert, App, Button, Card, Checkbox, Divider, Flex, Form, Input, Spin, Tag, Typography } from "antd"
import { type ReactNode, useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useServerErrors } from "../../api/use-server-errors"
import {
  chinaToday,
  daysKey,
  dueBackOn,
  formatHalfDays,
  halfDaysOf,
  type Leave,
  type LeavePreview,
  mayRecordReturn,
  type Placement,
} from "./in-post-model"

/** The server's limit on a leave reason (leave.request). */
export const LEAVE_REASON_MAX_CHARS = 500

const stateColour = (state: Leave["state"]): string =>
  state === "approved" ? "green" : state === "refused" ? "red" : state === "returned" ? "default" : "gold"

/** "1 天" / "1 day", "1.5 days": the days of a leave in whole half-days, never a float. */
const useDaysText = () => {
  const { t } = useTranslation("portal")
  return (halfDays: number) => t(`inPost.leave.${daysKey(halfDays)}`, { days: formatHalfDays(halfDays) })
}

/** 请假: my requests with their state and approver, a request form, and 销假 once an approved leave has ended. */
export const LeaveSection = ({
  placement,
  serving,
}: {
  readonly placement: Placement
  readonly serving: boolean
}) => {
  const { t, i18n } = useTranslation("portal")
  const api = useApi()
  const [leaves, setLeaves] = useState<ReadonlyArray<Leave> | undefined>(undefined)
  const [problem, setProblem] = useState<Problem | undefined>(undefined)

  const load = useCallback(async () => {
    setProblem(undefined)
    try {
      setLeaves((await api.leave.list.query({ placementId: placement.id, limit: 200 })).items)
    } catch (error) {
      setProblem(problemOf(error))
    }
  }, [api, placement.id])
  useEffect(() => {
    void load()
  }, [load])

  // The API lists by first day; a new or changed request takes its place in that order.
  const upsert = (next: Leave) =>
    setLeaves((current) =>
      [...(current ?? []).filter((x) => x.id !== next.id), next].sort(
        (a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id),
      ),
    )

  return (
    <Card size="small" data-testid="leave">
      <Flex vertical gap={12}>
        <div>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("inPost.leave.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("inPost.leave.intro")}</Typography.Text>
        </div>
        <ProblemAlert problem={problem} requestId="always" />
        {leaves === undefined ? (
          problem === undefined ? (
            <Spin />
          ) : null
        ) : leaves.length === 0 ? (
          <Typography.Text type="secondary">{t("inPost.leave.none")}</Typography.Text>
        ) : (
          leaves.map((l) => <LeaveItem key={l.id} leave={l} onChanged={upsert} onReload={load} />)
        )}
        <Divider style={{ margin: "4px 0" }} />
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {t("inPost.leave.ask")}
        </Typography.Title>
        {serving ? (
          <LeaveRequestForm placementId={placement.id} onRequested={upsert} />
        ) : (
          <Alert
            type="info"
            showIcon
            title={t("inPost.leave.notServing", { state: pick(placement.stateLabel, i18n.language) })}
          />
        )}
      </Flex>
    </Card>
  )
}

const Fact = ({ label, children }: { readonly label: string; readonly children: ReactNode }) => (
  <Flex gap={8} wrap>
    <Typography.Text type="secondary" style={{ flex: "none" }}>
      {label}
    </Typography.Text>
    <Typography.Text style={{ overflowWrap: "anywhere", minWidth: 0 }}>{children}</Typography.Text>
  </Flex>
)

const LeaveItem = ({
  leave: l,
  onChanged,
  onReload,
}: {
  readonly leave: Leave
  readonly onChanged: (next: Leave) => void
  readonly onReload: () => Promise<void>
}) => {
  const { t, i18n } = useTranslation("portal")
  const language = toLanguage(i18n.language)
  const date = (d: string) => formatDate(d, language)
  const daysText = useDaysText()
  const [returning, setReturning] = useState(false)
  const halves = [
    ...(l.leave.startsAfternoon ? [t("inPost.leave.startsAfternoon")] : []),
    ...(l.leave.endsMorning ? [t("inPost.leave.endsMorning")] : []),
  ]
  const decision = l.leave.decision
  return (
    <div
      data-testid={`leave-${l.from}`}
      style={{ borderInlineStart: "3px solid #d9d9d9", paddingInlineStart: 10 }}
    >
      <Flex vertical gap={2}>
        <Flex gap={8} wrap align="center" justify="space-between">
          <Typography.Text strong>
            {t("inPost.leave.dates", { from: date(l.from), to: date(l.to) })} · {daysText(l.halfDays)}
          </Typography.Text>
          <Tag color={stateColour(l.state)} data-testid="leave-state" style={{ marginInlineEnd: 0 }}>
            {pick(l.stateLabel, i18n.language)}
          </Tag>
        </Flex>
        {halves.length === 0 ? null : (
          <Typography.Text type="secondary">{halves.join(" · ")}</Typography.Text>
        )}
        <Fact label={t("inPost.leave.approver")}>
          <span data-testid="leave-approver">{pick(l.approverLabel, i18n.language)}</span>
        </Fact>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="leave-route">
          {pick(l.route, i18n.language)}
        </Typography.Text>
        <Fact label={t("inPost.leave.reason")}>{l.leave.reason}</Fact>
        <Fact label={t("inPost.leave.requestedOn")}>{date(l.leave.requestedOn)}</Fact>
        {decision === undefined ? null : (
          <Fact label={t("inPost.leave.decision")}>
            {decision.approved
              ? t("inPost.leave.approvedOn", { date: date(decision.on) })
              : t("inPost.leave.refusedOn", { date: date(decision.on) })}
            {decision.note === undefined ? null : ` · ${t("inPost.leave.note", { note: decision.note })}`}
          </Fact>
        )}
        {l.leave.returnedOn === undefined ? null : (
          <Fact label={t("inPost.leave.returnedOn")}>
            {date(l.leave.returnedOn)} ·{" "}
            {l.overstayDays === null || l.overstayDays === 0 ? (
              t("inPost.leave.onTime")
            ) : (
              <Typography.Text type="danger">
                {t("inPost.leave.overstay", { days: l.overstayDays })}
              </Typography.Text>
            )}
          </Fact>
        )}
        {l.state === "approved" ? (
          <Typography.Text type="secondary">
            {t("inPost.leave.dueBack", {
              date: date(dueBackOn({ to: l.to, endsMorning: l.leave.endsMorning })),
            })}
          </Typography.Text>
        ) : null}
        {!mayRecordReturn(
          { state: l.state, to: l.to, endsMorning: l.leave.endsMorning },
          chinaToday(),
        ) ? null : returning ? (
          <ReturnForm
            leave={l}
            onCancel={() => setReturning(false)}
            onReturned={(next) => {
              setReturning(false)
              onChanged(next)
            }}
            onReload={onReload}
          />
        ) : (
          <div>
            <Button size="small" type="primary" onClick={() => setReturning(true)}>
              {t("inPost.leave.recordReturn")}
            </Button>
          </div>
        )}
      </Flex>
    </div>
  )
}

const fieldOfReturn = (path: ReadonlyArray<PropertyKey>): string | undefined =>
  path[0] === "date" ? "date" : undefined

const ReturnForm = ({
  leave,
  onCancel,
  onReturned,
  onReload,
}: {
  readonly leave: Leave
  readonly onCancel: () => void
  readonly onReturned: (next: Leave) => void
  readonly onReload: () => Promise<void>
}) => {
  const { t } = useTranslation("portal")
  const api = useApi()
  const { message } = App.useApp()
  const errors = useServerErrors(fieldOfReturn)
  const [busy, setBusy] = useState(false)
  const stale = isStale(errors.problem)

  const submit = async ({ date }: { date: string }) => {
    setBusy(true)
    errors.clear()
    try {
      const next = await api.leave.returnFrom.mutate({ id: leave.id, expectedVersion: leave.version, date })
      void message.success(t("inPost.leave.returned"))
      onReturned(next)
    } catch (error) {
      errors.report(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Form<{ date: string }>
      layout="vertical"
      name={`return-${leave.id}`}
      initialValues={{ date: chinaToday() }}
      onFinish={submit}
      onValuesChange={errors.touched}
      style={{ marginTop: 8 }}
    >
      <ProblemAlert problem={errors.problem} requestId="always" />
      {stale ? (
        <Button style={{ marginTop: 8 }} onClick={() => void onReload()}>
          {t("inPost.reload")}
        </Button>
      ) : null}
      <Form.Item
        name="date"
        label={t("inPost.leave.returnDate")}
        rules={[{ required: true, message: t("inPost.leave.returnDateRequired") }]}
        {...errors.itemProps("date")}
      >
        <Input type="date" />
      </Form.Item>
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t("inPost.leave.returnSubmit")}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t("inPost.leave.cancel")}
        </Button>
      </Flex>
    </Form>
  )
}

interface LeaveValues {
  readonly from: string
  readonly to: string
  readonly startsAfternoon?: boolean
  readonly endsMorning?: boolean
  readonly reason: string
}

const fieldOfLeave = (path: ReadonlyArray<PropertyKey>): string | undefined => {
  const field = path[0]
  return field === "from" || field === "to" || field === "reason" ? field : undefined
}

const LeaveRequestForm = ({
  placementId,
  onRequested,
}: {
  readonly placementId: string
  readonly onRequested: (next: Leave) => void
}) => {
  const { t, i18n } = useTranslation("portal")
  const api = useApi()
  const [form] = Form.useForm<LeaveValues>()
  const errors = useServerErrors(fieldOfLeave)
  const daysText = useDaysText()
  const [busy, setBusy] = useState(false)
  const [routed, setRouted] = useState<Leave | undefined>(undefined)
  const from = Form.useWatch("from", form) ?? ""
  const to = Form.useWatch("to", form) ?? ""
  const startsAfternoon = Form.useWatch("startsAfternoon", form)
  const endsMorning = Form.useWatch("endsMorning", form)
  const halfDays = halfDaysOf({ from, to, startsAfternoon, endsMorning })
  // Where these days would go, asked of the API as the dates change (the scheme's tiers decide, not the screen).
  const [preview, setPreview] = useState<LeavePreview | undefined>(undefined)
  useEffect(() => {
    setPreview(undefined)
    if (halfDays === undefined || halfDays <= 0 || to < from) return
    let live = true
    const timer = setTimeout(() => {
      api.leave.preview
        .query({
          placementId,
          from,
          to,
          startsAfternoon: startsAfternoon === true,
          endsMorning: endsMorning === true,
        })
        .then(
          (p) => {
            if (live) setPreview(p)
          },
          // A refusal (e.g. not serving) is shown when the request is sent; the preview just stays empty.
          () => undefined,
        )
    }, 250)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, placementId, from, to, startsAfternoon, endsMorning, halfDays])

  const submit = async (values: LeaveValues) => {
    setBusy(true)
    setRouted(undefined)
    errors.clear()
    try {
      const next = await api.leave.request.mutate({
        placementId,
        from: values.from,
        to: values.to,
        startsAfternoon: values.startsAfternoon === true,
        endsMorning: values.endsMorning === true,
        reason: values.reason.trim(),
      })
      setRouted(next)
      onRequested(next)
      form.resetFields()
    } catch (error) {
      errors.report(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Form<LeaveValues>
      form={form}
      layout="vertical"
      name="leave-request"
      onFinish={submit}
      onValuesChange={(changed) => {
        errors.touched(changed)
        setRouted(undefined)
      }}
      data-testid="leave-form"
    >
      {routed === undefined ? null : (
        // The approver is the API's answer: the scheme's tiers route the request when it is made.
        <Alert
          type="success"
          showIcon
          data-testid="leave-routed"
          style={{ marginBottom: 12 }}
          title={t("inPost.leave.routed", { approver: pick(routed.approverLabel, i18n.language) })}
          description={pick(routed.route, i18n.language)}
        />
      )}
      <ProblemAlert problem={errors.problem} requestId="always" />
      <Flex gap={12} wrap style={{ marginTop: errors.problem === undefined ? 0 : 12 }}>
        <Form.Item
          name="from"
          label={t("inPost.leave.from")}
          rules={[{ required: true, message: t("inPost.leave.fromRequired") }]}
          style={{ flex: "1 1 140px", marginBottom: 12 }}
          {...errors.itemProps("from")}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="to"
          label={t("inPost.leave.to")}
          dependencies={["from"]}
          rules={[
            { required: true, message: t("inPost.leave.toRequired") },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                const start = getFieldValue("from") as string | undefined
                return value === undefined ||
                  start === undefined ||
                  value === "" ||
                  start === "" ||
                  value >= start
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("inPost.leave.toBeforeFrom")))
              },
            }),
          ]}
          style={{ flex: "1 1 140px", marginBottom: 12 }}
          {...errors.itemProps("to")}
        >
          <Input type="date" />
        </Form.Item>
      </Flex>
      <Form.Item label={t("inPost.leave.halves")} style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap>
          <Form.Item name="startsAfternoon" valuePropName="checked" noStyle>
            <Checkbox>{t("inPost.leave.startsAfternoon")}</Checkbox>
          </Form.Item>
          <Form.Item name="endsMorning" valuePropName="checked" noStyle>
            <Checkbox>{t("inPost.leave.endsMorning")}</Checkbox>
          </Form.Item>
        </Flex>
      </Form.Item>
      {halfDays === undefined || to < from ? null : halfDays <= 0 ? (
        <Alert type="warning" showIcon title={t("inPost.leave.nothing")} style={{ marginBottom: 12 }} />
      ) : (
        <Flex vertical style={{ marginBottom: 12 }}>
          <Typography.Text strong data-testid="leave-length">
            {t("inPost.leave.length", { days: daysText(halfDays) })}
          </Typography.Text>
          {preview === undefined ? (
            <Typography.Text type="secondary">{t("inPost.leave.lengthHint")}</Typography.Text>
          ) : (
            <>
              <Typography.Text data-testid="leave-preview">
                {t("inPost.leave.willRoute", { approver: pick(preview.approverLabel, i18n.language) })}
              </Typography.Text>
              <Typography.Text type="secondary" data-testid="leave-preview-route">
                {pick(preview.route, i18n.language)}
              </Typography.Text>
            </>
          )}
        </Flex>
      )}
      <Form.Item
        name="reason"
        label={t("inPost.leave.reasonLabel")}
        rules={[{ required: true, whitespace: true, message: t("inPost.leave.reasonRequired") }]}
        {...errors.itemProps("reason")}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={LEAVE_REASON_MAX_CHARS} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        {t("inPost.leave.submit")}
      </Button>
    </Form>
  )
}
