import type { RouterOutputs } from "@cadre/client"
import { ProblemAlert, problemOf } from "@cadre/ui"
import { useMutation } from "@tanstack/react-query"
import { App as AntdApp, Button, Flex, Tag } from "antd"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"

type Campaign = RouterOutputs["campaigns"]["get"]

const statusColor = { draft: "default", open: "green", closed: "red" } as const

/**
 * The campaign's status and the org dept's move on it (`campaign.write`): 开放报名 on a draft, 结束报名 on an open
 * campaign, each after a confirmation. The server checks the permission and the row version again; a stale page
 * gets the server's refusal with 刷新.
 */
export const CampaignStatus = ({
  campaign,
  mayWrite,
}: {
  readonly campaign: Campaign
  readonly mayWrite: boolean
}) => {
  const { t } = useTranslation("admin")
  const { message, modal } = AntdApp.useApp()
  const trpc = useTRPC()
  const open = useMutation(trpc.campaigns.openForApplications.mutationOptions())
  const close = useMutation(trpc.campaigns.close.mutationOptions())
  const status = campaign.status as keyof typeof statusColor
  const move = campaign.status === "draft" ? open : campaign.status === "open" ? close : undefined
  const ask = () => {
    const opening = campaign.status === "draft"
    modal.confirm({
      title: opening ? t("campaigns.open") : t("campaigns.close"),
      content: t(opening ? "campaigns.confirmOpen" : "campaigns.confirmClose", { name: campaign.name }),
      okText: t("campaign.flow.confirm"),
      cancelText: t("campaign.cancel"),
      onOk: () =>
        move?.mutate(
          { id: campaign.id, expectedVersion: campaign.version },
          { onSuccess: () => void message.success(t(opening ? "campaigns.opened" : "campaigns.closed")) },
        ),
    })
  }
  return (
    <Flex vertical gap={8}>
      <Flex wrap align="center" gap={8}>
        <Tag color={statusColor[status] ?? "default"} data-testid="campaign-status">
          {t(`campaigns.statuses.${status}`)}
        </Tag>
        {mayWrite && move !== undefined ? (
          <Button
            size="small"
            type={campaign.status === "draft" ? "primary" : "default"}
            loading={move.isPending}
            onClick={ask}
            data-testid="campaign-status-move"
          >
            {campaign.status === "draft" ? t("campaigns.open") : t("campaigns.close")}
          </Button>
        ) : null}
      </Flex>
      <ProblemAlert
        problem={move?.error ? problemOf(move.error) : null}
        onClose={() => move?.reset()}
        onReload={() => window.location.reload()}
        testId="status-refusal"
      />
    </Flex>
  )
}
