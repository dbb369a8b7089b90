import type { RouterOutputs } from "@cadre/client"
import { App as AntdApp, Button } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useSession } from "../../session/session"
import { type RecommendChannel, RecommendDialog } from "./recommend-dialog"

type Campaign = RouterOutputs["campaigns"]["get"]

/** Which recommendation channels a role uses: a unit recommends its own people, the org dept recommends as 组织推荐. */
export const recommendChannelsFor = (
  role: string,
  open: ReadonlyArray<string>,
): ReadonlyArray<RecommendChannel> => {
  const mine: ReadonlyArray<RecommendChannel> =
    role === "dispatching_unit_admin" || role === "host_unit_admin"
      ? ["unit_recommendation"]
      : role === "org_dept_admin"
        ? ["organisation_recommendation", "unit_recommendation"]
        : []
  return mine.filter((c) => open.includes(c))
}

/** 推荐人选 on an open campaign whose channels the caller's role recommends through (`application.recommend`). */
export const RecommendButton = ({
  campaign,
  today,
}: {
  readonly campaign: Campaign
  readonly today: string
}) => {
  const { t } = useTranslation("admin")
  const { message } = AntdApp.useApp()
  const { session } = useSession()
  const [open, setOpen] = useState(false)
  if (session.status !== "signedIn" || !session.me.permissions.includes("application.recommend")) return null
  const channels = recommendChannelsFor(session.me.role, campaign.channels)
  if (campaign.status !== "open" || channels.length === 0) return null
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="recommend">
        {t("campaign.recommend.action")}
      </Button>
      {open ? (
        <RecommendDialog
          campaignId={campaign.id}
          channels={channels}
          today={today}
          onClose={() => setOpen(false)}
          onRecommended={(name) => {
            setOpen(false)
            void message.success(t("campaign.recommend.done", { name }))
          }}
        />
      ) : null}
    </>
  )
}
