import type { RouterOutputs } from "@cadre/client"
import { type Problem, ProblemAlert, problemOf, useApi } from "@cadre/ui"
import { App, Alert, Button, Card, Empty, Flex, Spin, Typography } from "antd"
import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { navigate, onLinkClick } from "../../routes/navigation"
import { type Me, personIdOf } from "../../session/session"
import { RequireSignIn } from "../auth/require-sign-in"

type OpenCampaign = RouterOutputs["campaigns"]["open"][number]

/** 报名: the campaigns open to self-registration (campaigns.open) and applying to one (applications.register). */
export const CampaignsPage = () => <RequireSignIn>{(me) => <Campaigns me={me} />}</RequireSignIn>

const Campaigns = ({ me }: { readonly me: Me }) => {
  const { t } = useTranslation("portal")
  const api = useApi()
  const { message } = App.useApp()
  const hasProfile = personIdOf(me) !== null
  const [campaigns, setCampaigns] = useState<ReadonlyArray<OpenCampaign> | undefined>(undefined)
  const [applied, setApplied] = useState<ReadonlySet<string>>(new Set())
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [busy, setBusy] = useState<string | undefined>(undefined)

  const load = useCallback(async () => {
    try {
      const [open, mine] = await Promise.all([
        api.campaigns.open.query(),
        hasProfile ? api.applications.mine.query() : Promise.resolve([]),
      ])
      setCampaigns(open)
      // A withdrawn application still occupies the campaign (one application per person).
      setApplied(new Set(mine.map((a) => a.campaignId)))
    } catch (error) {
      setProblem(problemOf(error))
    }
  }, [api, hasProfile])
  useEffect(() => {
    void load()
  }, [load])

  const apply = async (c: OpenCampaign) => {
    setBusy(c.id)
    setProblem(undefined)
    try {
      await api.applications.register.mutate({ campaignId: c.id })
      void message.success(t("campaigns.applySuccess", { name: c.name }))
      navigate("/applications")
    } catch (error) {
      setProblem(problemOf(error))
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 0 }}>
        {t("campaigns.title")}
      </Typography.Title>
      {hasProfile ? null : (
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
      )}
      <ProblemAlert problem={problem} requestId="always" />
      {campaigns === undefined ? (
        problem === undefined ? (
          <Spin />
        ) : null
      ) : campaigns.length === 0 ? (
        <Empty description={t("campaigns.empty")} />
      ) : (
        campaigns.map((c) => (
          <Card key={c.id} size="small" data-testid={`campaign-${c.id}`}>
            <Flex vertical gap={8}>
              <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
                {c.name}
              </Typography.Title>
              <Typography.Text type="secondary">
                {t("campaigns.places", { count: c.places })} · {t("campaigns.region", { id: c.regionId })}
              </Typography.Text>
              <Button
                type="primary"
                block
                disabled={!hasProfile || applied.has(c.id)}
                loading={busy === c.id}
                onClick={() => void apply(c)}
              >
                {applied.has(c.id) ? t("campaigns.applied") : t("campaigns.apply")}
              </Button>
            </Flex>
          </Card>
        ))
      )}
    </Flex>
  )
}
