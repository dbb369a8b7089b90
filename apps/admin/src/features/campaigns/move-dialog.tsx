import {
  formatDate,
  type Problem,
  ProblemAlert,
  problemOf,
  problemText,
  useApi,
  useLanguage,
} from "@cadre/ui"
import { Button, Flex, Form, Input, InputNumber, Modal, Radio, Select, Typography } from "antd"
import { type ReactNode, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import {
  earlierSteps,
  isReviewStep,
  type MoveKind,
  nextObjectionId,
  postChoices,
  type RecordValues,
  recordFrom,
} from "./moves"
import type { ApplicationRow, Campaign, Post } from "./types"

/** The moves that need a form; Advance needs one only when it carries the step's record. */
export type DialogKind = Exclude<MoveKind, "rescreen">

/** A call to the API for one move; the page runs it with the row's version and reloads on success. */
export type Send = (
  call: (api: ReturnType<typeof useApi>, expectedVersion: number) => Promise<unknown>,
) => Promise<Problem | null>

const decidingBodies = ["org_dept", "org_dept_meeting", "standing_committee", "street"] as const

/** ISO date of an `<input type="date">`: today or earlier. */
const notAfter = (limit: string, message: string) => ({
  validator: (_: unknown, value: string | undefined) =>
    value === undefined || value === "" || value <= limit
      ? Promise.resolve()
      : Promise.reject(new Error(message)),
})
const notBefore = (limit: string | undefined, message: string) => ({
  validator: (_: unknown, value: string | undefined) =>
    limit === undefined || value === undefined || value === "" || value >= limit
      ? Promise.resolve()
      : Promise.reject(new Error(message)),
})

/**
 * One Modal + Form per move: validates in the user's language, sends the move with the row's version, and keeps
 * the form open with the server's explanation when the move is refused (stale → reload).
 */
export const MoveDialog = ({
  kind,
  row,
  campaign,
  today,
  send,
  posts,
  onClose,
  onDone,
}: {
  readonly kind: DialogKind
  readonly row: ApplicationRow
  readonly campaign: Campaign
  /** Today as the server counts it (campaigns.schedule): dates may not lie after it. */
  readonly today: string
  readonly send: Send
  /** Posts the caller may read (posts.list), for the Appoint choices; null while loading. */
  readonly posts: ReadonlyArray<Post> | null
  readonly onClose: () => void
  readonly onDone: (kind: DialogKind) => void
}) => {
  const { t } = useTranslation("admin")
  const api = useApi()
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  // biome-ignore lint/suspicious/noExplicitAny: each move's form has its own shape, typed where it is read
  const [form] = Form.useForm<any>()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const app = row.application
  const steps = campaign.path.steps
  const stepLabel = (state: string) => steps.find((s) => s.state === state)?.label[lang] ?? state
  const next = steps[steps.findIndex((s) => s.state === row.state) + 1]
  const required = (key: string) => ({ required: true, message: t(`campaign.flow.required.${key}`) })
  const requiredText = (key: string) => ({ ...required(key), whitespace: true })
  const noFuture = notAfter(today, t("campaign.flow.required.notFuture"))

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true)
    setProblem(null)
    const v = values as Record<string, string> & RecordValues
    const act = (move: Parameters<typeof api.applications.act.mutate>[0]["move"]) =>
      send((client, expectedVersion) =>
        client.applications.act.mutate({ applicationId: row.id, expectedVersion, move }),
      )
    let result: Problem | null
    switch (kind) {
      case "advance":
      case "record": {
        const step = row.state
        if (!isReviewStep(step)) throw new RangeError(`no record at ${step}`)
        const record = recordFrom(step, v)
        result =
          kind === "record"
            ? await act({ _tag: "Record", record })
            : await act({ _tag: "Advance", from: row.state, to: next?.state ?? row.state, record })
        break
      }
      case "decide":
        result = await act({
          _tag: "Decide",
          outcome: v.outcome as "approved" | "not_approved",
          meeting: {
            body: v.body as (typeof decidingBodies)[number],
            ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}),
          },
          date: v.date as string,
        })
        break
      case "startNotice":
        result = await act({
          _tag: "StartNotice",
          start: v.start as string,
          days: Number(v.days),
          countFrom: v.countFrom as "day_after" | "same_day",
        })
        break
      case "fileObjection":
        result = await act({
          _tag: "FileObjection",
          objectionId: (v.objectionId as string).trim(),
          summary: (v.summary as string).trim(),
        })
        break
      case "resolveObjection":
        result = await act({
          _tag: "ResolveObjection",
          objectionId: v.objectionId as string,
          finding: (v.finding as string).trim(),
          upheld: (values.upheld as boolean) === true,
        })
        break
      case "appoint":
        result = await act({ _tag: "Appoint", postId: v.postId as string })
        break
      case "reportIn":
        result = await act({ _tag: "ReportIn", date: v.date as string })
        break
      case "return":
        result = await act({
          _tag: "Return",
          to: v.to as ApplicationRow["state"],
          reason: (v.reason as string).trim(),
        })
        break
      case "reject":
        result = await act({ _tag: "Reject", reason: (v.reason as string).trim() })
        break
      case "waive":
        result = await send((client, expectedVersion) =>
          client.applications.waive.mutate({
            applicationId: row.id,
            expectedVersion,
            waivers: [
              {
                ruleId: v.ruleId as string,
                reason: (v.reason as string).trim(),
                approver: (v.approver as string).trim(),
                approvedOn: v.approvedOn as string,
              },
            ],
          }),
        )
        break
    }
    setBusy(false)
    if (result === null) onDone(kind)
    else setProblem(result)
  }

  const name = row.person.name
  const title =
    kind === "advance"
      ? t("campaign.flow.titles.advance", { name, step: stepLabel(next?.state ?? "") })
      : kind === "reject"
        ? t("campaign.rejectTitle", { name })
        : t(`campaign.flow.titles.${kind}`, { name, step: stepLabel(row.state) })

  const fields = (): ReactNode => {
    switch (kind) {
      case "advance":
      case "record":
        return <RecordFields row={row} today={today} />
      case "decide":
        return (
          <>
            <Form.Item name="outcome" label={t("campaign.flow.outcome")} rules={[required("outcome")]}>
              <Radio.Group
                options={[
                  { value: "approved", label: t("campaign.flow.outcomes.approved") },
                  { value: "not_approved", label: t("campaign.flow.outcomes.not_approved") },
                ]}
              />
            </Form.Item>
            <Form.Item name="body" label={t("campaign.flow.body")} rules={[required("body")]}>
              <Select
                options={decidingBodies.map((b) => ({ value: b, label: t(`campaign.flow.bodies.${b}`) }))}
              />
            </Form.Item>
            <Form.Item name="reference" label={t("campaign.flow.reference")}>
              <Input maxLength={100} placeholder={t("campaign.flow.referenceHint")} />
            </Form.Item>
            <Form.Item
              name="date"
              label={t("campaign.flow.meetingDate")}
              rules={[required("date"), noFuture]}
            >
              <Input type="date" max={today} />
            </Form.Item>
          </>
        )
      case "startNotice":
        return <NoticeFields />
      case "fileObjection":
        return (
          <>
            <Form.Item
              name="objectionId"
              label={t("campaign.flow.objectionId")}
              rules={[requiredText("objectionId")]}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="summary" label={t("campaign.flow.summary")} rules={[requiredText("summary")]}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </>
        )
      case "resolveObjection":
        return (
          <>
            <Form.Item
              name="objectionId"
              label={t("campaign.flow.objection")}
              rules={[required("objection")]}
            >
              <Select
                options={(app.notice?.objections ?? [])
                  .filter((o) => o.resolution === undefined)
                  .map((o) => ({ value: o.id, label: `${o.id} · ${o.summary}` }))}
              />
            </Form.Item>
            <Form.Item name="finding" label={t("campaign.flow.finding")} rules={[requiredText("finding")]}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
            <Form.Item name="upheld" label={t("campaign.flow.upheld")} rules={[required("upheld")]}>
              <Radio.Group
                options={[
                  { value: false, label: t("campaign.flow.upheldNo") },
                  { value: true, label: t("campaign.flow.upheldYes") },
                ]}
              />
            </Form.Item>
          </>
        )
      case "appoint": {
        const choices = postChoices(campaign, posts ?? [])
        const appointed = (campaign.counts as Record<string, number>).appointed ?? 0
        const reported = (campaign.counts as Record<string, number>).reported_in ?? 0
        return (
          <>
            <Typography.Paragraph type="secondary">
              {t("campaign.flow.placesLeft", { places: campaign.places, filled: appointed + reported })}
            </Typography.Paragraph>
            <Form.Item name="postId" label={t("campaign.flow.post")} rules={[required("post")]}>
              <Select
                loading={posts === null}
                notFoundContent={t("campaign.flow.noPosts")}
                options={choices.map((c) => ({
                  value: c.id,
                  label:
                    c.post === undefined
                      ? c.id
                      : `${c.post.title}${c.post.status === "vacant" ? "" : `（${t(`campaign.flow.postStatus.${c.post.status}`)}）`}`,
                }))}
              />
            </Form.Item>
          </>
        )
      }
      case "reportIn":
        return (
          <Form.Item
            name="date"
            label={t("campaign.flow.reportInDate")}
            rules={[
              required("date"),
              noFuture,
              notBefore(
                app.appointedOn,
                t("campaign.flow.required.afterAppointment", { date: app.appointedOn }),
              ),
            ]}
          >
            <Input type="date" max={today} min={app.appointedOn} />
          </Form.Item>
        )
      case "return":
        return (
          <>
            <Form.Item name="to" label={t("campaign.flow.returnTo")} rules={[required("returnTo")]}>
              <Select
                options={earlierSteps(steps, row.state).map((s) => ({
                  value: s.state,
                  label: s.label[lang],
                }))}
              />
            </Form.Item>
            <Form.Item name="reason" label={t("campaign.flow.returnReason")} rules={[requiredText("reason")]}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </>
        )
      case "reject":
        return (
          <Form.Item
            name="reason"
            label={t("campaign.rejectReason")}
            rules={[{ required: true, whitespace: true, message: t("campaign.rejectReasonRequired") }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )
      case "waive":
        return (
          <>
            <Form.Item name="ruleId" label={t("campaign.flow.rule")} rules={[required("rule")]}>
              <Select
                options={(app.verdict?.findings ?? [])
                  .filter((f) => f.status === "fail")
                  .map((f) => ({
                    value: f.ruleId,
                    label: `${f.label[lang]}（${f.waivable ? t("campaign.flow.waivable") : t("campaign.flow.notWaivable")}）`,
                  }))}
              />
            </Form.Item>
            <Form.Item name="reason" label={t("campaign.flow.waiveReason")} rules={[requiredText("reason")]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="approver" label={t("campaign.flow.approver")} rules={[requiredText("approver")]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="approvedOn"
              label={t("campaign.flow.approvedOn")}
              rules={[required("date"), noFuture]}
            >
              <Input type="date" max={today} />
            </Form.Item>
          </>
        )
    }
  }

  const initial = (): Record<string, unknown> => {
    switch (kind) {
      case "advance":
      case "record":
        return recordInitial(row)
      case "decide":
        return { outcome: "approved", body: campaign.decidingBody, date: today }
      case "startNotice":
        return { start: today, days: campaign.noticeDays, countFrom: "day_after" }
      case "fileObjection":
        return { objectionId: nextObjectionId(app.notice?.objections ?? []) }
      case "reportIn":
        return { date: today }
      case "waive":
        return { approvedOn: today }
      default:
        return {}
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={kind === "reject" ? t("campaign.rejectConfirm") : t("campaign.flow.confirm")}
      cancelText={t("campaign.cancel")}
      // "确定" and "取消" are read as words, not spaced out (tests and screen readers find them by name).
      okButtonProps={{ danger: kind === "reject", loading: busy, autoInsertSpace: false }}
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
      <Form form={form} layout="vertical" initialValues={initial()} preserve={false}>
        {fields()}
      </Form>
    </Modal>
  )
}

/** What a record form starts from: the stored record (to add a rater or correct it), else one empty line. */
const recordInitial = (row: ApplicationRow): Record<string, unknown> => {
  const r = row.application.records
  switch (row.state) {
    case "qualification_review":
      return r.qualification_review === undefined
        ? { passed: true }
        : {
            reviewer: r.qualification_review.reviewer,
            passed: r.qualification_review.passed,
            note: r.qualification_review.note,
          }
    case "joint_review":
      return { opinions: r.joint_review?.opinions ?? [{ department: "", agree: true, note: "" }] }
    case "inspection":
      return r.inspection === undefined
        ? {}
        : { team: r.inspection.team.join("、"), date: r.inspection.date, ...r.inspection.findings }
    case "interview":
      return { scores: r.interview?.scores ?? [{ rater: "", score: undefined }] }
    default:
      return {}
  }
}

/** The record form of the application's current review step. */
const RecordFields = ({ row, today }: { readonly row: ApplicationRow; readonly today: string }) => {
  const { t } = useTranslation("admin")
  const required = (key: string) => ({ required: true, message: t(`campaign.flow.required.${key}`) })
  const requiredText = (key: string) => ({ ...required(key), whitespace: true })
  switch (row.state) {
    case "qualification_review":
      return (
        <>
          <Form.Item name="reviewer" label={t("campaign.flow.reviewer")} rules={[requiredText("reviewer")]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="passed" label={t("campaign.flow.conclusion")} rules={[required("conclusion")]}>
            <Radio.Group
              options={[
                { value: true, label: t("campaign.flow.passed") },
                { value: false, label: t("campaign.flow.notPassed") },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t("campaign.flow.note")}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )
    case "joint_review":
      return (
        <Form.List name="opinions">
          {(items, { add, remove }) => (
            <Flex vertical gap={4}>
              {items.map((item, i) => (
                <Flex key={item.key} gap={8} wrap align="start" data-testid={`opinion-${i}`}>
                  <Form.Item
                    name={[item.name, "department"]}
                    label={t("campaign.flow.department")}
                    rules={[requiredText("department")]}
                    style={{ flex: "1 1 120px", marginBottom: 8 }}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, "agree"]}
                    label={t("campaign.flow.opinion")}
                    rules={[required("opinion")]}
                    style={{ marginBottom: 8 }}
                  >
                    <Radio.Group
                      options={[
                        { value: true, label: t("campaign.flow.agree") },
                        { value: false, label: t("campaign.flow.disagree") },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, "note"]}
                    label={t("campaign.flow.note")}
                    style={{ flex: "2 1 160px", marginBottom: 8 }}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                  {items.length > 1 ? (
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() => remove(item.name)}
                      style={{ marginTop: 30 }}
                    >
                      {t("campaign.flow.remove")}
                    </Button>
                  ) : null}
                </Flex>
              ))}
              <Button onClick={() => add({ department: "", agree: true, note: "" })}>
                {t("campaign.flow.addDepartment")}
              </Button>
            </Flex>
          )}
        </Form.List>
      )
    case "inspection":
      return (
        <>
          <Form.Item
            name="team"
            label={t("campaign.flow.team")}
            extra={t("campaign.flow.teamHint")}
            rules={[requiredText("team")]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="date"
            label={t("campaign.flow.inspectionDate")}
            rules={[required("date"), notAfter(today, t("campaign.flow.required.notFuture"))]}
          >
            <Input type="date" max={today} />
          </Form.Item>
          {(["politics", "ability", "service", "standing"] as const).map((f) => (
            <Form.Item
              key={f}
              name={f}
              label={t(`campaign.flow.findings.${f}`)}
              rules={[requiredText("inspectionFinding")]}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          ))}
        </>
      )
    case "interview":
      return (
        <Form.List name="scores">
          {(items, { add, remove }) => (
            <Flex vertical gap={4}>
              {items.map((item, i) => (
                <Flex key={item.key} gap={8} wrap align="start" data-testid={`score-${i}`}>
                  <Form.Item
                    name={[item.name, "rater"]}
                    label={t("campaign.flow.rater")}
                    rules={[requiredText("rater")]}
                    style={{ flex: "1 1 140px", marginBottom: 8 }}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, "score"]}
                    label={t("campaign.flow.score")}
                    rules={[required("score")]}
                    style={{ marginBottom: 8 }}
                  >
                    <InputNumber min={0} max={100} step={0.5} />
                  </Form.Item>
                  {items.length > 1 ? (
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() => remove(item.name)}
                      style={{ marginTop: 30 }}
                    >
                      {t("campaign.flow.remove")}
                    </Button>
                  ) : null}
                </Flex>
              ))}
              <Button onClick={() => add({ rater: "", score: undefined })}>
                {t("campaign.flow.addRater")}
              </Button>
            </Flex>
          )}
        </Form.List>
      )
    default:
      return null
  }
}

/** The notice form, with its last day as the API counts it on the working-day calendar. */
const NoticeFields = () => {
  const { t } = useTranslation("admin")
  const api = useApi()
  const language = useLanguage()
  const form = Form.useFormInstance()
  const start = Form.useWatch<string | undefined>("start", form)
  const days = Form.useWatch<number | undefined>("days", form)
  const countFrom = Form.useWatch<"day_after" | "same_day" | undefined>("countFrom", form)
  const [end, setEnd] = useState<{ lastDay: string } | { problem: string } | null>(null)
  useEffect(() => {
    if (
      start === undefined ||
      start === "" ||
      days === undefined ||
      days === null ||
      countFrom === undefined
    ) {
      setEnd(null)
      return
    }
    let live = true
    api.calendar.addWorkingDays.query({ start, days: Number(days), countFrom }).then(
      (r) => {
        if (live) setEnd(r)
      },
      (error: unknown) => {
        if (live) setEnd({ problem: problemText(problemOf(error), language) })
      },
    )
    return () => {
      live = false
    }
  }, [api, start, days, countFrom, language, t])
  const required = (key: string) => ({ required: true, message: t(`campaign.flow.required.${key}`) })
  return (
    <>
      <Form.Item name="start" label={t("campaign.flow.noticeStart")} rules={[required("date")]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="days" label={t("campaign.flow.noticeDays")} rules={[required("days")]}>
        <InputNumber min={1} max={60} precision={0} />
      </Form.Item>
      <Form.Item name="countFrom" label={t("campaign.flow.countFrom")} rules={[required("countFrom")]}>
        <Radio.Group
          options={[
            { value: "day_after", label: t("campaign.flow.countFromOptions.day_after") },
            { value: "same_day", label: t("campaign.flow.countFromOptions.same_day") },
          ]}
        />
      </Form.Item>
      <div data-testid="notice-end-preview">
        {end === null ? null : "lastDay" in end ? (
          <Typography.Text>
            {t("campaign.flow.noticeEndPreview", { date: formatDate(end.lastDay, language) })}
          </Typography.Text>
        ) : (
          <Typography.Text type="danger">{end.problem}</Typography.Text>
        )}
      </div>
    </>
  )
}
