import { Form, type FormInstance, Input, Modal, Radio, Select } from "antd"
import { useTranslation } from "react-i18next"
import { notAfter } from "./decision-fields"
import { actorOptions, required } from "./form-helpers"
import { type Actor, actorsOfRole, probationAssessor, type Role, type SchemeView } from "./placement-helpers"
import type { Move } from "./use-command"

export interface ProbationForm {
  readonly outcome: "confirm" | "extend" | "return"
  readonly by: Actor
  readonly assessedOn: string
  readonly summary: string
  readonly electedOn?: string
  readonly until?: string
  readonly returnDate?: string
}

/** The assessment's outcome as a move: confirm (competent), or extend / return to the unit (not competent). */
export const probationMove = (v: ProbationForm): Move => {
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

/** 见习期考评 (000 三（一）): the outcome, who assessed and when, and the date the outcome needs. */
export const ProbationDialog = ({
  open,
  form,
  scheme,
  role,
  today,
  onCancel,
  onSubmit,
}: {
  readonly open: boolean
  /** Owned by the caller, which resets it before opening. */
  readonly form: FormInstance<ProbationForm>
  readonly scheme: SchemeView | null
  readonly role: Role
  readonly today: string
  readonly onCancel: () => void
  readonly onSubmit: (move: Move) => Promise<void>
}) => {
  const { t } = useTranslation("placements")
  const outcome = Form.useWatch("outcome", form)
  return (
    <Modal
      open={open}
      title={t("actions.probationTitle")}
      okText={t("actions.submit")}
      cancelText={t("actions.cancel")}
      onCancel={onCancel}
      onOk={() => {
        void form.validateFields().then(
          (v) => onSubmit(probationMove(v)),
          () => undefined,
        )
      }}
      destroyOnHidden
    >
      <Form<ProbationForm>
        form={form}
        name="probation"
        layout="vertical"
        preserve={false}
        // The scheme's assessor is a fact of the scheme; the outcome and the dates are the clerk's to give.
        initialValues={{ by: probationAssessor(scheme) }}
      >
        <Form.Item
          name="outcome"
          label={t("actions.outcome")}
          rules={[{ required: true, message: t("actions.chooseOutcome") }]}
        >
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
          rules={[...required(t("actions.required")), notAfter(today, t("admonish.notAfterToday"))]}
        >
          <Input type="date" max={today} />
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
        ) : outcome === "confirm" ? (
          <Form.Item name="electedOn" label={t("actions.electedOn")} rules={required(t("actions.required"))}>
            <Input type="date" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  )
}
