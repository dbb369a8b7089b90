import { useLanguage } from "@cadre/ui"
import { Flex, Table, type TableColumnsType, Tag, Typography } from "antd"
import { useTranslation } from "react-i18next"
import type { Lang } from "./form-helpers"
import { GradeForm } from "./grade-form"
import {
  type AssessmentRow,
  gradingCycles,
  type PlacementDetail,
  type Role,
  type SchemeView,
} from "./placement-helpers"

/**
 * 考核: the graded assessments with their steps and the quota arithmetic checked, and a grade recorded through
 * assessments.grade. A quota refusal (002 三（二）: 优秀不超过20%) is the server's sentence with its arithmetic,
 * shown verbatim.
 */
export const AssessmentsSection = ({
  placement,
  rows,
  scheme,
  role,
  canGrade,
  today,
  onChanged,
}: {
  readonly placement: PlacementDetail
  readonly rows: ReadonlyArray<AssessmentRow>
  readonly scheme: SchemeView | null
  readonly role: Role
  readonly canGrade: boolean
  readonly today: string
  readonly onChanged: () => void
}) => {
  const { t } = useTranslation("placements")
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  const cycles = gradingCycles(scheme)
  const firstCycle = cycles.find((c) => c.id === "annual") ?? cycles[0]
  const cycleLabel = (id: string) => cycles.find((c) => c.id === id)?.label[lang] ?? id

  const columns: TableColumnsType<AssessmentRow> = [
    { title: t("assessments.cycle"), key: "cycle", render: (_, r) => cycleLabel(r.cycleId) },
    { title: t("assessments.period"), dataIndex: "period", key: "period" },
    {
      title: t("assessments.grade"),
      key: "grade",
      render: (_, r) =>
        r.gradeLabel === null ? (
          "—"
        ) : (
          <Tag color={r.grade === "excellent" ? "green" : "blue"}>{r.gradeLabel[lang]}</Tag>
        ),
    },
    {
      title: t("assessments.summary"),
      key: "summary",
      render: (_, r) => (
        <div style={{ maxWidth: 360, whiteSpace: "normal" }}>
          <div>{r.summary[lang]}</div>
          {r.quota.map((q) => (
            <Typography.Text key={q.quotaId} type="secondary" style={{ fontSize: 12, display: "block" }}>
              {t("assessments.quota")}：{q.text[lang]}
            </Typography.Text>
          ))}
        </div>
      ),
    },
  ]

  return (
    <Flex vertical gap={8}>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t("assessments.none")}</Typography.Text>
      ) : (
        <Table<AssessmentRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={[...rows]}
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="assessments-table"
        />
      )}
      {canGrade && firstCycle !== undefined ? (
        <GradeForm
          placement={placement}
          scheme={scheme}
          role={role}
          today={today}
          cycles={cycles}
          firstCycle={firstCycle}
          onChanged={onChanged}
        />
      ) : null}
    </Flex>
  )
}
