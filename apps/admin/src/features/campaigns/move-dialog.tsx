import { type Problem, ProblemAlert, useApi, useLanguage } from "@cadre/ui"
import { App as AntdApp, Form, Modal } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { DeadlineOverride } from "./case-act-dialogs"
import { isPastDeadline, lateStages, type TimedMove } from "./case-acts"
import { type DialogKind, MoveFields, moveInitialValues } from "./move-fields"
import type { decidingBodies } from "./move-form-rules"
import { isReviewStep, type RecordValues, recordFrom } from "./moves"
import type { ApplicationRow, Campaign, Post, Schedule } from "./types"

export type { DialogKind } from "./move-fields"

/** A call to the API for one move; the page runs it with the row's version and reloads on success. */
export type Send = (
  call: (api: ReturnType<typeof useApi>, expectedVersion: number) => Promise<unknown>,
) => Promise<Problem | null>

/** The move as the deadline check sees it, from the dialog's kind and values (null: no stage's date bites it). */
const timedMove = (kind: DialogKind, to: string, v: Record<string, unknown>): TimedMove | null => {
  switch (kind) {
    case "advance":
      return { kind: "advance", to }
    case "record":
      return { kind: "record" }
    case "decide":
      return { kind: "decide", date: String(v.date ?? "") }
    case "startNotice":
      return { kind: "startNotice" }
    case "appoint":
      return { kind: "appoint" }
    case "reportIn":
      return { kind: "reportIn", date: String(v.date ?? "") }
    default:
      return null
  }
}

/**
 * One Modal + Form per move: validates in the user's language, sends the move with the row's version, and keeps
 * the form open with the server's explanation when the move is refused (stale → reload). A move refused after a
 * stage's deadline offers the runner 记录逾期办理 (applications.overrideDeadline); then 确定 sends it again.
 */
export const MoveDialog = ({
  kind,
  row,
  campaign,
  schedule,
  send,
  posts,
  onClose,
  onDone,
}: {
  readonly kind: DialogKind
  readonly row: ApplicationRow
  readonly campaign: Campaign
  /** The campaign's timetable and today as the server counts it (campaigns.schedule): dates may not lie after it. */
  readonly schedule: Schedule
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
  const [attempt, setAttempt] = useState<TimedMove | null>(null)
  // Stages overridden from this dialog (its row was read before): not offered again.
  const [overridden, setOverridden] = useState<ReadonlyArray<string>>([])
  const { message } = AntdApp.useApp()
  const today = schedule.today
  const steps = campaign.path.steps
  const stepLabel = (state: string) => steps.find((s) => s.state === state)?.label[lang] ?? state
  const next = steps[steps.findIndex((s) => s.state === row.state) + 1]

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true)
    setProblem(null)
    setAttempt(timedMove(kind, next?.state ?? row.state, values))
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
          ...poolWaiversOf(values.poolWaivers, row.regionId),
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

  const late =
    attempt === null || !isPastDeadline(problem)
      ? []
      : lateStages(
          steps,
          schedule.entries,
          {
            state: row.state,
            deadlineOverrides: [
              ...(row.application.deadlineOverrides ?? []),
              ...overridden.map((stageId) => ({ stageId })),
            ],
          },
          attempt,
          today,
        )

  const name = row.person.name
  const title =
    kind === "advance"
      ? t("campaign.flow.titles.advance", { name, step: stepLabel(next?.state ?? "") })
      : kind === "reject"
        ? t("campaign.rejectTitle", { name })
        : t(`campaign.flow.titles.${kind}`, { name, step: stepLabel(row.state) })

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
      <DeadlineOverride
        key={late[0]?.stageId ?? ""}
        row={row}
        late={late}
        send={send}
        onDone={(stageId) => {
          setOverridden((o) => [...o, stageId])
          setProblem(null)
          setAttempt(null)
          void message.success(t("campaign.flow.late.done"))
        }}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={moveInitialValues(kind, row, campaign, today)}
        preserve={false}
      >
        <MoveFields
          kind={kind}
          row={row}
          campaign={campaign}
          today={today}
          posts={posts}
          poolRefused={problem?.kind === "api" && problem.tag === "PoolRefused"}
        />
      </Form>
    </Modal>
  )
}

/**
 * The decision's `poolWaivers` from its form: a community rule's waiver names the nominee's community (the
 * application's region) as its subject; the street's share names none.
 */
export const poolWaiversOf = (
  entered: unknown,
  communityId: string,
): {
  poolWaivers?: Array<{
    ruleId: string
    reason: string
    approver: string
    approvedOn: string
    subject?: string
  }>
} => {
  const rows = (Array.isArray(entered) ? entered : []) as ReadonlyArray<
    Partial<Record<"ruleId" | "reason" | "approver" | "approvedOn", string>>
  >
  const poolWaivers = rows.map((w) => ({
    ruleId: w.ruleId ?? "",
    reason: (w.reason ?? "").trim(),
    approver: (w.approver ?? "").trim(),
    approvedOn: w.approvedOn ?? "",
    ...(w.ruleId === "pool.young_share" ? {} : { subject: communityId }),
  }))
  return poolWaivers.length === 0 ? {} : { poolWaivers }
}
