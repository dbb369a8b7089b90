import type { RouterInputs, RouterOutputs } from "@cadre/client"
import { formatDate, pick, type Problem, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Select, Spin, Typography } from "antd"
import { readPublicScreen, readSelfCheckAnswers, selfCheck } from "@cadre/domain/selfcheck"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { onLinkClick } from "../../routes/navigation"
import { programmePath } from "../../routes/paths"
import { clauseWords, type PublicDetail } from "./programme-words"

/**
 * 报名前自查 (issue 17 item 2): only the questions the programme's rules need (publicGet's `selfCheck`), answered
 * without an account and stored nowhere. The kernel's verdict runs here in the browser, over the rules publicGet
 * ships (`screen`), with the same function `campaigns.publicCheck` runs on the server (a router test holds the two
 * equal); answers the browser cannot decode go to the server, which places its refusal. An ineligible visitor
 * gets an exit page naming each condition that fails, what the kernel saw and the rule's own text with its clause;
 * rules a reviewer decides, and those left unanswered, are listed apart from failures.
 */

type Answers = RouterInputs["campaigns"]["publicCheck"]["answers"]
type Result = RouterOutputs["campaigns"]["publicCheck"]
type Row = Result["failed"][number]

export { selfCheckIdOf, selfCheckPath } from "../../routes/paths"

interface Values {
  readonly birthDate?: string
  readonly party?: "NotMember" | "Probationary" | "Full"
  readonly joined?: string
  readonly fullMemberSince?: string
  readonly educationLevel?: string
  readonly fullTime?: boolean
  readonly employment?: string
  readonly rank?: string
}

const NO_RANK = "none"

/** The form's values as the procedure's answers; a question left blank is left out. */
export const answersOf = (v: Values): Answers => {
  const party =
    v.party === "NotMember"
      ? { _tag: "NotMember" as const }
      : v.party === "Probationary" && v.joined
        ? { _tag: "Probationary" as const, joined: v.joined }
        : v.party === "Full" && v.joined && v.fullMemberSince
          ? { _tag: "Full" as const, joined: v.joined, fullMemberSince: v.fullMemberSince }
          : undefined
  return {
    ...(v.birthDate ? { birthDate: v.birthDate } : {}),
    ...(party === undefined ? {} : { party }),
    ...(v.educationLevel
      ? {
          education: { level: v.educationLevel, fullTime: v.fullTime === true } as NonNullable<
            Answers["education"]
          >,
        }
      : {}),
    ...(v.employment ? { employment: v.employment as NonNullable<Answers["employment"]> } : {}),
    ...(v.rank ? { rank: v.rank === NO_RANK ? null : (v.rank as NonNullable<Answers["rank"]>) } : {}),
  } as Answers
}

const RuleList = ({
  rows,
  testId,
  showSeen,
}: {
  rows: ReadonlyArray<Row>
  testId: string
  showSeen: boolean
}) => {
  const { t } = useTranslation("portal")
  const language = useLanguage()
  return (
    <ul style={{ paddingInlineStart: 20, margin: 0 }} data-testid={testId}>
      {rows.map((r) => (
        <li key={r.ruleId} style={{ marginBottom: 10 }} data-testid={`${testId}-${r.ruleId}`}>
          <Typography.Text strong>{pick(r.text, language)}</Typography.Text>
          {showSeen && r.message !== null ? (
            <div data-testid="seen">{t("selfCheck.seen", { message: pick(r.message, language) })}</div>
          ) : null}
          <div data-testid="clause">
            <Typography.Text type="secondary">{clauseWords(r.citation, t, language)}</Typography.Text>
          </div>
          {showSeen && r.waivable ? (
            <Typography.Text type="secondary">{t("programmes.waivable")}</Typography.Text>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export const SelfCheckPage = ({ id }: { readonly id: string }) => {
  const { t } = useTranslation("portal")
  const language = useLanguage()
  const api = useApi()
  const [form] = Form.useForm<Values>()
  const party = Form.useWatch("party", form)
  const [p, setP] = useState<PublicDetail | undefined>(undefined)
  const [result, setResult] = useState<Result | undefined>(undefined)
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    document.title = t("selfCheck.title")
  }, [t])
  useEffect(() => {
    api.campaigns.publicGet
      .query({ id })
      .then(setP)
      .catch((error: unknown) => setProblem(problemOf(error)))
  }, [api, id])

  // The shipped rules, decoded once; undefined until publicGet answers (or if the server sent what we cannot read).
  const screen = useMemo(() => (p === undefined ? undefined : readPublicScreen(p.screen)), [p])

  /** The verdict in the browser, or undefined when the answers or the rules do not decode here. */
  const checkHere = (v: Values): Result | undefined => {
    const answers = readSelfCheckAnswers(answersOf(v))
    if (p === undefined || screen === undefined || answers === undefined) return undefined
    const here = selfCheck(screen, answers, p.referenceDate as never)
    return { id, name: p.name, referenceDate: p.referenceDate, ...here } as Result
  }

  const check = async (v: Values) => {
    setBusy(true)
    setProblem(undefined)
    try {
      setResult(checkHere(v) ?? (await api.campaigns.publicCheck.query({ id, answers: answersOf(v) })))
      window.scrollTo?.(0, 0)
    } catch (error) {
      setProblem(problemOf(error))
    } finally {
      setBusy(false)
    }
  }

  const back = (
    <Typography.Link href={programmePath(id)} onClick={onLinkClick(programmePath(id))}>
      {t("selfCheck.back")}
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

  if (result !== undefined) {
    const ineligible = result.outcome === "ineligible"
    return (
      <Flex vertical gap={16} data-testid="self-check-result" data-outcome={result.outcome}>
        {back}
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t(ineligible ? "selfCheck.ineligibleTitle" : "selfCheck.passTitle")}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t(ineligible ? "selfCheck.ineligibleText" : "selfCheck.passText", {
            name: p.name,
            date: formatDate(result.referenceDate, language),
          })}
        </Typography.Paragraph>
        {result.failed.length > 0 ? (
          <Card size="small" title={t("selfCheck.failed")}>
            <RuleList rows={result.failed} testId="failed" showSeen />
          </Card>
        ) : null}
        {result.review.length > 0 ? (
          <Card size="small" title={t("selfCheck.review")}>
            <Typography.Paragraph type="secondary">{t("selfCheck.reviewText")}</Typography.Paragraph>
            <RuleList rows={result.review} testId="review" showSeen={false} />
          </Card>
        ) : null}
        {result.unanswered.length > 0 ? (
          <Card size="small" title={t("selfCheck.unanswered")}>
            <RuleList rows={result.unanswered} testId="unanswered" showSeen={false} />
          </Card>
        ) : null}
        {result.passed.length > 0 ? (
          <Card size="small" title={t("selfCheck.passed")}>
            <RuleList rows={result.passed} testId="passed" showSeen />
          </Card>
        ) : null}
        <Typography.Text type="secondary">{t("selfCheck.notStored")}</Typography.Text>
        <Flex gap={12} wrap>
          <Button onClick={() => setResult(undefined)} style={{ flex: 1 }}>
            {t("selfCheck.again")}
          </Button>
          {ineligible ? (
            <Button href="/programmes" onClick={onLinkClick("/programmes")} style={{ flex: 1 }}>
              {t("selfCheck.others")}
            </Button>
          ) : (
            <Button type="primary" href="/register" onClick={onLinkClick("/register")} style={{ flex: 1 }}>
              {t("selfCheck.register")}
            </Button>
          )}
        </Flex>
      </Flex>
    )
  }

  const q = new Set(p.selfCheck.questions)
  const opt = (rows: ReadonlyArray<{ value: string; label: { zh: string; en: string } }>) =>
    rows.map((o) => ({ value: o.value, label: pick(o.label, language) }))
  return (
    <Flex vertical gap={16}>
      {back}
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 8 }}>
          {t("selfCheck.title")}
        </Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t("selfCheck.intro", { name: p.name })}
        </Typography.Paragraph>
      </div>
      <ProblemAlert problem={problem} requestId="always" />
      {q.size === 0 ? <Alert type="info" showIcon title={t("selfCheck.nothingToAsk")} /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => void check(v)} data-testid="self-check-form">
        {q.has("birthDate") ? (
          <Form.Item name="birthDate" label={t("profile.birthDate")}>
            <Input type="date" />
          </Form.Item>
        ) : null}
        {q.has("party") ? (
          <>
            <Form.Item name="party" label={t("profile.partyStatus")}>
              <Select
                options={[
                  { value: "NotMember", label: t("profile.notMember") },
                  { value: "Probationary", label: t("profile.probationary") },
                  { value: "Full", label: t("profile.full") },
                ]}
              />
            </Form.Item>
            {party === "Probationary" || party === "Full" ? (
              <Form.Item name="joined" label={t("profile.joined")}>
                <Input type="date" />
              </Form.Item>
            ) : null}
            {party === "Full" ? (
              <Form.Item name="fullMemberSince" label={t("profile.fullMemberSince")}>
                <Input type="date" />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {q.has("education") ? (
          <>
            <Form.Item name="educationLevel" label={t("profile.education")}>
              <Select options={opt(p.selfCheck.education)} />
            </Form.Item>
            <Form.Item name="fullTime" valuePropName="checked">
              <Checkbox>{t("profile.fullTime")}</Checkbox>
            </Form.Item>
          </>
        ) : null}
        {q.has("employment") ? (
          <Form.Item name="employment" label={t("profile.employment")}>
            <Select options={opt(p.selfCheck.employment)} />
          </Form.Item>
        ) : null}
        {q.has("rank") ? (
          <Form.Item name="rank" label={t("selfCheck.rank")}>
            <Select options={[...opt(p.selfCheck.rank), { value: NO_RANK, label: t("selfCheck.noRank") }]} />
          </Form.Item>
        ) : null}
        <Typography.Paragraph type="secondary">{t("selfCheck.blankHint")}</Typography.Paragraph>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t("selfCheck.submit")}
        </Button>
      </Form>
    </Flex>
  )
}
