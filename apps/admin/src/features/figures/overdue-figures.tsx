import { formatDate, langOf } from "@cadre/ui"
import { Empty, Table, type TableColumnsType } from "antd"
import { useTranslation } from "react-i18next"
import { Link } from "../../routes/navigation"
import type { OverdueFigures, OverdueReport } from "./figures-data"
import { placementHref, Subtitle, tableProps } from "./figures-frame"

/** 逾期未报的报告: overdue reports counted by region, then each one linked to its placement. */
export const OverdueFiguresView = ({
  figures,
  reports,
}: {
  readonly figures: OverdueFigures
  readonly reports: ReadonlyArray<OverdueReport>
}) => {
  const { t, i18n } = useTranslation("figures")
  const language = i18n.language === "en" ? "en" : "zh-CN"
  const lang = langOf(language)
  if (figures.total === 0 && reports.length === 0) return <Empty description={t("overdue.empty")} />
  const regionColumns: TableColumnsType<OverdueFigures["byRegion"][number]> = [
    { title: t("overdue.region"), dataIndex: "regionName" },
    { title: t("overdue.count"), dataIndex: "count", align: "right" },
    { title: t("overdue.maxDays"), render: (_, r) => t("days", { count: r.maxDays }), align: "right" },
  ]
  const columns: TableColumnsType<OverdueReport> = [
    {
      title: t("overdue.person"),
      render: (_, r) => <Link href={placementHref(r.placementId)}>{r.personName}</Link>,
    },
    { title: t("overdue.region"), dataIndex: "regionName" },
    { title: t("overdue.subject"), render: (_, r) => r.subject[lang] },
    { title: t("overdue.due"), render: (_, r) => (r.due === null ? "—" : formatDate(r.due, language)) },
    { title: t("overdue.daysOverdue"), dataIndex: "daysOverdue", align: "right" },
    { title: t("overdue.clause"), dataIndex: "clause" },
  ]
  return (
    <>
      <Subtitle>{t("overdue.byRegion")}</Subtitle>
      <Table
        {...tableProps}
        data-testid="overdue-region-table"
        rowKey="regionId"
        columns={regionColumns}
        dataSource={[...figures.byRegion]}
      />
      <Subtitle>{t("overdue.list")}</Subtitle>
      <Table<OverdueReport>
        {...tableProps}
        data-testid="overdue-table"
        rowKey="key"
        columns={columns}
        dataSource={[...reports]}
        pagination={{
          pageSize: 10,
          showSizeChanger: false,
          size: "small",
          showTotal: (n) => t("overdue.total", { count: n }),
        }}
      />
    </>
  )
}
