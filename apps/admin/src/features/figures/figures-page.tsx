import {
  formatDate,
  isUnauthenticated,
  langOf,
  ProblemAlert,
  problemOf,
  useApi,
  useLanguage,
} from "@cadre/ui"
import {
  Alert,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Select,
  Spin,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd"
import { type ReactNode, useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { type Load, useLoad } from "../../api/use-load"
import { AppShell } from "../../layout/app-shell"
import { Link } from "../../routes/navigation"
import { useSession } from "../../session/session"
import { EChart } from "./echart"
import {
  type Cohort,
  type CountRow,
  type Coverage,
  type CoverageRow,
  coverageOption,
  coverageRows,
  type DecadeRow,
  decadeRows,
  decadesOption,
  educationOption,
  educationRows,
  latestPublished,
  type OverdueFigures,
  type OverdueReport,
  type QuotaRow,
  quotaOption,
  quotaRows,
  type RankRow,
  rankOption,
  rankRows,
  recentYears,
  type SchemeSummary,
  type Share,
  shareText,
  type TermEnding,
} from "./figures-data"

const placementHref = (id: string) => `/placements/${encodeURIComponent(id)}`

/** A section's frame: its title and filters, then a spinner, the server's explanation, or the figures. */
const Section = <T,>({
  title,
  extra,
  note,
  load,
  testId,
  children,
}: {
  readonly title: string
  readonly extra?: ReactNode
  readonly note?: string
  readonly load: Load<T>
  readonly testId: string
  readonly children: (data: T) => ReactNode
}) => {
  return (
    <Card
      title={<span style={{ whiteSpace: "normal" }}>{title}</span>}
      data-testid={testId}
      styles={{ body: { minWidth: 0 } }}
    >
      <Flex vertical gap={12} style={{ minWidth: 0 }}>
        {extra === undefined ? null : (
          <Flex wrap gap={12} align="center">
            {extra}
          </Flex>
        )}
        {note === undefined ? null : <Typography.Text type="secondary">{note}</Typography.Text>}
        {load.state === "loading" ? (
          <Spin />
        ) : load.state === "failed" ? (
          <ProblemAlert problem={problemOf(load.error)} />
        ) : (
          children(load.data)
        )}
      </Flex>
    </Card>
  )
}

/** A labelled picker that wraps to its own line on a phone. */
const Picker = ({
  label,
  value,
  options,
  onChange,
  testId,
  width = 220,
}: {
  readonly label: string
  readonly value: string
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>
  readonly onChange: (value: string) => void
  readonly testId: string
  readonly width?: number
}) => (
  <Flex wrap align="center" gap={8} style={{ minWidth: 0, maxWidth: "100%" }}>
    <Typography.Text>{label}</Typography.Text>
    <Select
      aria-label={label}
      data-testid={testId}
      value={value}
      options={[...options]}
      onChange={onChange}
      style={{ width, maxWidth: "100%" }}
      popupMatchSelectWidth={false}
    />
  </Flex>
)

/** A summary figure; a share always shows its numerator/denominator under the percentage. */
const Figure = ({
  id,
  title,
  value,
  share,
  detail,
}: {
  readonly id: string
  readonly title: string
  readonly value?: ReactNode
  readonly share?: Share
  readonly detail?: string
}) => {
  const { t } = useTranslation("figures")
  return (
    <Col xs={12} sm={8} lg={6}>
      <Card size="small" style={{ height: "100%" }} data-testid={`figure-${id}`}>
        <Statistic
          title={title}
          value={share?.percent ?? (value as string | number | undefined) ?? t("summary.none")}
        />
        {share === undefined ? null : (
          <Typography.Text type="secondary" data-testid={`figure-${id}-ratio`}>
            {t("ratio", { count: share.count, of: share.of })}
          </Typography.Text>
        )}
        {detail === undefined ? null : <Typography.Text type="secondary">{detail}</Typography.Text>}
      </Card>
    </Col>
  )
}

const tableProps = { size: "small", pagination: false, scroll: { x: "max-content" } } as const

const CoverageFigures = ({ coverage }: { readonly coverage: Coverage }) => {
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

const Subtitle = ({ children }: { readonly children: ReactNode }) => (
  <Typography.Title level={3} style={{ fontSize: 16, margin: "8px 0 0" }}>
    {children}
  </Typography.Title>
)

const CohortFigures = ({ cohort }: { readonly cohort: Cohort }) => {
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

const QuotaFigures = ({ rows }: { readonly rows: ReadonlyArray<QuotaRow> }) => {
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

const OverdueFiguresView = ({
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

const TermsEnding = ({ terms }: { readonly terms: ReadonlyArray<TermEnding> }) => {
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

/** The two loads of the overdue section as one. */
const both = <A, B>(a: Load<A>, b: Load<B>): Load<readonly [A, B]> =>
  a.state === "failed"
    ? a
    : b.state === "failed"
      ? b
      : a.state === "done" && b.state === "done"
        ? { state: "done", data: [a.data, b.data] }
        : { state: "loading" }

const schemeKey = (s: Pick<SchemeSummary, "schemeId" | "version">) => `${s.schemeId}@${s.version}`

/** 统计分析: the org dept's figures for the caller's scope, each chart with a table of the same numbers. */
export const FiguresPage = () => {
  const { t } = useTranslation("figures")
  const api = useApi()
  const language = useLanguage()
  const lang = langOf(language)
  const { expired } = useSession()
  const thisYear = new Date().getFullYear()
  const [scheme, setScheme] = useState("")
  const [regionId, setRegionId] = useState("")
  const [startYear, setStartYear] = useState("")
  const [quotaYear, setQuotaYear] = useState(String(thisYear))

  const schemes = useLoad(() => api.schemes.list.query({ status: "published" }), language).load
  const regions = useLoad(() => api.regions.tree.query({}), language).load
  const published = schemes.state === "done" ? latestPublished(schemes.data) : []
  const chosen = published.find((s) => schemeKey(s) === scheme)
  const schemeId = chosen?.schemeId

  const coverage = useLoad(
    () =>
      api.figures.coverage.query({
        ...(regionId === "" ? {} : { regionId }),
        ...(schemeId === undefined ? {} : { schemeId }),
      }),
    `${language}|${regionId}|${schemeId ?? ""}`,
  ).load
  const cohort = useLoad(
    () =>
      api.figures.cohort.query({
        ...(regionId === "" ? {} : { regionId }),
        ...(schemeId === undefined ? {} : { schemeId }),
        ...(startYear === "" ? {} : { startedFrom: `${startYear}-01-01`, startedTo: `${startYear}-12-31` }),
      }),
    `${language}|${regionId}|${schemeId ?? ""}|${startYear}`,
  ).load
  // Quotas belong to a scheme version: the chosen one, or every published scheme in scope.
  const quotaSchemes = chosen === undefined ? published : [chosen]
  const quotas = useLoad(
    async () =>
      // Until the schemes are known there is nothing to ask; stay loading rather than show "no quotas".
      schemes.state !== "done"
        ? new Promise<never>(() => {})
        : quotaRows(
            await Promise.all(
              quotaSchemes.map(async (s) => ({
                scheme: s,
                records: await api.figures.quotaUse.query({
                  schemeId: s.schemeId,
                  schemeVersion: s.version,
                  year: Number(quotaYear),
                }),
              })),
            ),
          ),
    `${language}|${schemes.state}|${quotaSchemes.map(schemeKey).join(",")}|${quotaYear}`,
  ).load
  // Every figure that has an area narrows with the area chosen (quota use is per scheme, not per area).
  const area = regionId === "" ? {} : { regionId }
  const overdueFigures = useLoad(() => api.figures.overdue.query(area), `${language}|${regionId}`).load
  const overdueReports = useLoad(() => api.reports.overdue.query(area), `${language}|${regionId}`).load
  const terms = useLoad(() => api.figures.termsEnding.query(area), `${language}|${regionId}`).load

  const loads: ReadonlyArray<Load<unknown>> = [
    schemes,
    regions,
    coverage,
    cohort,
    quotas,
    overdueFigures,
    terms,
  ]
  const failedAuth = loads.some((l) => l.state === "failed" && isUnauthenticated(l.error))
  useEffect(() => {
    if (failedAuth) expired()
  }, [failedAuth, expired])

  const years = recentYears(thisYear)
  const yearOptions = years.map((y) => ({ value: String(y), label: t("filters.year", { year: y }) }))
  const schemeOptions = [
    { value: "", label: t("filters.allSchemes") },
    ...published.map((s) => ({
      value: schemeKey(s),
      label: t("filters.schemeVersion", { name: s.name[lang], version: s.version }),
    })),
  ]
  const regionOptions = [
    { value: "", label: t("filters.wholeScope") },
    ...(regions.state === "done"
      ? regions.data
          .filter((r) => r.level !== "village" && r.level !== "community" && r.status === "active")
          .map((r) => ({ value: r.id, label: r.name }))
      : []),
  ]
  const overdue = both(overdueFigures, overdueReports)
  const on =
    coverage.state === "done" ? coverage.data.on : cohort.state === "done" ? cohort.data.on : undefined

  return (
    <AppShell title={t("title")}>
      <Flex vertical gap={16} style={{ minWidth: 0 }}>
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
            {t("title")}
          </Typography.Title>
          {on === undefined ? null : (
            <Typography.Text strong data-testid="figures-on">
              {t("asOf", { date: formatDate(on, language) })}
            </Typography.Text>
          )}
          <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0" }}>
            {t("intro")}
          </Typography.Paragraph>
        </div>
        <Flex wrap gap={12}>
          <Picker
            label={t("filters.scheme")}
            value={scheme}
            options={schemeOptions}
            onChange={setScheme}
            testId="scheme-filter"
            width={320}
          />
          <Picker
            label={t("filters.region")}
            value={regionId}
            options={regionOptions}
            onChange={setRegionId}
            testId="region-filter"
          />
        </Flex>

        <Card title={t("summary.title")} data-testid="summary">
          <Row gutter={[12, 12]}>
            {coverage.state === "done" ? (
              <>
                <Figure id="coverage" title={t("summary.coverage")} share={coverage.data.all.covered} />
                <Figure id="uncovered" title={t("summary.uncovered")} value={coverage.data.all.uncovered} />
              </>
            ) : null}
            {cohort.state === "done" ? (
              <>
                <Figure id="cohort" title={t("summary.cohort")} value={cohort.data.count} />
                {cohort.data.count === 0 ? null : (
                  <>
                    <Figure id="party" title={t("summary.partyMembers")} share={cohort.data.partyMembers} />
                    <Figure id="reserves" title={t("summary.reserves")} share={cohort.data.reserves} />
                    <Figure
                      id="deputy-division"
                      title={t("summary.deputyDivision")}
                      share={cohort.data.deputyDivisionOrAbove.all}
                    />
                    <Figure
                      id="junior-college"
                      title={t("summary.juniorCollege")}
                      share={cohort.data.education.juniorCollegeOrAbove}
                    />
                    <Figure
                      id="bachelor"
                      title={t("summary.bachelor")}
                      share={cohort.data.education.bachelorOrAbove}
                    />
                    <Figure
                      id="postgraduate"
                      title={t("summary.postgraduate")}
                      share={cohort.data.education.postgraduate}
                    />
                    <Figure
                      id="youngest"
                      title={t("summary.youngest")}
                      value={
                        cohort.data.youngest === undefined
                          ? undefined
                          : t("summary.youngestValue", { year: cohort.data.youngest.birthYear })
                      }
                    />
                    <Figure
                      id="average-age"
                      title={t("summary.averageAge")}
                      value={cohort.data.averageAge?.display}
                      {...(cohort.data.averageAge === undefined ? {} : { detail: t("summary.ageUnit") })}
                    />
                    <Figure
                      id="promoted"
                      title={t("summary.promoted")}
                      share={cohort.data.outcomes.promoted}
                    />
                    <Figure
                      id="moved"
                      title={t("summary.movedToKeyPost")}
                      share={cohort.data.outcomes.movedToKeyPost}
                    />
                    <Figure id="either" title={t("summary.either")} share={cohort.data.outcomes.either} />
                  </>
                )}
              </>
            ) : null}
            {overdueFigures.state === "done" ? (
              <Figure id="overdue" title={t("summary.overdue")} value={overdueFigures.data.total} />
            ) : null}
            {terms.state === "done" ? (
              <Figure id="terms" title={t("summary.termsEnding")} value={terms.data.length} />
            ) : null}
          </Row>
          {[coverage, cohort, overdueFigures, terms].some((l) => l.state === "loading") ? <Spin /> : null}
        </Card>

        <Section title={t("coverage.title")} note={t("coverage.note")} load={coverage} testId="coverage">
          {(c) => <CoverageFigures coverage={c} />}
        </Section>

        <Section
          title={t("cohort.title")}
          note={t("cohort.note")}
          load={cohort}
          testId="cohort"
          extra={
            <Picker
              label={t("filters.startYear")}
              value={startYear}
              options={[{ value: "", label: t("filters.allYears") }, ...yearOptions]}
              onChange={setStartYear}
              testId="start-year-filter"
              width={140}
            />
          }
        >
          {(c) => <CohortFigures cohort={c} />}
        </Section>

        <Section
          title={t("quota.title")}
          note={t("quota.note")}
          load={schemes.state === "failed" ? schemes : quotas}
          testId="quota"
          extra={
            <Picker
              label={t("filters.quotaYear")}
              value={quotaYear}
              options={yearOptions}
              onChange={setQuotaYear}
              testId="quota-year-filter"
              width={140}
            />
          }
        >
          {(rows) =>
            schemes.state === "done" && published.length === 0 ? (
              <Empty description={t("quota.noSchemes")} />
            ) : (
              <QuotaFigures rows={rows} />
            )
          }
        </Section>

        <Section title={t("overdue.title")} load={overdue} testId="overdue">
          {([figures, reports]) => <OverdueFiguresView figures={figures} reports={reports} />}
        </Section>

        <Section title={t("terms.title")} note={t("terms.note")} load={terms} testId="terms">
          {(rows) => <TermsEnding terms={rows} />}
        </Section>
      </Flex>
    </AppShell>
  )
}
