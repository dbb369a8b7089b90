import { formatDate, pick, type Problem, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import { Button, Card, Empty, Flex, Spin, Tag, Typography } from "antd"
import { type ReactNode, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { onLinkClick } from "../../routes/navigation"
import { PROGRAMMES_PATH, programmePath, selfCheckPath } from "../../routes/paths"
import { useSession } from "../../session/session"
import { clauseWords, type PublicDetail, type PublicSummary, regionWords, whenWords } from "./programme-words"

/**
 * Public pages (issue 17 item 1), no account needed: the programmes open to individual applications
 * (`campaigns.publicList`), and one programme's page (`campaigns.publicGet`) stating every condition in the
 * scheme's own words with its document and clause, the timetable and the documents — read before registering.
 * Laid out as GOV.UK's summary lists: a term above its value, so nothing needs a wide screen.
 */

export { PROGRAMMES_PATH, programmeIdOf, programmePath } from "../../routes/paths"

/** A term and its value, one above the other (a summary list row). */
const Row = ({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) => (
  <div style={{ padding: "8px 0", borderBottom: "1px solid #f0f0f0" }} data-testid={testId}>
    <dt style={{ fontWeight: 600, marginBottom: 2 }}>{term}</dt>
    <dd style={{ margin: 0, overflowWrap: "anywhere" }}>{children}</dd>
  </div>
)

const useTitle = (title: string | undefined) =>
  useEffect(() => {
    if (title !== undefined) document.title = title
  }, [title])

/** 正在报名的选派项目: every open programme taking individual applications, for anyone. */
export const ProgrammesPage = () => {
  const { t } = useTranslation("portal")
  const language = useLanguage()
  const api = useApi()
  const [rows, setRows] = useState<ReadonlyArray<PublicSummary> | undefined>(undefined)
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  useTitle(t("programmes.title"))
  useEffect(() => {
    api.campaigns.publicList
      .query()
      .then(setRows)
      .catch((error: unknown) => setProblem(problemOf(error)))
  }, [api])
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 8 }}>
          {t("programmes.title")}
        </Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t("programmes.intro")}</Typography.Paragraph>
      </div>
      <ProblemAlert problem={problem} requestId="always" />
      {rows === undefined ? (
        problem === undefined ? (
          <Spin />
        ) : null
      ) : rows.length === 0 ? (
        <Empty description={t("programmes.empty")} />
      ) : (
        rows.map((p) => (
          <Card key={p.id} size="small" data-testid={`programme-${p.id}`}>
            <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
              <a href={programmePath(p.id)} onClick={onLinkClick(programmePath(p.id))}>
                {p.name}
              </a>
            </Typography.Title>
            <dl style={{ margin: "8px 0 0" }}>
              <Row term={t("programmes.region")}>{regionWords(p)}</Row>
              <Row term={t("programmes.programme")}>{pick(p.programme, language)}</Row>
              <Row term={t("programmes.places")}>{t("programmes.placesCount", { count: p.places })}</Row>
              <Row term={t("programmes.deadline")} testId="deadline">
                {whenWords(p.deadline, t, language)}
              </Row>
            </dl>
          </Card>
        ))
      )}
    </Flex>
  )
}

/** One programme: its conditions with their clauses, the timetable, the documents, and how to apply. */
export const ProgrammePage = ({ id }: { readonly id: string }) => {
  const { t } = useTranslation("portal")
  const language = useLanguage()
  const api = useApi()
  const { session } = useSession()
  const [p, setP] = useState<PublicDetail | undefined>(undefined)
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  useTitle(p?.name)
  useEffect(() => {
    setP(undefined)
    setProblem(undefined)
    api.campaigns.publicGet
      .query({ id })
      .then(setP)
      .catch((error: unknown) => setProblem(problemOf(error)))
  }, [api, id])
  const back = (
    <Typography.Link href={PROGRAMMES_PATH} onClick={onLinkClick(PROGRAMMES_PATH)}>
      {t("programmes.back")}
    </Typography.Link>
  )
  if (p === undefined)
    return (
      <Flex vertical gap={16}>
        {back}
        <ProblemAlert problem={problem} requestId="always" />
        {problem === undefined ? <Spin /> : null}
      </Flex>
    )
  const signedIn = session.status === "signedIn"
  return (
    <Flex vertical gap={20}>
      {back}
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 8 }}>
          {p.name}
        </Typography.Title>
        <dl style={{ margin: 0 }}>
          <Row term={t("programmes.region")}>{regionWords(p)}</Row>
          <Row term={t("programmes.programme")}>{pick(p.programme, language)}</Row>
          <Row term={t("programmes.places")}>{t("programmes.placesCount", { count: p.places })}</Row>
          <Row term={t("programmes.deadline")} testId="deadline">
            {whenWords(p.deadline, t, language)}
            {p.deadline === null ? null : (
              <div>
                <Typography.Text type="secondary">
                  {clauseWords(p.deadline.citation, t, language)}
                </Typography.Text>
              </div>
            )}
          </Row>
          <Row term={t("programmes.referenceDate")}>{formatDate(p.referenceDate, language)}</Row>
        </dl>
      </div>

      <Button size="large" block href={selfCheckPath(p.id)} onClick={onLinkClick(selfCheckPath(p.id))}>
        {t("selfCheck.start")}
      </Button>

      <section aria-labelledby="conditions-title" data-testid="conditions">
        <Typography.Title level={2} id="conditions-title" style={{ fontSize: 19 }}>
          {t("programmes.conditions")}
        </Typography.Title>
        <Typography.Paragraph>{t("programmes.conditionsIntro")}</Typography.Paragraph>
        {p.conditions.length === 0 ? (
          <Typography.Paragraph>{t("programmes.noConditions")}</Typography.Paragraph>
        ) : (
          <ol style={{ paddingInlineStart: 20, margin: 0 }}>
            {p.conditions.map((c) => (
              <li key={c.id} style={{ marginBottom: 12 }} data-testid={`condition-${c.id}`}>
                <div>
                  {c.kind === "exclusion" ? <Tag color="red">{t("programmes.exclusion")}</Tag> : null}
                  <Typography.Text strong>{pick(c.text, language)}</Typography.Text>
                </div>
                <div data-testid="clause">
                  <Typography.Text type="secondary">{clauseWords(c.citation, t, language)}</Typography.Text>
                </div>
                {c.citation.quote === null ? null : (
                  <blockquote
                    style={{
                      margin: "4px 0 0",
                      paddingInlineStart: 10,
                      borderInlineStart: "3px solid #d9d9d9",
                    }}
                  >
                    {t("programmes.quote", { quote: c.citation.quote })}
                  </blockquote>
                )}
                {c.waivable ? (
                  <Typography.Text type="secondary">{t("programmes.waivable")}</Typography.Text>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="timetable-title" data-testid="timetable">
        <Typography.Title level={2} id="timetable-title" style={{ fontSize: 19 }}>
          {t("programmes.timetable")}
        </Typography.Title>
        {p.timetable.length === 0 ? (
          <Typography.Paragraph>{t("programmes.noTimetable")}</Typography.Paragraph>
        ) : (
          <dl style={{ margin: 0 }}>
            {p.timetable.map((e) => (
              <Row key={e.stageId} term={pick(e.label, language)}>
                {whenWords(e, t, language)}
                <div>
                  <Typography.Text type="secondary">{clauseWords(e.citation, t, language)}</Typography.Text>
                </div>
              </Row>
            ))}
          </dl>
        )}
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {t("programmes.notice", { count: p.noticeDays })}
        </Typography.Paragraph>
      </section>

      <section aria-labelledby="documents-title" data-testid="documents">
        <Typography.Title level={2} id="documents-title" style={{ fontSize: 19 }}>
          {t("programmes.documents")}
        </Typography.Title>
        <ul style={{ paddingInlineStart: 20, margin: 0 }}>
          {p.documents.map((d) => (
            <li key={`${pick(d.title, language)}${d.number ?? ""}`} style={{ marginBottom: 8 }}>
              <div>{t("programmes.documentTitle", { title: pick(d.title, language) })}</div>
              <Typography.Text type="secondary">
                {[d.issuer, d.number, d.issuedOn === null ? null : formatDate(d.issuedOn, language)]
                  .filter((x): x is string => x !== null && x.trim() !== "")
                  .join(" · ")}
              </Typography.Text>
            </li>
          ))}
        </ul>
      </section>

      <Card size="small" title={t("programmes.howToApply")}>
        <Typography.Paragraph>
          {t(signedIn ? "programmes.applySignedIn" : "programmes.applyText")}
        </Typography.Paragraph>
        {signedIn ? (
          <Button type="primary" block href="/campaigns" onClick={onLinkClick("/campaigns")}>
            {t("programmes.goApply")}
          </Button>
        ) : (
          <Flex gap={12} wrap>
            <Button type="primary" href="/register" onClick={onLinkClick("/register")} style={{ flex: 1 }}>
              {t("register")}
            </Button>
            <Button href="/sign-in" onClick={onLinkClick("/sign-in")} style={{ flex: 1 }}>
              {t("signIn")}
            </Button>
          </Flex>
        )}
      </Card>
    </Flex>
  )
}
