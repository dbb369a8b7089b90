import { ProblemAlert, useApi, useLanguage } from "@cadre/ui"
import { App as AntdApp, Button, Flex, Form, Input, Select, Typography } from "antd"
import { useTranslation } from "react-i18next"
import { actorOptions, type Lang, required } from "./form-helpers"
import {
  type Actor,
  actorOfRole,
  actorsOfRole,
  defaultPeriod,
  type gradingCycles,
  type PlacementDetail,
  type Role,
  type SchemeView,
} from "./placement-helpers"
import { type Api, useCommand } from "./use-command"

type Grade = Parameters<Api["assessments"]["grade"]["mutate"]>[0]["grade"]
type Cycle = ReturnType<typeof gradingCycles>[number]

interface GradeValues {
  readonly cycleId: string
  readonly period: string
  readonly by: Actor
  readonly grade: Grade
}

const GRADES: ReadonlyArray<Grade> = ["excellent", "competent", "basically_competent", "incompetent"]

/** The scheme's own grade names where it lists them (000 says 不合格), else the national ones. */
const gradeOptions = (scheme: SchemeView | null, lang: Lang, t: (key: string) => string) => {
  const own = scheme?.assessment.grades
  return GRADES.map((g) => {
    const label = own?._tag === "Cited" ? own.value.find((x) => x.key === g)?.label[lang] : undefined
    return { value: g, label: label ?? t(`assessments.grades.${g}`) }
  })
}

/**
 * Records a grade through assessments.grade. Choosing a cycle fills in its usual period and the actor who decides
 * it; a refusal (a quota's arithmetic, 002 三（二）) is shown as the server words it.
 */
export const GradeForm = ({
  placement,
  scheme,
  role,
  today,
  cycles,
  firstCycle,
  onChanged,
}: {
  readonly placement: PlacementDetail
  readonly scheme: SchemeView | null
  readonly role: Role
  readonly today: string
  /** The scheme's grading cycles; `firstCycle` (annual where there is one) is the one the form starts with. */
  readonly cycles: ReadonlyArray<Cycle>
  readonly firstCycle: Cycle
  readonly onChanged: () => void
}) => {
  const { t } = useTranslation("placements")
  const api = useApi()
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  const { message } = AntdApp.useApp()
  const { problem, setProblem, busy, run } = useCommand()
  const [form] = Form.useForm<GradeValues>()
  const cycleId = Form.useWatch("cycleId", form) ?? firstCycle.id
  const cycle = cycles.find((c) => c.id === cycleId)

  return (
    <div data-testid="grade-form">
      <Typography.Text strong>{t("assessments.record")}</Typography.Text>
      <ProblemAlert
        problem={problem}
        style={{ marginBottom: 12 }}
        onClose={() => setProblem(null)}
        onReload={onChanged}
        testId="grade-error"
      />
      <Form<GradeValues>
        form={form}
        name="grade"
        layout="vertical"
        initialValues={{
          cycleId: firstCycle.id,
          period: defaultPeriod(firstCycle, today),
          by: firstCycle.decidedBy ?? actorOfRole(role),
        }}
        onValuesChange={(changed: Partial<GradeValues>) => {
          if (changed.cycleId === undefined) return
          const next = cycles.find((c) => c.id === changed.cycleId)
          form.setFieldsValue({
            period: defaultPeriod(next, today),
            by: next?.decidedBy ?? actorOfRole(role),
          })
        }}
        onFinish={(v) => {
          void run(() =>
            api.assessments.grade.mutate({
              placementId: placement.id,
              cycleId: v.cycleId,
              period: v.period.trim(),
              by: v.by,
              grade: v.grade,
            }),
          ).then((after) => {
            if (after === undefined || after.gradeLabel === null) return
            void message.success(t("assessments.recorded", { grade: after.gradeLabel[lang] }))
            onChanged()
          })
        }}
      >
        <Flex wrap gap={12} align="end">
          <Form.Item
            name="cycleId"
            label={t("assessments.cycle")}
            style={{ minWidth: 200, flex: "1 1 200px" }}
          >
            <Select options={cycles.map((c) => ({ value: c.id, label: c.label[lang] }))} />
          </Form.Item>
          <Form.Item
            name="period"
            label={t("assessments.period")}
            tooltip={t("assessments.periodHint")}
            rules={required(t("assessments.required"))}
            style={{ width: 120 }}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="by" label={t("assessments.by")} style={{ minWidth: 180, flex: "1 1 180px" }}>
            <Select
              options={actorOptions(
                [...(cycle?.decidedBy === undefined ? [] : [cycle.decidedBy]), ...actorsOfRole(role)],
                t,
              )}
            />
          </Form.Item>
          <Form.Item
            name="grade"
            label={t("assessments.grade")}
            rules={[{ required: true, message: t("assessments.chooseGrade") }]}
            style={{ minWidth: 120 }}
          >
            <Select placeholder={t("assessments.gradePlaceholder")} options={gradeOptions(scheme, lang, t)} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t("assessments.submit")}
            </Button>
          </Form.Item>
        </Flex>
      </Form>
    </div>
  )
}
