import { useLanguage } from "@cadre/ui"
import { Form, type FormInstance, Input, Modal, Select } from "antd"
import { useTranslation } from "react-i18next"
import { DecisionFields, type DecisionForm, decisionOf } from "./decision-fields"
import { type Lang, required } from "./form-helpers"
import { recallTriggers, type SchemeView } from "./placement-helpers"
import type { Move } from "./use-command"

export interface RecallForm extends DecisionForm {
  readonly triggerId?: string
  readonly evidence: string
}

/** The recall as a move; an unchosen trigger and a blank reference are left out rather than sent empty. */
export const recallMove = (v: RecallForm): Move => ({
  _tag: "Recall",
  ...(v.triggerId === undefined ? {} : { triggerId: v.triggerId }),
  evidence: v.evidence.trim(),
  decision: decisionOf(v),
})

/**
 * 召回: the scheme's trigger with its clause (optional), the evidence, and who decided it when — chosen by the
 * clerk, never pre-filled.
 */
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
      <Form<RecallForm> form={form} name="recall" layout="vertical" preserve={false}>
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
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <DecisionFields
          today={today}
          actors={[
            "org_dept",
            "org_dept_meeting",
            "standing_committee",
            ...triggers.flatMap((tr) => (tr.decidedBy === undefined ? [] : [tr.decidedBy])),
          ]}
        />
      </Form>
    </Modal>
  )
}
