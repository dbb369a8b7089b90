import type { RouterOutputs } from "@cadre/client"
import { type Problem, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import { Alert, Button, Card, Empty, Flex, Spin, Typography } from "antd"
import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { onLinkClick } from "../../routes/navigation"
import { applyPath, programmePath } from "../../routes/paths"
import { type Me, personIdOf } from "../../session/session"
import { RequireSignIn } from "../auth/require-sign-in"
import { type PublicSummary, regionWords, whenWords } from "../programmes/programme-words"

type OpenCampaign = RouterOutputs["campaigns"]["open"][number]

/** 报名: the campaigns open to self-registration (campaigns.open); applying goes through 核对信息 (apply-page). */
export const CampaignsPage = () => <RequireSignIn>{(me) => <Campaigns me={me} />}</RequireSignIn>

const Campaigns = ({ me }: { readonly me: Me }) => {
  const { t } = useTranslation("portal")
  const language = useLanguage()
  const api = useApi()
  const hasProfile = personIdOf(me) !== null
  const [campaigns, setCampaigns] = useState<ReadonlyArray<OpenCampaign> | undefined>(undefined)
  const [applied, setApplied] = useState<ReadonlySet<string>>(new Set())
  // The public face of the same campaigns: region names and deadlines (never the region's code).
  const [about, setAbout] = useState<ReadonlyMap<string, PublicSummary>>(new Map())
  const [problem, setProblem] = useState<Problem | undefined>(undefined)

  const load = useCallback(async () => {
    try {
      const [open, mine, pub] = await Promise.all([
        api.campaigns.open.query(),
        hasProfile ? api.applications.mine.query() : Promise.resolve([]),
        api.campaigns.publicList.query().catch((): ReadonlyArray<PublicSummary> => []),
      ])
      setCampaigns(open)
      setAbout(new Map(pub.map((p) => [p.id, p])))
      // A withdrawn application still occupies the campaign (one application per person).
      setApplied(new Set(mine.map((a) => a.campaignId)))
    } catch (error) {
      setProblem(problemOf(error))
    }
  }, [api, hasProfile])
  useEffect(() => {
    void load()
  }, [load])

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
                {[
                  t("campaigns.places", { count: c.places }),
                  ...(about.get(c.id) === undefined
                    ? []
                    : [
                        regionWords(about.get(c.id) as PublicSummary),
                        `${t("programmes.deadline")}：${whenWords((about.get(c.id) as PublicSummary).deadline, t, language)}`,
                      ]),
                ].join(" · ")}
              </Typography.Text>
              <Typography.Link href={programmePath(c.id)} onClick={onLinkClick(programmePath(c.id))}>
                {t("campaigns.conditions")}
              </Typography.Link>
              <Button
                type="primary"
                block
                disabled={!hasProfile || applied.has(c.id)}
                href={applyPath(c.id)}
                onClick={onLinkClick(applyPath(c.id))}
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
