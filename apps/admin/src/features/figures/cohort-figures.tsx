import { langOf } from "@cadre/ui"
import { Col, Empty, Row, Table, type TableColumnsType, Typography } from "antd"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { EChart } from "./echart"
import {
  type Cohort,
  type CountRow,
  type DecadeRow,
  decadeRows,
  decadesOption,
  educationOption,
  educationRows,
  type RankRow,
  rankOption,
  rankRows,
  shareText,
} from "./figures-data"
import { Subtitle, tableProps } from "./figures-frame"

/** 选派干部构成: the cohort by birth decade, education and rank, each a chart with its table. */
export const CohortFigures = ({ cohort }: { readonly cohort: Cohort }) => {
  const { t, i18n } = useTranslation("figures")
  const lang = langOf(i18n.language === "en" ? "en" : "zh-CN")
  const decades = decadeRows(cohort)
  const education = educationRows(cohort)
  const ranks = rankRows(cohort)
  const levelLabel = (k: string) =>
    k === "unknown" ? t("cohort.unknownEducation") : t(`cohort.educationLevels.${k}`)
  const rankLabel = (k: RankRow["key"]) =>
    k === "unranked" ? t("cohort.unranked") : t(`cohort.rankLevels.${k}`)
  const decadeLabel = (d: number) => t("cohort.decadeLabel", { decade: d })
  const options = useMemo(
    () => ({
      decades: decadesOption(decades, { decade: decadeLabel, count: t("cohort.count") }),
      education: educationOption(education, { level: levelLabel, count: t("cohort.count") }),
      ranks: rankOption(ranks, {
        rank: rankLabel,
        leading: t("cohort.leading"),
        nonLeading: t("cohort.nonLeading"),
        unranked: t("cohort.unranked"),
      }),
    }),
    // The labels follow `t`; the rows follow the cohort.
    [cohort, t],
  )
  if (cohort.count === 0) return <Empty description={t("cohort.empty")} />
  const decadeColumns: TableColumnsType<DecadeRow> = [
    { title: t("cohort.decade"), dataIndex: "decade", render: decadeLabel },
    { title: t("cohort.count"), dataIndex: "count", align: "right" },
    {
      title: t("cohort.fromDecadeOn"),
      render: (_, r) => shareText(r.fromThisDecadeOn, lang),
      align: "right",
    },
  ]
  const educationColumns: TableColumnsType<CountRow<string>> = [
    { title: t("cohort.level"), dataIndex: "key", render: levelLabel },
    { title: t("cohort.count"), dataIndex: "count", align: "right" },
  ]
  const rankColumns: TableColumnsType<RankRow> = [
    { title: t("cohort.rank"), dataIndex: "key", render: rankLabel },
    {
      title: t("cohort.leading"),
      render: (_, r) => (r.key === "unranked" ? "—" : r.leading),
      align: "right",
    },
    {
      title: t("cohort.nonLeading"),
      render: (_, r) => (r.key === "unranked" ? "—" : r.nonLeading),
      align: "right",
    },
    { title: t("cohort.count"), dataIndex: "total", align: "right" },
  ]
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8} style={{ minWidth: 0 }}>
        <Subtitle>{t("cohort.decades")}</Subtitle>
        <EChart option={options.decades} label={t("cohort.decadesChart")} testId="decades-chart" />
        <Table<DecadeRow>
          {...tableProps}
          data-testid="decades-table"
          rowKey="decade"
          columns={decadeColumns}
          dataSource={[...decades]}
        />
      </Col>
      <Col xs={24} lg={8} style={{ minWidth: 0 }}>
        <Subtitle>{t("cohort.education")}</Subtitle>
        <EChart option={options.education} label={t("cohort.educationChart")} testId="education-chart" />
        <Table<CountRow<string>>
          {...tableProps}
          data-testid="education-table"
          rowKey="key"
          columns={educationColumns}
          dataSource={[...education]}
        />
      </Col>
      <Col xs={24} lg={8} style={{ minWidth: 0 }}>
        <Subtitle>{t("cohort.ranks")}</Subtitle>
        <EChart option={options.ranks} label={t("cohort.ranksChart")} testId="ranks-chart" />
        <Table<RankRow>
          {...tableProps}
          data-testid="ranks-table"
          rowKey="key"
          columns={rankColumns}
          dataSource={[...ranks]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="deputy-division-leading">
          {t("cohort.leadingDeputyDivision")}：{shareText(cohort.deputyDivisionOrAbove.leading, lang)}
        </Typography.Paragraph>
      </Col>
    </Row>
  )
}
