import { type Problem, ProblemAlert, pick, problemOf, useLanguage } from "@cadre/ui"
import { useMutation, useQuery } from "@tanstack/react-query"
import { Alert, Form, type FormInstance, Input, Modal, Spin, Typography } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"
import { type Assignee, AssigneeSelect } from "./assignee-select"
import {
  assignInput,
  dueBeforeToday,
  type PlacedRefusal,
  placeRefusal,
  REASON_MAX,
  reasonLength,
  reasonProblem,
  transferInput,
} from "./task-forms"

/**
 * The moves on review tasks that need a form (issue 16): 转办 by the reviewer who holds the task, 分派 and 交接待办
 * by the campaign's org dept or street (`campaign.write`). Each picks the reviewer by name, checks what it can
 * before sending, and shows the server's refusal at the field it is about; nothing is chosen in advance.
 */

/** Put placed refusals on the form's fields; what belongs to no field comes back for the dialog's alert. */
const useRefusals = (form: FormInstance) => {
  const { t } = useTranslation("admin")
  const language = useLanguage()
  const [general, setGeneral] = useState<{ readonly text: string } | { readonly problem: Problem } | null>(
    null,
  )
  const show = (problem: Problem, placed: ReadonlyArray<PlacedRefusal>) => {
    setGeneral(null)
    for (const p of placed) {
      const text =
        p.key !== undefined
          ? t(`tasks.refusals.${p.key}`)
          : p.text !== undefined
            ? pick(p.text, language)
            : null
      if (p.field !== null && text !== null) form.setFields([{ name: p.field, errors: [text] }])
      else setGeneral(text === null ? { problem } : { text })
    }
  }
  const alert =
    general === null ? null : "problem" in general ? (
      <ProblemAlert problem={general.problem} onClose={() => setGeneral(null)} style={{ marginBottom: 12 }} />
    ) : (
      <Alert
        type="error"
        showIcon
        title={general.text}
        data-testid="task-refusal"
        style={{ marginBottom: 12 }}
      />
    )
  return { show, alert, clear: () => setGeneral(null) }
}

// ------------------------------------------------------------------------------------------------------ 转办

export interface TransferTarget {
  readonly id: string
  readonly version: number
  readonly applicationId: string
  readonly assignee: string
  readonly personName: string
  readonly step: string
}

/** 转办: to another reviewer in scope, with a reason (≤ 500, counted, never cut), at the version listed. */
export const TransferDialog = ({
  task,
  onClose,
  onDone,
}: {
  readonly task: TransferTarget
  readonly onClose: () => void
  readonly onDone: (to: string) => void
}) => {
  const { t } = useTranslation("admin")
  const trpc = useTRPC()
  const [form] = Form.useForm<{ to: string; reason: string }>()
  const [picked, setPicked] = useState<Assignee | undefined>(undefined)
  const refusals = useRefusals(form)
  const transfer = useMutation(trpc.tasks.transfer.mutationOptions())
  const reason = Form.useWatch("reason", form)
  const submit = () => {
    refusals.clear()
    void form.validateFields().then(
      (values) =>
        transfer.mutate(transferInput(task, values), {
          onSuccess: () => onDone(picked?.name ?? ""),
          onError: (error) => {
            const problem = problemOf(error)
            refusals.show(problem, placeRefusal(problem, { to: "to", reason: "reason" }))
          },
        }),
      () => undefined,
    )
  }
  return (
    <Modal
      open
      title={t("tasks.transfer.title", { name: task.personName, step: task.step })}
      okText={t("tasks.transfer.ok")}
      cancelText={t("tasks.cancel")}
      confirmLoading={transfer.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      data-testid="transfer-dialog"
    >
      <Typography.Paragraph type="secondary">{t("tasks.transfer.intro")}</Typography.Paragraph>
      {refusals.alert}
      <Form form={form} layout="vertical" name="transferTask" preserve={false}>
        <Form.Item
          name="to"
          label={t("tasks.transfer.to")}
          rules={[{ required: true, message: t("tasks.transfer.toRequired") }]}
        >
          <AssigneeSelect
            exclude={task.assignee}
            applicationId={task.applicationId}
            onPicked={setPicked}
            testId="transfer-to"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("tasks.transfer.reason")}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                const bad = reasonProblem(value)
                if (bad === "required") throw new Error(t("tasks.transfer.reasonRequired"))
                if (bad === "tooLong")
                  throw new Error(t("tasks.transfer.reasonTooLong", { count: reasonLength(value) }))
              },
            },
          ]}
          extra={`${reasonLength(reason)} / ${REASON_MAX}`}
        >
          {/* No maxLength: a longer text is refused with its count, never cut to fit. */}
          <Input.TextArea rows={3} data-testid="transfer-reason" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

// ------------------------------------------------------------------------------------------------------ 分派

export interface AssignTarget {
  readonly applicationId: string
  readonly personName: string
  readonly step: string
}

/** 分派: the reviewer of an application's current step and, if any, a due date not before today. */
export const AssignDialog = ({
  application,
  today,
  onClose,
  onDone,
}: {
  readonly application: AssignTarget
  /** Today as the server counts it (the campaign's schedule). */
  readonly today: string
  readonly onClose: () => void
  readonly onDone: (assignee: string) => void
}) => {
  const { t } = useTranslation("admin")
  const trpc = useTRPC()
  const [form] = Form.useForm<{ assignee: string; dueOn?: string }>()
  const [picked, setPicked] = useState<Assignee | undefined>(undefined)
  const refusals = useRefusals(form)
  const assign = useMutation(trpc.tasks.assign.mutationOptions())
  const submit = () => {
    refusals.clear()
    void form.validateFields().then(
      (values) =>
        assign.mutate(assignInput(application.applicationId, values), {
          onSuccess: () => onDone(picked?.name ?? ""),
          onError: (error) => {
            const problem = problemOf(error)
            refusals.show(problem, placeRefusal(problem, { assignee: "assignee", dueOn: "dueOn" }))
          },
        }),
      () => undefined,
    )
  }
  return (
    <Modal
      open
      title={t("tasks.assign.title", { name: application.personName, step: application.step })}
      okText={t("tasks.assign.ok")}
      cancelText={t("tasks.cancel")}
      confirmLoading={assign.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      data-testid="assign-dialog"
    >
      <Typography.Paragraph type="secondary">{t("tasks.assign.intro")}</Typography.Paragraph>
      {refusals.alert}
      <Form form={form} layout="vertical" name="assignTask" preserve={false}>
        <Form.Item
          name="assignee"
          label={t("tasks.assign.to")}
          rules={[{ required: true, message: t("tasks.assign.toRequired") }]}
        >
          <AssigneeSelect applicationId={application.applicationId} onPicked={setPicked} testId="assign-to" />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t("tasks.assign.dueOn")}
          extra={t("tasks.assign.dueOnHint")}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if (dueBeforeToday(value, today)) throw new Error(t("tasks.assign.dueOnPast"))
              },
            },
          ]}
        >
          <Input type="date" min={today} data-testid="assign-due" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

// ------------------------------------------------------------------------------------------------------ 交接

/**
 * 交接待办: every open task an account holds in the caller's campaigns goes to a successor. The dialog says how
 * many move before the clerk confirms, and what moved after.
 */
export const HandoverDialog = ({
  account,
  onClose,
}: {
  readonly account: { readonly accountId: string; readonly name: string }
  readonly onClose: () => void
}) => {
  const { t } = useTranslation("admin")
  const trpc = useTRPC()
  const [form] = Form.useForm<{ to: string }>()
  const [picked, setPicked] = useState<Assignee | undefined>(undefined)
  const refusals = useRefusals(form)
  const count = useQuery(trpc.tasks.openCount.queryOptions({ accountId: account.accountId }))
  const handover = useMutation(trpc.tasks.handover.mutationOptions())
  const [result, setResult] = useState<{ readonly moved: number; readonly to: string } | null>(null)
  const open = count.data?.open ?? 0
  const submit = () => {
    refusals.clear()
    void form.validateFields().then(
      (values) =>
        handover.mutate(
          { from: account.accountId, to: values.to },
          {
            onSuccess: (out) => setResult({ moved: out.moved, to: picked?.name ?? "" }),
            onError: (error) => {
              const problem = problemOf(error)
              refusals.show(problem, placeRefusal(problem, { to: "to" }))
            },
          },
        ),
      () => undefined,
    )
  }
  const title = t("tasks.handover.title", { name: account.name })
  if (result !== null)
    return (
      <Modal
        open
        title={title}
        onCancel={onClose}
        onOk={onClose}
        okText={t("tasks.close")}
        cancelButtonProps={{ style: { display: "none" } }}
        data-testid="handover-dialog"
      >
        <Alert
          type="success"
          showIcon
          data-testid="handover-result"
          title={t("tasks.handover.done", { count: result.moved, from: account.name, to: result.to })}
        />
      </Modal>
    )
  return (
    <Modal
      open
      title={title}
      okText={t("tasks.handover.ok", { count: open })}
      cancelText={t("tasks.cancel")}
      okButtonProps={{ disabled: count.data === undefined || open === 0 }}
      confirmLoading={handover.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      data-testid="handover-dialog"
    >
      {count.isPending ? (
        <Spin tip={t("tasks.handover.loading")} />
      ) : count.isError ? (
        <ProblemAlert problem={problemOf(count.error)} />
      ) : open === 0 ? (
        <Typography.Paragraph data-testid="handover-count">
          {t("tasks.handover.nothing", { name: account.name })}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph data-testid="handover-count">
            {t("tasks.handover.count", { name: account.name, count: open })}
          </Typography.Paragraph>
          {refusals.alert}
          <Form form={form} layout="vertical" name="handoverTasks" preserve={false}>
            <Form.Item
              name="to"
              label={t("tasks.handover.to")}
              rules={[{ required: true, message: t("tasks.handover.toRequired") }]}
              extra={t("tasks.handover.confirm", { count: open })}
            >
              <AssigneeSelect exclude={account.accountId} onPicked={setPicked} testId="handover-to" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  )
}
