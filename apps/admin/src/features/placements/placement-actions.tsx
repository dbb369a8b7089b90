import { ProblemAlert, useApi, useLanguage } from "@cadre/ui"
import { App as AntdApp, Button, Flex, Form } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { Lang } from "./form-helpers"
import { AdmonishDialog, type AdmonishForm } from "./admonish-dialog"
import { admonishTriggers, type PlacementDetail, type Role, type SchemeView } from "./placement-helpers"
import { ProbationDialog, type ProbationForm } from "./probation-dialog"
import { RecallDialog, type RecallForm } from "./recall-dialog"
import { type TermMoveForm, TermMoveDialog, type TermMoveKind } from "./term-move-dialog"
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
  const [open, setOpen] = useState<"probation" | "recall" | "admonish" | TermMoveKind | null>(null)
  const [admonishForm] = Form.useForm<AdmonishForm>()
  const [probationForm] = Form.useForm<ProbationForm>()
  const [recallForm] = Form.useForm<RecallForm>()
  const [termForm] = Form.useForm<TermMoveForm>()
  const onProbation = placement.state === "on_probation" || placement.state === "probation_extended"
  const serving = onProbation || placement.state === "in_term"
  // The term moves this state allows (the kernel's state machine; the server checks again, with the dates).
  const termMoves: ReadonlyArray<TermMoveKind> =
    placement.state === "placed"
      ? ["TakeUp"]
      : placement.state === "in_term" && placement.termEnd !== null && placement.termEnd <= today
        ? ["EndTerm"]
        : placement.state === "term_ended"
          ? ["StayOn", "Exit"]
          : []
  const termKind = open === "probation" || open === "recall" || open === "admonish" ? null : open
  // 教育提醒 only where the scheme lists a trigger for it (003's negative list, 淮上's survey rule).
  const mayAdmonish = serving && admonishTriggers(scheme).length > 0

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
        {termMoves.map((kind) => (
          <Button
            key={kind}
            type={kind === "TakeUp" ? "primary" : "default"}
            disabled={busy}
            data-testid={`term-move-${kind}`}
            onClick={() => {
              termForm.resetFields()
              setOpen(kind)
            }}
          >
            {t(`termMoves.${kind}.action`)}
          </Button>
        ))}
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
        {mayAdmonish ? (
          <Button
            disabled={busy}
            data-testid="admonish"
            onClick={() => {
              admonishForm.resetFields()
              setOpen("admonish")
            }}
          >
            {t("admonish.action")}
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

      <TermMoveDialog
        kind={termKind}
        form={termForm}
        today={today}
        onCancel={() => setOpen(null)}
        onSubmit={act}
      />

      <AdmonishDialog
        open={open === "admonish"}
        form={admonishForm}
        scheme={scheme}
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
