import type { RouterOutputs } from "@cadre/client"
import { pick, type Problem, ProblemAlert, problemOf, useApi } from "@cadre/ui"
import { App, Button, Card, Empty, Flex, Popconfirm, Spin, Tag, Typography } from "antd"
import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { onLinkClick } from "../../routes/navigation"
import { type Me, personIdOf } from "../../session/session"
import { RequireSignIn } from "../auth/require-sign-in"

type Application = RouterOutputs["applications"]["mine"][number]
type OpenCampaign = RouterOutputs["campaigns"]["open"][number]

/** The applicant may withdraw before the decision (selection.md §2); the server checks it again. */
const WITHDRAWABLE: ReadonlyArray<Application["state"]> = [
  "draft",
  "submitted",
  "screened",
  "qualification_review",
  "joint_review",
  "inspection",
  "interview",
  "shortlisted",
]

const stateColour = (state: Application["state"]): string =>
  state === "rejected" ? "red" : state === "withdrawn" ? "default" : state === "appointed" ? "green" : "blue"

/** 我的报名: each application's stage and, when refused or waiting for review, the reasons with their clauses. */
export const MyApplicationsPage = () => <RequireSignIn>{(me) => <MyApplications me={me} />}</RequireSignIn>

const MyApplications = ({ me }: { readonly me: Me }) => {
  const { t, i18n } = useTranslation("portal")
  const api = useApi()
  const { message } = App.useApp()
  const hasProfile = personIdOf(me) !== null
  const [apps, setApps] = useState<ReadonlyArray<Application> | undefined>(undefined)
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map())
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [busy, setBusy] = useState<string | undefined>(undefined)

  const load = useCallback(async () => {
    if (!hasProfile) {
      setApps([]) // no person yet, so no application: nothing to ask
      return
    }
    try {
      const [mine, open] = await Promise.all([
        api.applications.mine.query(),
        api.campaigns.open.query().catch((): ReadonlyArray<OpenCampaign> => []),
      ])
      setApps(mine)
      setNames(new Map(open.map((c) => [c.id, c.name])))
    } catch (error) {
      setProblem(problemOf(error))
    }
  }, [api, hasProfile])
  useEffect(() => {
    void load()
  }, [load])

  const withdraw = async (a: Application) => {
    setBusy(a.id)
    setProblem(undefined)
    try {
      const next = await api.applications.withdraw.mutate({ applicationId: a.id, expectedVersion: a.version })
      setApps((current) => current?.map((x) => (x.id === next.id ? next : x)))
      void message.success(t("applications.withdrawn"))
    } catch (error) {
      setProblem(problemOf(error))
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 0 }}>
        {t("applications.title")}
      </Typography.Title>
      <ProblemAlert problem={problem} requestId="always" />
      {apps === undefined ? (
        problem === undefined ? (
          <Spin />
        ) : null
      ) : apps.length === 0 ? (
        <Empty description={t("applications.empty")}>
          <Button type="primary" href="/campaigns" onClick={onLinkClick("/campaigns")}>
            {t("applications.browse")}
          </Button>
        </Empty>
      ) : (
        apps.map((a) => {
          const outcome = a.application.verdict?.outcome
          return (
            <Card key={a.id} size="small" data-testid={`application-${a.campaignId}`}>
              <Flex vertical gap={8}>
                <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
                  {names.get(a.campaignId) ?? a.campaignId}
                </Typography.Title>
                <Flex gap={8} wrap align="center">
                  <Typography.Text type="secondary">{t("applications.stage")}</Typography.Text>
                  <Tag color={stateColour(a.state)} data-testid="stage">
                    {pick(a.stateLabel, i18n.language)}
                  </Tag>
                </Flex>
                {outcome === undefined ? null : (
                  <Flex gap={8} wrap align="center">
                    <Typography.Text type="secondary">{t("applications.outcome")}</Typography.Text>
                    <Typography.Text>{t(`applications.outcomes.${outcome}`)}</Typography.Text>
                  </Flex>
                )}
                {a.reasons.length === 0 ? null : (
                  <div>
                    <Typography.Text strong>{t("applications.reasons")}</Typography.Text>
                    <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }} data-testid="reasons">
                      {a.reasons.map((r, i) => (
                        // Reasons have no id; their order is the server's and stable for one answer.
                        <li key={i} style={{ overflowWrap: "anywhere" }}>
                          {pick(r.text, i18n.language)}
                          {r.clause === null ? null : (
                            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                              {t("applications.clause", { clause: r.clause })}
                            </Typography.Text>
                          )}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {WITHDRAWABLE.includes(a.state) ? (
                  <Popconfirm
                    title={t("applications.withdrawConfirm")}
                    okText={t("applications.withdrawOk")}
                    cancelText={t("applications.cancel")}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => withdraw(a)}
                  >
                    <Button danger block loading={busy === a.id}>
                      {t("applications.withdraw")}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            </Card>
          )
        })
      )}
    </Flex>
  )
}
