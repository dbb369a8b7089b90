import { formatDate, useLanguage } from "@cadre/ui"
import { Button, Flex, Tag, Typography } from "antd"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { type FindingFacts, openDisagreements, openFindings, reviewedFindings } from "./case-acts"
import { meanScore } from "./moves"
import type { ApplicationRow } from "./types"

const Section = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <div data-testid={testId} style={{ whiteSpace: "normal", minWidth: 0 }}>
    <Typography.Text strong>{title}</Typography.Text>
    <div style={{ margin: "4px 0 0" }}>{children}</div>
  </div>
)

const List = ({ children }: { children: ReactNode }) => (
  <ul style={{ margin: 0, paddingInlineStart: 20 }}>{children}</ul>
)

/**
 * The expanded row: why the application is where it is (reasons with clauses, waivers), and what each step
 * recorded — review, joint-review opinions, inspection, interview scores, decision, notice with its objections,
 * the post and the report-in.
 */
export const ApplicationRecords = ({
  row,
  postTitle,
  stageName = (id) => id,
  onResolveFinding,
  onOverrideOpinion,
}: {
  readonly row: ApplicationRow
  /** The post's title when the caller may read posts, else its id. */
  readonly postTitle: (id: string) => string
  /** A stage's name on the campaign's path, for the deadline overrides. */
  readonly stageName?: (stageId: string) => string
  /** Offered when the caller may resolve findings (ResolveFinding among the row's `yours`). */
  readonly onResolveFinding?: ((finding: FindingFacts, outcome: "confirmed" | "refused") => void) | undefined
  /** Offered when the caller speaks for the deciding body (OverrideOpinion among `yours`), at the joint review. */
  readonly onOverrideOpinion?: ((department: string) => void) | undefined
}) => {
  const { t } = useTranslation("admin")
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const date = (d: string) => formatDate(d, language)
  const app = row.application
  const r = app.records
  const waived = (app.verdict?.findings ?? []).filter((f) => f.status === "waived")
  const open = openFindings(app.verdict)
  const reviewed = reviewedFindings(app.verdict)
  const disagreeing = new Set(openDisagreements(r.joint_review))
  const sections: Array<ReactNode> = []

  if (open.length > 0)
    sections.push(
      <Section key="open" title={t("campaign.flow.openFindings")} testId="record-open-findings">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("campaign.flow.openFindingsNote")}
        </Typography.Text>
        <Flex vertical gap={6} style={{ marginTop: 4 }}>
          {open.map((f) => (
            <Flex key={f.ruleId} wrap gap={8} align="center" data-testid={`open-finding-${f.ruleId}`}>
              <span style={{ minWidth: 0, flex: "1 1 220px" }}>
                {f.label[lang]} <Tag>{`${f.citation.document} ${f.citation.clause}`}</Tag>
              </span>
              {onResolveFinding === undefined ? null : (
                <Flex gap={8}>
                  <Button
                    size="small"
                    autoInsertSpace={false}
                    onClick={() => onResolveFinding(f, "confirmed")}
                  >
                    {t("campaign.flow.confirmFinding")}
                  </Button>
                  <Button
                    size="small"
                    danger
                    autoInsertSpace={false}
                    onClick={() => onResolveFinding(f, "refused")}
                  >
                    {t("campaign.flow.refuseFinding")}
                  </Button>
                </Flex>
              )}
            </Flex>
          ))}
        </Flex>
      </Section>,
    )
  if (reviewed.length > 0)
    sections.push(
      <Section key="reviewed" title={t("campaign.flow.reviewedFindings")} testId="record-reviewed-findings">
        <List>
          {reviewed.map((f) => (
            <li key={f.ruleId} data-testid={`reviewed-finding-${f.ruleId}`}>
              {f.label[lang]}：
              <Tag color={f.review.outcome === "confirmed" ? "green" : "red"}>
                {f.review.outcome === "confirmed"
                  ? t("campaign.flow.confirmFinding")
                  : t("campaign.flow.refuseFinding")}
              </Tag>
              {t("campaign.flow.findingLine", {
                outcome: t("campaign.flow.findingReason"),
                reason: f.review.reason,
                date: date(f.review.date),
              })}
            </li>
          ))}
        </List>
      </Section>,
    )

  if (row.reasons.length > 0)
    sections.push(
      <Section key="reasons" title={t("campaign.reasons")} testId="record-reasons">
        <List>
          {row.reasons.map((reason) => (
            <li key={`${reason.clause ?? ""}${reason.text.zh}`}>
              {reason.text[lang]} {reason.clause === null ? null : <Tag>{reason.clause}</Tag>}
            </li>
          ))}
        </List>
      </Section>,
    )
  if (waived.length > 0)
    sections.push(
      <Section key="waivers" title={t("campaign.flow.waivers")} testId="record-waivers">
        <List>
          {waived.map((f) => (
            <li key={f.ruleId}>
              {f.label[lang]} <Tag color="gold">{t("campaign.flow.waivedTag")}</Tag>
              {f.waiver === undefined
                ? null
                : t("campaign.flow.waiverLine", {
                    reason: f.waiver.reason,
                    approver: f.waiver.approver,
                    date: date(f.waiver.approvedOn),
                  })}{" "}
              <Tag>{`${f.citation.document} ${f.citation.clause}`}</Tag>
            </li>
          ))}
        </List>
      </Section>,
    )
  if (r.qualification_review !== undefined)
    sections.push(
      <Section key="qr" title={t("campaign.flow.records.qualification_review")} testId="record-qualification">
        {r.qualification_review.reviewer} ·{" "}
        {r.qualification_review.passed ? t("campaign.flow.passed") : t("campaign.flow.notPassed")}
        {r.qualification_review.note === "" ? null : ` · ${r.qualification_review.note}`}
      </Section>,
    )
  if (r.joint_review !== undefined)
    sections.push(
      <Section key="jr" title={t("campaign.flow.records.joint_review")} testId="record-joint-review">
        <List>
          {r.joint_review.opinions.map((o) => {
            const override = r.joint_review?.overrides?.find((x) => x.department === o.department)
            return (
              <li key={o.department} data-testid={`opinion-${o.department}`}>
                {o.department}：
                <Tag color={o.agree ? "green" : "red"}>
                  {o.agree ? t("campaign.flow.agree") : t("campaign.flow.disagree")}
                </Tag>
                {o.note}
                {override === undefined ? null : (
                  <div>
                    <Tag color="blue">{t("campaign.flow.overriddenTag")}</Tag>
                    {t("campaign.flow.overriddenLine", {
                      body: t(`campaign.flow.bodies.${override.meeting.body}`),
                      date: date(override.date),
                      reason: override.reason,
                    })}
                    {override.meeting.reference === undefined ? "" : `（${override.meeting.reference}）`}
                  </div>
                )}
                {onOverrideOpinion !== undefined &&
                row.state === "joint_review" &&
                disagreeing.has(o.department) ? (
                  <div style={{ marginTop: 4 }}>
                    <Button
                      size="small"
                      autoInsertSpace={false}
                      onClick={() => onOverrideOpinion(o.department)}
                    >
                      {t("campaign.flow.overrideOpinion")}
                    </Button>
                  </div>
                ) : null}
              </li>
            )
          })}
        </List>
      </Section>,
    )
  if (r.inspection !== undefined)
    sections.push(
      <Section key="in" title={t("campaign.flow.records.inspection")} testId="record-inspection">
        <div>
          {t("campaign.flow.team")}：{r.inspection.team.join("、")} · {t("campaign.flow.inspectionDate")}：
          {date(r.inspection.date)}
        </div>
        <List>
          {(["politics", "ability", "service", "standing"] as const).map((f) => (
            <li key={f}>
              {t(`campaign.flow.findings.${f}`)}：{r.inspection?.findings[f] || "—"}
            </li>
          ))}
        </List>
      </Section>,
    )
  if (r.interview !== undefined)
    sections.push(
      <Section key="iv" title={t("campaign.flow.records.interview")} testId="record-interview">
        <Flex gap={8} wrap>
          {r.interview.scores.map((s, i) => (
            // Raters may repeat a name; the position keeps keys unique.
            <Tag key={`${i}-${s.rater}`}>
              {s.rater} {s.score}
            </Tag>
          ))}
          <span>{t("campaign.flow.mean", { score: meanScore(r.interview.scores) })}</span>
        </Flex>
      </Section>,
    )
  if (app.decision !== undefined)
    sections.push(
      <Section key="dec" title={t("campaign.flow.records.decision")} testId="record-decision">
        {t(`campaign.flow.bodies.${app.decision.meeting.body}`)}
        {app.decision.meeting.reference === undefined ? "" : `（${app.decision.meeting.reference}）`} ·{" "}
        {date(app.decision.date)} ·{" "}
        <Tag color={app.decision.outcome === "approved" ? "green" : "red"}>
          {t(`campaign.flow.outcomes.${app.decision.outcome}`)}
        </Tag>
      </Section>,
    )
  if (app.notice !== undefined) {
    const n = app.notice
    sections.push(
      <Section key="notice" title={t("campaign.flow.records.notice")} testId="record-notice">
        <div>
          {t("campaign.flow.noticeLine", {
            start: date(n.start),
            days: n.days,
            countFrom: t(`campaign.flow.countFromOptions.${n.countFrom}`),
            end: date(n.lastDay),
          })}
        </div>
        {n.objections.length === 0 ? (
          <Typography.Text type="secondary">{t("campaign.flow.noObjections")}</Typography.Text>
        ) : (
          <List>
            {n.objections.map((o) => (
              <li key={o.id} data-testid={`objection-${o.id}`}>
                {o.id}（{date(o.filedOn)}）：{o.summary}{" "}
                {o.resolution === undefined ? (
                  <Tag color="orange">{t("campaign.flow.objectionOpen")}</Tag>
                ) : (
                  <>
                    <Tag color={o.resolution.upheld ? "red" : "green"}>
                      {o.resolution.upheld ? t("campaign.flow.upheldYes") : t("campaign.flow.upheldNo")}
                    </Tag>
                    {t("campaign.flow.resolvedLine", {
                      finding: o.resolution.finding,
                      date: date(o.resolution.resolvedOn),
                    })}
                  </>
                )}
              </li>
            ))}
          </List>
        )}
      </Section>,
    )
  }
  if ((app.deadlineOverrides ?? []).length > 0)
    sections.push(
      <Section key="late" title={t("campaign.flow.deadlineOverrides")} testId="record-deadline-overrides">
        <List>
          {(app.deadlineOverrides ?? []).map((o) => (
            <li key={o.stageId}>
              {t("campaign.flow.deadlineOverrideLine", {
                stage: stageName(o.stageId),
                reason: o.reason,
                date: date(o.on),
              })}
            </li>
          ))}
        </List>
      </Section>,
    )
  if (app.postId !== undefined)
    sections.push(
      <Section key="post" title={t("campaign.flow.records.appointment")} testId="record-appointment">
        {t("campaign.flow.appointedLine", {
          post: postTitle(app.postId),
          date: app.appointedOn === undefined ? "—" : date(app.appointedOn),
        })}
        {app.reportedInOn === undefined
          ? null
          : ` · ${t("campaign.flow.reportedLine", { date: date(app.reportedInOn) })}`}
      </Section>,
    )

  return sections.length === 0 ? (
    <Typography.Text type="secondary">{t("campaign.noReasons")}</Typography.Text>
  ) : (
    <Flex vertical gap={8}>
      {sections}
    </Flex>
  )
}
