import { langOf } from "@cadre/ui"
import { Empty, Table, type TableColumnsType, Tag } from "antd"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { EChart } from "./echart"
import { type QuotaRow, quotaOption } from "./figures-data"
import { tableProps } from "./figures-frame"

/** 考核等次名额使用: each grade quota's use against its limit, with the arithmetic and its clause. */
export const QuotaFigures = ({ rows }: { readonly rows: ReadonlyArray<QuotaRow> }) => {
  const { t, i18n } = useTranslation("figures")
  const lang = langOf(i18n.language === "en" ? "en" : "zh-CN")
  const option = useMemo(
    () =>
      quotaOption(rows, {
        quota: (r) => `${r.schemeName[lang]} · ${r.quotaId}`,
        used: t("quota.used"),
        limit: t("quota.limit"),
      }),
    [rows, t, lang],
  )
  if (rows.length === 0) return <Empty description={t("quota.empty")} />
  const columns: TableColumnsType<QuotaRow> = [
    {
      title: t("quota.scheme"),
      render: (_, r) => (
        <span style={{ display: "inline-block", maxWidth: 260, whiteSpace: "normal" }}>
          {r.schemeName[lang]}
        </span>
      ),
    },
    { title: t("quota.quota"), dataIndex: "quotaId" },
    { title: t("quota.size"), dataIndex: "size", align: "right" },
    { title: t("quota.used"), dataIndex: "used", align: "right" },
    { title: t("quota.limit"), dataIndex: "limit", align: "right" },
    { title: t("quota.remaining"), dataIndex: "remaining", align: "right" },
    {
      title: t("quota.within"),
      render: (_, r) => (
        <Tag color={r.within ? "green" : "red"}>{r.within ? t("quota.yes") : t("quota.no")}</Tag>
      ),
    },
    {
      title: t("quota.arithmetic"),
      render: (_, r) => (
        <span style={{ display: "inline-block", maxWidth: 360, whiteSpace: "normal" }}>{r.text[lang]}</span>
      ),
    },
    { title: t("quota.clause"), dataIndex: "clause" },
  ]
  return (
    <>
      <EChart option={option} label={t("quota.chart")} height={80 + 60 * rows.length} testId="quota-chart" />
      <Table<QuotaRow>
        {...tableProps}
        data-testid="quota-table"
        rowKey="key"
        columns={columns}
        dataSource={[...rows]}
      />
    </>
  )
}
