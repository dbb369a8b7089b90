import { formatDate, ProblemAlert, problemOf, useLanguage } from "@cadre/ui"
import { useMutation, useQuery } from "@tanstack/react-query"
import { App as AntdApp, Button, Card, Flex, List, Tag, Typography } from "antd"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"
import { useSession } from "../../session/session"

/**
 * 办理任务 of a campaign (its own scope): who has which review step and until when; on an overdue one the org dept
 * (`campaign.write`) may 催办 — once a day, which the server enforces. Shown only when the campaign has tasks.
 */
export const CampaignTasks = ({ campaignId }: { readonly campaignId: string }) => {
  const { t } = useTranslation("admin")
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const { message } = AntdApp.useApp()
  const { session } = useSession()
  const trpc = useTRPC()
  const tasks = useQuery(trpc.tasks.forCampaign.queryOptions({ campaignId }))
  const remind = useMutation(trpc.tasks.remind.mutationOptions())
  const mayRemind = session.status === "signedIn" && session.me.permissions.includes("campaign.write")
  const open = (tasks.data ?? []).filter((task) => task.open)
  if (open.length === 0) return null
  return (
    <Card title={t("tasks.forCampaign")} size="small" data-testid="campaign-tasks">
      <ProblemAlert
        problem={remind.error ? problemOf(remind.error) : null}
        onClose={() => remind.reset()}
        testId="remind-refusal"
        style={{ marginBottom: 8 }}
      />
      <List
        dataSource={open}
        rowKey="id"
        renderItem={(task) => (
          <List.Item
            data-testid="campaign-task"
            actions={
              mayRemind && task.overdue
                ? [
                    <Button
                      key="remind"
                      size="small"
                      loading={remind.isPending}
                      onClick={() =>
                        remind.mutate(
                          { taskId: task.id, expectedVersion: task.version },
                          {
                            onSuccess: () =>
                              void message.success(t("tasks.reminded", { name: task.assigneeName ?? "" })),
                          },
                        )
                      }
                    >
                      {t("tasks.remind")}
                    </Button>,
                  ]
                : []
            }
          >
            <Flex wrap gap={8} align="center">
              <Typography.Text strong>{task.personName}</Typography.Text>
              <span>{task.stepLabel[lang]}</span>
              <span>
                {t("tasks.assignee")}：{task.assigneeName ?? "—"}
              </span>
              <span>
                {t("tasks.due")}：{task.dueOn === null ? t("tasks.noDue") : formatDate(task.dueOn, language)}
              </span>
              {task.overdue ? <Tag color="red">{t("tasks.overdue")}</Tag> : null}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  )
}
