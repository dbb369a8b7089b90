import { pick, useLanguage } from "@cadre/ui"
import { Empty, Flex, Tag, Typography } from "antd"
import { useTranslation } from "react-i18next"
import type { ReviewFinding } from "./reserve-forms"

const color = (status: string) =>
  status === "fail" ? "red" : status === "pass" ? "green" : status === "waived" ? "blue" : "default"

/** The kernel's findings, each with its outcome and its own sentence (which ends with the clause). */
export const FindingList = ({
  findings,
  testId,
}: {
  readonly findings: ReadonlyArray<ReviewFinding>
  readonly testId?: string
}) => {
  const { t } = useTranslation("reserves")
  const language = useLanguage()
  if (findings.length === 0) return <Empty description={t("reviews.notChecked")} />
  return (
    <Flex vertical gap={6} data-testid={testId}>
      {findings.map((f, i) => (
        <Flex key={i} gap={8} align="start">
          <Tag color={color(f.status)} style={{ flex: "none" }}>
            {t(`outcome.${f.status}`, { defaultValue: t("outcome.needs_review") })}
          </Tag>
          <Typography.Text style={{ whiteSpace: "normal" }}>{pick(f.message, language)}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  )
}
