import { ProblemAlert, useApi, useLanguage } from "@cadre/ui"
import { App as AntdApp, Button, Flex, Form } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { Lang } from "./form-helpers"
import type { PlacementDetail, Role, SchemeView } from "./placement-helpers"
import { ProbationDialog, type ProbationForm } from "./probation-dialog"
import { RecallDialog, type RecallForm } from "./recall-dialog"
import { type Move, useCommand } from "./use-command"

/**
 * The moves on a placement: the probation assessment (confirm, extend, return — 000 三（一）) and recall. Each goes
 * through placements.act with the placement's row version; a refusal is shown as the server words it.
 */
export const PlacementActions = ({
  placement,
  scheme,
  role,
  today,
  onChanged,
}: {
  readonly placement: PlacementDetail
  readonly scheme: SchemeView | null
  readonly role: Role
  readonly today: string
  readonly onChanged: () => void
}) => {
  const { t } = useTranslation("placements")
  const api = useApi()
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  const { message } = AntdApp.useApp()
  const { problem, setProblem, busy, run } = useCommand()
  const [open, setOpen] = useState<"probation" | "recall" | null>(null)
  const [probationForm] = Form.useForm<ProbationForm>()
  const [recallForm] = Form.useForm<RecallForm>()
  const onProbation = placement.state === "on_probation" || placement.state === "probation_extended"
  const serving = onProbation || placement.state === "in_term"

  const act = async (move: Move) => {
    setOpen(null)
    const after = await run(() =>
      api.placements.act.mutate({ id: placement.id, expectedVersion: placement.version, move }),
    )
    if (after !== undefined) {
      void message.success(t("actions.done", { state: after.stateLabel[lang] }))
      onChanged()
    }
  }

  return (
    <Flex vertical gap={8}>
      <ProblemAlert
        problem={problem}
        style={{ marginBottom: 12 }}
        onClose={() => setProblem(null)}
        onReload={onChanged}
        testId="action-error"
      />
      <Flex wrap gap={8}>
        {onProbation ? (
          <Button
            type="primary"
            loading={busy && open === null}
            onClick={() => {
              probationForm.resetFields()
              setOpen("probation")
            }}
          >
            {t("actions.probation")}
          </Button>
        ) : null}
        {serving ? (
          <Button
            danger
            disabled={busy}
            onClick={() => {
              recallForm.resetFields()
              setOpen("recall")
            }}
          >
            {t("actions.recall")}
          </Button>
        ) : null}
      </Flex>

      <ProbationDialog
        open={open === "probation"}
        form={probationForm}
        scheme={scheme}
        role={role}
        today={today}
        onCancel={() => setOpen(null)}
        onSubmit={act}
      />

      <RecallDialog
        open={open === "recall"}
        form={recallForm}
        scheme={scheme}
        today={today}
        onCancel={() => setOpen(null)}
        onSubmit={act}
      />
    </Flex>
  )
}
