import { useLanguage } from "@cadre/ui"
import { Checkbox, Form, type FormInstance, Input, Modal, Select, Typography } from "antd"
import { useTranslation } from "react-i18next"
import { DecisionFields, type DecisionForm, decisionOf } from "./decision-fields"
import { type Lang, required } from "./form-helpers"
import { admonishTriggers, type SchemeView } from "./placement-helpers"
import type { Move } from "./use-command"

export interface AdmonishForm extends DecisionForm {
  readonly triggerId: string
  readonly measures: ReadonlyArray<"criticism_education" | "rectification" | "admonishment_talk">
  readonly reason: string
}

/** The admonishment as a move; a blank reference is left out rather than sent empty. */
export const admonishMove = (v: AdmonishForm): Move => {
  const [first, ...rest] = v.measures
  if (first === undefined) throw new Error("a measure is required (the form checks it)")
  return {
    _tag: "Admonish",
    triggerId: v.triggerId,
    measures: [first, ...rest],
    reason: v.reason.trim(),
    decision: decisionOf(v),
  }
}

/**
 * 教育提醒: one of the scheme's negative-list (负面清单) or survey triggers whose action is an admonishment, the
 * measures its clause names (批评教育、促其整改 — 003 五; 诫勉谈话 — 004 淮上 目标考核 三是), the facts, and who decided
 * it when. Nothing is pre-chosen; the measures offered are the chosen trigger's only; the server checks again.
 */
export const AdmonishDialog = ({
  open,
  form,
  scheme,
  today,
  onCancel,
  onSubmit,
}: {
  readonly open: boolean
  /** Owned by the caller, which resets it before opening. */
  readonly form: FormInstance<AdmonishForm>
  readonly scheme: SchemeView | null
  readonly today: string
  readonly onCancel: () => void
  readonly onSubmit: (move: Move) => Promise<void>
}) => {
  const { t } = useTranslation("placements")
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  const triggers = admonishTriggers(scheme)
  const chosen = Form.useWatch("triggerId", form)
  const trigger = triggers.find((tr) => tr.id === chosen)
  return (
    <Modal
      open={open}
      title={t("admonish.title")}
      okText={t("actions.submit")}
      cancelText={t("actions.cancel")}
      onCancel={onCancel}
      onOk={() => {
        void form.validateFields().then(
          (v) => onSubmit(admonishMove(v)),
          () => undefined,
        )
      }}
      destroyOnHidden
    >
      <Form<AdmonishForm> form={form} name="admonish" layout="vertical" preserve={false}>
        <Form.Item
          name="triggerId"
          label={t("admonish.trigger")}
          rules={required(t("admonish.triggerRequired"))}
        >
          <Select
            placeholder={t("admonish.triggerPlaceholder")}
            onChange={() => form.setFieldValue("measures", [])}
            options={triggers.map((tr) => ({
              value: tr.id,
              label: `${tr.label[lang]}（${tr.citation.document} ${tr.citation.clause}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="measures"
          label={t("admonish.measures")}
          rules={[{ required: true, type: "array", min: 1, message: t("admonish.measuresRequired") }]}
        >
          {trigger === undefined ? (
            <Typography.Text type="secondary">{t("admonish.chooseTriggerFirst")}</Typography.Text>
          ) : (
            <Checkbox.Group
              options={(trigger.measures ?? []).map((m) => ({ value: m, label: t(`admonish.measure.${m}`) }))}
            />
          )}
        </Form.Item>
        <Form.Item name="reason" label={t("admonish.reason")} rules={required(t("actions.required"))}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <DecisionFields
          today={today}
          actors={
            trigger?.decidedBy === undefined
              ? ["org_dept", "org_dept_meeting", "street"]
              : [trigger.decidedBy]
          }
        />
      </Form>
    </Modal>
  )
}
