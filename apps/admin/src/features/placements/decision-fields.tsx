import { Form, Input, Select } from "antd"
import { useTranslation } from "react-i18next"
import { actorOptions, required } from "./form-helpers"
import type { Actor } from "./placement-helpers"

/** The decision part of a move (who decided, when, under which reference), as the recall and admonish forms hold it. */
export interface DecisionForm {
  readonly by: Actor
  readonly date: string
  readonly reference?: string
}

/** The decision as the API takes it; a blank reference is left out rather than sent empty. */
export const decisionOf = (v: DecisionForm) => ({
  by: v.by,
  date: v.date,
  ...(v.reference === undefined || v.reference.trim() === "" ? {} : { reference: v.reference.trim() }),
})

/** A decision date is a day that has come: not after today (China time, as the caller gives it). */
export const notAfter = (today: string, message: string) => ({
  validator: (_: unknown, v: string | undefined) =>
    v === undefined || v === "" || v <= today ? Promise.resolve() : Promise.reject(new Error(message)),
})

/**
 * 决定主体 / 决定日期 / 文号或会议 for a decision dialog: nothing pre-chosen (the person deciding says who decided and
 * when; issue 16: a dialog that opens filled in is approved by one click), the date not after today, the reference
 * optional. The caller's form holds the fields as `by`, `date` and `reference`.
 */
export const DecisionFields = ({
  actors,
  today,
}: {
  /** The bodies that may have decided, in the order offered (each shown once, by name). */
  readonly actors: ReadonlyArray<Actor>
  readonly today: string
}) => {
  const { t } = useTranslation("placements")
  return (
    <>
      <Form.Item name="by" label={t("actions.decisionBy")} rules={required(t("actions.required"))}>
        <Select placeholder={t("admonish.byPlaceholder")} options={actorOptions(actors, t)} />
      </Form.Item>
      <Form.Item
        name="date"
        label={t("actions.decisionDate")}
        rules={[...required(t("actions.required")), notAfter(today, t("admonish.notAfterToday"))]}
      >
        <Input type="date" max={today} />
      </Form.Item>
      <Form.Item name="reference" label={t("actions.reference")}>
        <Input maxLength={200} showCount />
      </Form.Item>
    </>
  )
}
