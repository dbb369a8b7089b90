import { Card, Col, Row, Spin, Statistic, Typography } from "antd"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import type { Load } from "../../api/use-load"
import type { Cohort, Coverage, OverdueFigures, Share, TermEnding } from "./figures-data"

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

/** 概况: the headline figures of each load that has arrived, with a spinner while any is still on its way. */
export const SummaryFigures = ({
  coverage,
  cohort,
  overdueFigures,
  terms,
}: {
  readonly coverage: Load<Coverage>
  readonly cohort: Load<Cohort>
  readonly overdueFigures: Load<OverdueFigures>
  readonly terms: Load<ReadonlyArray<TermEnding>>
}) => {
  const { t } = useTranslation("figures")
  return (
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
                <Figure id="promoted" title={t("summary.promoted")} share={cohort.data.outcomes.promoted} />
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
  )
}
