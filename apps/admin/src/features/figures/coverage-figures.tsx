import { langOf } from "@cadre/ui"
import { Alert, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from "antd"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { EChart } from "./echart"
import { type Coverage, type CoverageRow, coverageOption, coverageRows, shareText } from "./figures-data"
import { tableProps } from "./figures-frame"

/** 村（社区）覆盖情况: the covered share as a chart and a table, then the units not yet covered. */
export const CoverageFigures = ({ coverage }: { readonly coverage: Coverage }) => {
  const { t, i18n } = useTranslation("figures")
  const lang = langOf(i18n.language === "en" ? "en" : "zh-CN")
  const rows = coverageRows(coverage)
  const option = useMemo(
    () =>
      coverageOption(rows, {
        kind: (k) => t(`coverage.kinds.${k}`),
        covered: t("coverage.covered"),
        uncovered: t("coverage.uncovered"),
      }),
    [coverage, t],
  )
  if (rows.length === 0) return <Empty description={t("coverage.empty")} />
  const columns: TableColumnsType<CoverageRow> = [
    {
      title: t("coverage.kind"),
      dataIndex: "key",
      render: (k: CoverageRow["key"]) => t(`coverage.kinds.${k}`),
    },
    { title: t("coverage.total"), dataIndex: "total", align: "right" },
    { title: t("coverage.covered"), render: (_, r) => r.covered.count, align: "right" },
    { title: t("coverage.uncovered"), dataIndex: "uncovered", align: "right" },
    { title: t("coverage.rate"), render: (_, r) => shareText(r.covered, lang), align: "right" },
  ]
  return (
    <>
      <EChart
        option={option}
        label={t("coverage.chart")}
        height={80 + 50 * (rows.length - 1)}
        testId="coverage-chart"
      />
      <Table<CoverageRow>
        {...tableProps}
        data-testid="coverage-table"
        rowKey="key"
        columns={columns}
        dataSource={[...rows]}
      />
      {coverage.unknownUnitIds.length === 0 ? null : (
        <Alert
          type="warning"
          showIcon
          title={t("coverage.unknownUnits", { ids: coverage.unknownUnitIds.join("、") })}
        />
      )}
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {t("coverage.uncoveredList")}
      </Typography.Title>
      {coverage.uncovered.length === 0 ? (
        <Typography.Text type="secondary">{t("coverage.noneUncovered")}</Typography.Text>
      ) : (
        <Flex wrap gap={4} data-testid="uncovered-units">
          {coverage.uncovered.map((u) => (
            <Tag key={u.id} title={u.id}>
              {u.name ?? u.id}
            </Tag>
          ))}
        </Flex>
      )}
    </>
  )
}
