import type { RouterOutputs } from "@cadre/client"
import { pick, type Problem, ProblemAlert, problemOf, saveFile, useApi, useLanguage } from "@cadre/ui"
import { Alert, Button, Card, Checkbox, Descriptions, Flex, Result, Spin, Typography } from "antd"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { onLinkClick } from "../../routes/navigation"
import { type Me, personIdOf } from "../../session/session"
import { RequireSignIn } from "../auth/require-sign-in"
import { type PublicDetail, whenWords } from "../programmes/programme-words"
import { answerRows } from "./application-words"

type Mine = RouterOutputs["profiles"]["mine"]
type Applied = RouterOutputs["applications"]["register"]

export { applyIdOf, applyPath } from "../../routes/paths"

/**
 * 确认报名 (GOV.UK "check your answers" and declaration): what the 报名表 will say, each group with a link to change
 * it, the declaration the applicant signs by ticking, then the receipt with the reference number and the form to
 * download. Nothing is sent until the applicant confirms; the server screens the application at once.
 */
export const ApplyPage = ({ id }: { readonly id: string }) => (
  <RequireSignIn>{(me) => <Apply id={id} me={me} />}</RequireSignIn>
)

const Apply = ({ id, me }: { readonly id: string; readonly me: Me }) => {
  const { t } = useTranslation("portal")
  const language = useLanguage()
  const api = useApi()
  const hasProfile = personIdOf(me) !== null
  const [campaign, setCampaign] = useState<PublicDetail | undefined>(undefined)
  const [mine, setMine] = useState<Mine | null | undefined>(hasProfile ? undefined : null)
  const [declared, setDeclared] = useState(false)
  const [declarationError, setDeclarationError] = useState(false)
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [applied, setApplied] = useState<Applied | undefined>(undefined)

  useEffect(() => {
    let live = true
    api.campaigns.publicGet.query({ id }).then(
      (c) => live && setCampaign(c),
      (e: unknown) => live && setProblem(problemOf(e)),
    )
    if (hasProfile)
      api.profiles.mine.query().then(
        (m) => live && setMine(m),
        (e: unknown) => live && setProblem(problemOf(e)),
      )
    return () => {
      live = false
    }
  }, [api, id, hasProfile])

  const submit = async () => {
    if (!declared) {
      setDeclarationError(true)
      return
    }
    setBusy(true)
    setProblem(undefined)
    try {
      setApplied(await api.applications.register.mutate({ campaignId: id }))
    } catch (error) {
      setProblem(problemOf(error))
    } finally {
      setBusy(false)
    }
  }

  const download = async (applicationId: string) => {
    setProblem(undefined)
    try {
      saveFile(await api.exports.registrationForm.mutate({ applicationId }))
    } catch (error) {
      setProblem(problemOf(error))
    }
  }

  if (applied !== undefined)
    return (
      <Card>
        <Result
          status="success"
          title={t("apply.receiptTitle")}
          subTitle={
            <span data-testid="receipt">
              {t("apply.receiptReference")}
              <Typography.Text strong copyable style={{ fontSize: 20, marginInlineStart: 8 }}>
                {applied.reference}
              </Typography.Text>
            </span>
          }
          extra={[
            <Typography.Paragraph key="next" style={{ textAlign: "start" }}>
              {t("apply.receiptNext", { stage: pick(applied.stateLabel, language) })}
            </Typography.Paragraph>,
            <Flex key="actions" vertical gap={8}>
              {applied.application.verdict === undefined ? null : (
                <Button block onClick={() => void download(applied.id)} data-testid="receipt-download">
                  {t("applications.downloadForm")}
                </Button>
              )}
              <Button type="primary" block href="/applications" onClick={onLinkClick("/applications")}>
                {t("apply.toMine")}
              </Button>
            </Flex>,
          ]}
        />
        <ProblemAlert problem={problem} requestId="always" />
      </Card>
    )

  if (mine === null)
    return (
      <Alert
        type="warning"
        showIcon
        title={t("campaigns.needProfile")}
        action={
          <Button size="small" href="/profile" onClick={onLinkClick("/profile")}>
            {t("campaigns.goProfile")}
          </Button>
        }
      />
    )

  if (campaign === undefined || mine === undefined)
    return problem === undefined ? <Spin /> : <ProblemAlert problem={problem} requestId="always" />

  const groups = answerRows(mine.profile, t, language)
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Text type="secondary">{campaign.name}</Typography.Text>
        <Typography.Title level={1} style={{ fontSize: 24, margin: "4px 0" }}>
          {t("apply.title")}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t("programmes.deadline")}：{whenWords(campaign.deadline, t, language)}
        </Typography.Text>
      </div>
      <ProblemAlert problem={problem} requestId="always" />
      {groups.map((g) => (
        <Card
          key={g.title}
          size="small"
          title={g.title}
          extra={
            <a
              href={`/profile?page=${g.page}`}
              onClick={onLinkClick(`/profile?page=${g.page}`)}
              aria-label={`${t("apply.change")} ${g.title}`}
            >
              {t("apply.change")}
            </a>
          }
        >
          <Descriptions size="small" column={1} items={g.rows.map((r) => ({ ...r, key: r.label }))} />
        </Card>
      ))}
      <Card size="small" title={t("apply.declarationTitle")}>
        <Flex vertical gap={8}>
          <Typography.Paragraph style={{ margin: 0 }}>{t("apply.declaration")}</Typography.Paragraph>
          <Checkbox
            checked={declared}
            data-testid="declaration"
            onChange={(e) => {
              setDeclared(e.target.checked)
              setDeclarationError(false)
            }}
          >
            {t("apply.declare")}
          </Checkbox>
          {declarationError ? (
            <Typography.Text type="danger" role="alert">
              {t("apply.declarationMissing")}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
      <Button type="primary" size="large" block loading={busy} onClick={() => void submit()}>
        {t("apply.submit")}
      </Button>
    </Flex>
  )
}
