import { formatDate, isUnauthenticated, langOf, useApi, useLanguage } from "@cadre/ui"
import { Empty, Flex, Typography } from "antd"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { type Load, useLoad } from "../../api/use-load"
import { AppShell } from "../../layout/app-shell"
import { useSession } from "../../session/session"
import { CohortFigures } from "./cohort-figures"
import { CoverageFigures } from "./coverage-figures"
import { latestPublished, quotaRows, recentYears, type SchemeSummary } from "./figures-data"
import { Picker, Section } from "./figures-frame"
import { OverdueFiguresView } from "./overdue-figures"
import { QuotaFigures } from "./quota-figures"
import { SummaryFigures } from "./summary-figures"
import { TermsEnding } from "./terms-ending"

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
  // The most overdue 200 (the whole list, paged, is the reports inbox's: 报告管理).
  const overdueReports = useLoad(
    () => api.reports.overdue.query({ ...area, limit: 200 }).then((p) => p.items),
    `${language}|${regionId}`,
  ).load
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

        <SummaryFigures coverage={coverage} cohort={cohort} overdueFigures={overdueFigures} terms={terms} />

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
