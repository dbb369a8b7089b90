import { formatDate } from "@cadre/ui"
import { Empty, Table, type TableColumnsType } from "antd"
import { useTranslation } from "react-i18next"
import { Link } from "../../routes/navigation"
import type { TermEnding } from "./figures-data"
import { placementHref, tableProps } from "./figures-frame"

/** 90天内任期届满: the placements whose term ends soon, each linked to its page. */
export const TermsEnding = ({ terms }: { readonly terms: ReadonlyArray<TermEnding> }) => {
  const { t, i18n } = useTranslation("figures")
  const language = i18n.language === "en" ? "en" : "zh-CN"
  if (terms.length === 0) return <Empty description={t("terms.empty")} />
  const columns: TableColumnsType<TermEnding> = [
    {
      title: t("terms.person"),
      render: (_, r) => <Link href={placementHref(r.placementId)}>{r.personName}</Link>,
    },
    { title: t("terms.post"), dataIndex: "postTitle" },
    { title: t("terms.region"), dataIndex: "regionName" },
    { title: t("terms.endsOn"), render: (_, r) => formatDate(r.endsOn, language) },
    { title: t("terms.daysLeft"), dataIndex: "daysLeft", align: "right" },
    {
      title: t("terms.state"),
      render: (_, r) => t(`terms.states.${r.state}`, { defaultValue: r.state }),
    },
  ]
  return (
    <Table<TermEnding>
      {...tableProps}
      data-testid="terms-table"
      rowKey="placementId"
      columns={columns}
      dataSource={[...terms]}
    />
  )
}
