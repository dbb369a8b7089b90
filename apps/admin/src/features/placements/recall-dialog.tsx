import { useLanguage } from "@cadre/ui"
import { Form, type FormInstance, Input, Modal, Select } from "antd"
import { useTranslation } from "react-i18next"
import { actorOptions, type Lang, required } from "./form-helpers"
import { type Actor, recallTriggers, type SchemeView } from "./placement-helpers"
import type { Move } from "./use-command"

export interface RecallForm {
  readonly triggerId?: string
  readonly evidence: string
  readonly by: Actor
  readonly date: string
  readonly reference?: string
}

/** The recall as a move; an unchosen trigger and a blank reference are left out rather than sent empty. */
export const recallMove = (v: RecallForm): Move => ({
  _tag: "Recall",
  ...(v.triggerId === undefined ? {} : { triggerId: v.triggerId }),
  evidence: v.evidence.trim(),
  decision: {
    by: v.by,
    date: v.date,
    ...(v.reference === undefined || v.reference.trim() === "" ? {} : { reference: v.reference.trim() }),
  },
})

/** 召回: the scheme's trigger with its clause (optional), the evidence, and who decided it when. */
export const RecallDialog = ({
  open,
  form,
  scheme,
  today,
  onCancel,
  onSubmit,
}: {
  readonly open: boolean
  /** Owned by the caller, which resets it before opening. */
  readonly form: FormInstance<RecallForm>
  readonly scheme: SchemeView | null
  readonly today: string
  readonly onCancel: () => void
  readonly onSubmit: (move: Move) => Promise<void>
}) => {
  const { t } = useTranslation("placements")
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  const triggers = recallTriggers(scheme)
  return (
    <Modal
      open={open}
      title={t("actions.recallTitle")}
      okText={t("actions.submit")}
      cancelText={t("actions.cancel")}
      okButtonProps={{ danger: true }}
      onCancel={onCancel}
      onOk={() => {
        void form.validateFields().then(
          (v) => onSubmit(recallMove(v)),
          () => undefined,
        )
      }}
      destroyOnHidden
    >
      <Form<RecallForm>
        form={form}
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
  )
}
