import { Form, type FormInstance, Input, Modal, Select } from "antd"
import { useTranslation } from "react-i18next"
import { notAfter } from "./decision-fields"
import { actorOptions, required } from "./form-helpers"
import type { Actor } from "./placement-helpers"
import type { Move } from "./use-command"

/** The moves of a term's life that are not assessments: 到岗, 任期届满, 留任, 期满离任 (000 一, 002 三（二）). */
export type TermMoveKind = "TakeUp" | "EndTerm" | "StayOn" | "Exit"

export interface TermMoveForm {
  readonly date?: string
  readonly termEnd?: string
  readonly until?: string
  readonly reason?: string
  readonly by?: Actor
  readonly reference?: string
}

const trimmed = (s: string | undefined): string | undefined =>
  s === undefined || s.trim() === "" ? undefined : s.trim()

/** The form as the kernel's move (InPost.PlacementMove); blank optional fields are left out, never sent empty. */
export const termMove = (kind: TermMoveKind, v: TermMoveForm): Move => {
  switch (kind) {
    case "TakeUp":
      return {
        _tag: "TakeUp",
        date: v.date ?? "",
        ...(trimmed(v.termEnd) === undefined ? {} : { termEnd: v.termEnd as string }),
      }
    case "EndTerm":
      return { _tag: "EndTerm" }
    case "StayOn": {
      const reference = trimmed(v.reference)
      return {
        _tag: "StayOn",
        cadreWishes: true,
        decision: {
          by: v.by ?? "org_dept",
          date: v.date ?? "",
          ...(reference === undefined ? {} : { reference }),
        },
        ...(trimmed(v.until) === undefined ? {} : { until: v.until as string }),
      }
    }
    case "Exit":
      return { _tag: "Exit", date: v.date ?? "", reason: (v.reason ?? "").trim() }
  }
}

/**
 * One dialog for the term moves, each with its own fields: 到岗 (the day, and the term's end only where the
 * scheme lets the appointment state it), 任期届满 (nothing to add: the kernel checks the term is served), 留任 (the
 * cadre's wish is the premise; who decided and when), 期满离任 (the day and the reason). The server refuses a move
 * the state or the scheme does not allow, in the clerk's language.
 */
export const TermMoveDialog = ({
  kind,
  form,
  today,
  onCancel,
  onSubmit,
}: {
  readonly kind: TermMoveKind | null
  readonly form: FormInstance<TermMoveForm>
  readonly today: string
  readonly onCancel: () => void
  readonly onSubmit: (move: Move) => Promise<void>
}) => {
  const { t } = useTranslation("placements")
  const need = required(t("actions.required"))
  return (
    <Modal
      open={kind !== null}
      title={kind === null ? "" : t(`termMoves.${kind}.title`)}
      okText={t("actions.submit")}
      cancelText={t("actions.cancel")}
      onCancel={onCancel}
      onOk={() => {
        if (kind === null) return
        void form.validateFields().then(
          (v) => onSubmit(termMove(kind, v)),
          () => undefined,
        )
      }}
      destroyOnHidden
    >
      {kind === null ? null : (
        <Form<TermMoveForm> form={form} name={`term-${kind}`} layout="vertical" preserve={false}>
          {kind === "EndTerm" ? <p>{t("termMoves.EndTerm.text")}</p> : null}
          {kind === "StayOn" ? <p>{t("termMoves.StayOn.text")}</p> : null}
          {kind === "TakeUp" || kind === "Exit" || kind === "StayOn" ? (
            <Form.Item
              name="date"
              label={t(kind === "StayOn" ? "actions.decisionDate" : `termMoves.${kind}.date`)}
              rules={[...need, notAfter(today, t("admonish.notAfterToday"))]}
            >
              <Input type="date" max={today} />
            </Form.Item>
          ) : null}
          {kind === "TakeUp" ? (
            <Form.Item
              name="termEnd"
              label={t("termMoves.TakeUp.termEnd")}
              extra={t("termMoves.TakeUp.termEndHelp")}
            >
              <Input type="date" />
            </Form.Item>
          ) : null}
          {kind === "StayOn" ? (
            <>
              <Form.Item name="by" label={t("actions.decisionBy")} rules={need}>
                <Select
                  placeholder={t("admonish.byPlaceholder")}
                  options={actorOptions(["org_dept", "org_dept_meeting", "standing_committee"], t)}
                />
              </Form.Item>
              <Form.Item name="reference" label={t("actions.reference")}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                name="until"
                label={t("termMoves.StayOn.until")}
                extra={t("termMoves.StayOn.untilHelp")}
              >
                <Input type="date" />
              </Form.Item>
            </>
          ) : null}
          {kind === "Exit" ? (
            <Form.Item name="reason" label={t("termMoves.Exit.reason")} rules={need}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          ) : null}
        </Form>
      )}
    </Modal>
  )
}
