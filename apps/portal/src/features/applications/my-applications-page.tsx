import type { RouterOutputs } from "@cadre/client"
import {
  formatDate,
  pick,
  type Problem,
  ProblemAlert,
  problemOf,
  saveFile,
  useApi,
  useLanguage,
} from "@cadre/ui"
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Spin,
  Tag,
  Timeline,
  Typography,
} from "antd"
import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { onLinkClick } from "../../routes/navigation"
import { type Me, personIdOf } from "../../session/session"
import { RequireSignIn } from "../auth/require-sign-in"
import { reasonGroups, WITHDRAWABLE } from "./application-words"

type Application = RouterOutputs["applications"]["mine"][number]

const stateColour = (state: Application["state"]): string =>
  state === "rejected" ? "red" : state === "withdrawn" ? "default" : state === "appointed" ? "green" : "blue"

/**
 * 我的报名: each application with its reference number, the stages it has reached with their dates, what fails
 * apart from what waits for a reviewer (each with its clause), the 报名表 to download and print, and withdrawal
 * before the decision.
 */
export const MyApplicationsPage = () => (
  // antd's App (for `message`) comes with this page's code, not the portal's first page (UiProvider appFrame).
  <App component={false}>
    <RequireSignIn>{(me) => <MyApplications me={me} />}</RequireSignIn>
  </App>
)

const MyApplications = ({ me }: { readonly me: Me }) => {
  const { t } = useTranslation("portal")
  const api = useApi()
  const { message } = App.useApp()
  const hasProfile = personIdOf(me) !== null
  const [apps, setApps] = useState<ReadonlyArray<Application> | undefined>(undefined)
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [busy, setBusy] = useState<string | undefined>(undefined)

  const load = useCallback(async () => {
    if (!hasProfile) {
      setApps([]) // no person yet, so no application: nothing to ask
      return
    }
    try {
      setApps(await api.applications.mine.query())
    } catch (error) {
      setProblem(problemOf(error))
    }
  }, [api, hasProfile])
  useEffect(() => {
    void load()
  }, [load])

  const withdraw = async (a: Application) => {
    setBusy(`withdraw-${a.id}`)
    setProblem(undefined)
    try {
      await api.applications.withdraw.mutate({ applicationId: a.id, expectedVersion: a.version })
      void message.success(t("applications.withdrawn"))
      await load()
    } catch (error) {
      setProblem(problemOf(error))
    } finally {
      setBusy(undefined)
    }
  }

  /** 重新提交 a returned application: screened again against the profile as it now stands. */
  const resubmit = async (a: Application) => {
    setBusy(`resubmit-${a.id}`)
    setProblem(undefined)
    try {
      await api.applications.resubmit.mutate({ applicationId: a.id, expectedVersion: a.version })
      void message.success(t("applications.resubmitted"))
      await load()
    } catch (error) {
      setProblem(problemOf(error))
    } finally {
      setBusy(undefined)
    }
  }

  const download = async (a: Application) => {
    setBusy(`form-${a.id}`)
    setProblem(undefined)
    try {
      saveFile(await api.exports.registrationForm.mutate({ applicationId: a.id }))
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
        apps.map((a) => (
          <ApplicationCard
            key={a.id}
            application={a}
            busy={busy}
            onWithdraw={() => withdraw(a)}
            onResubmit={() => void resubmit(a)}
            onDownload={() => void download(a)}
          />
        ))
      )}
    </Flex>
  )
}

const ApplicationCard = ({
  application: a,
  busy,
  onWithdraw,
  onResubmit,
  onDownload,
}: {
  readonly application: Application
  readonly busy: string | undefined
  readonly onWithdraw: () => Promise<void>
  readonly onResubmit: () => void
  readonly onDownload: () => void
}) => {
  const { t } = useTranslation("portal")
  const language = useLanguage()
  const outcome = a.application.verdict?.outcome
  const groups = reasonGroups(a.reasons)
  return (
    <Card size="small" data-testid={`application-${a.campaignId}`}>
      <Flex vertical gap={12}>
        <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
          {a.campaignName}
        </Typography.Title>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: "reference",
              label: t("applications.reference"),
              children: <span data-testid="reference">{a.reference}</span>,
            },
            {
              key: "stage",
              label: t("applications.stage"),
              children: (
                <Tag color={stateColour(a.state)} data-testid="stage">
                  {pick(a.stateLabel, language)}
                </Tag>
              ),
            },
            ...(outcome === undefined
              ? []
              : [
                  {
                    key: "outcome",
                    label: t("applications.outcome"),
                    children: t(`applications.outcomes.${outcome}`),
                  },
                ]),
          ]}
        />
        {a.timeline.length === 0 ? null : (
          <div>
            <Typography.Text strong>{t("applications.timeline")}</Typography.Text>
            <Timeline
              data-testid="timeline"
              style={{ marginTop: 8, marginBottom: -16 }}
              items={a.timeline.map((step, i) => ({
                // Steps have no id; their order is the application's history, oldest first.
                key: `${i}-${step.state}`,
                color: i === a.timeline.length - 1 ? "blue" : "gray",
                children: (
                  <Flex gap={8} wrap>
                    <span>{pick(step.label, language)}</span>
                    <Typography.Text type="secondary">{formatDate(step.on, language)}</Typography.Text>
                  </Flex>
                ),
              }))}
            />
          </div>
        )}
        {groups.map((g) => (
          <div key={g.kind} data-testid={`reasons-${g.kind}`}>
            <Typography.Text strong>{t(`applications.reasonGroups.${g.kind}`)}</Typography.Text>
            <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
              {g.reasons.map((r, i) => (
                // Reasons have no id; their order is the server's and stable for one answer.
                <li key={i} style={{ overflowWrap: "anywhere" }}>
                  {pick(r.text, language)}
                  {r.clause === null ? null : (
                    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                      {t("applications.clause", { clause: r.clause })}
                    </Typography.Text>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {a.state === "draft" ? (
          // Returned (退回): the applicant corrects what was asked and submits again (issue 13, item 5).
          <Alert
            type="warning"
            showIcon
            data-testid="returned"
            title={t("applications.returned")}
            description={
              <Flex vertical gap={8} style={{ marginTop: 8 }}>
                <Button block href="/profile" onClick={onLinkClick("/profile")}>
                  {t("applications.editProfile")}
                </Button>
                <Button
                  type="primary"
                  block
                  loading={busy === `resubmit-${a.id}`}
                  onClick={onResubmit}
                  data-testid="resubmit"
                >
                  {t("applications.resubmit")}
                </Button>
              </Flex>
            }
          />
        ) : null}
        {a.application.verdict === undefined ? null : (
          <Button block onClick={onDownload} loading={busy === `form-${a.id}`} data-testid="download-form">
            {t("applications.downloadForm")}
          </Button>
        )}
        {WITHDRAWABLE.includes(a.state) ? (
          <Popconfirm
            title={t("applications.withdrawConfirm")}
            okText={t("applications.withdrawOk")}
            cancelText={t("applications.cancel")}
            okButtonProps={{ danger: true }}
            onConfirm={onWithdraw}
          >
            <Button danger block loading={busy === `withdraw-${a.id}`}>
              {t("applications.withdraw")}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
    </Card>
  )
}
