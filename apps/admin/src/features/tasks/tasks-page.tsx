import type { RouterOutputs } from "@cadre/client"
import { formatDate, ProblemAlert, problemOf, useLanguage } from "@cadre/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { App as AntdApp, Button, Card, Empty, Flex, Grid, Spin, Table, Tag, Typography } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"
import { AppShell } from "../../layout/app-shell"
import { KeysetPager, useKeysetPages } from "../../layout/keyset-pager"
import { Link } from "../../routes/navigation"
import { TransferDialog } from "./task-dialogs"

export type TaskRow = RouterOutputs["tasks"]["mine"]["items"][number]

const PAGE_SIZE = 20

/** 已逾期 / 截止日 / 未定时限: a task's due date as the clerk reads it. */
const Due = ({ task }: { readonly task: TaskRow }) => {
  const { t } = useTranslation("admin")
  const language = useLanguage()
  if (task.dueOn === null) return <Typography.Text type="secondary">{t("tasks.noDue")}</Typography.Text>
  return (
    <Flex gap={6} wrap align="center">
      <span>{formatDate(task.dueOn, language)}</span>
      {task.overdue ? (
        <Tag color="red" data-testid="task-overdue">
          {t("tasks.overdue")}
        </Tag>
      ) : null}
    </Flex>
  )
}

const campaignLink = (task: TaskRow) => `/campaigns/${encodeURIComponent(task.campaignId)}`

/**
 * 待办任务 (a reviewer, `application.review`): the review steps assigned to me, overdue first by due date, each
 * with the person, the campaign and the step; the work itself is done on the campaign's page, which the row opens.
 * 转办 hands a task to another reviewer in scope with a reason (the column pinned right; a button on the card).
 * On a phone the rows are cards, so nothing scrolls sideways.
 */
export const TasksPage = () => {
  const { t } = useTranslation("admin")
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const trpc = useTRPC()
  // One page at a time (issue 19), overdue first then by due date; 下一页 goes on from the last row's cursor.
  const pages = useKeysetPages()
  const { cursor } = pages
  const tasks = useQuery(
    trpc.tasks.mine.queryOptions(
      { limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) },
      { placeholderData: keepPreviousData },
    ),
  )
  const narrow = Grid.useBreakpoint().md === false
  const { message } = AntdApp.useApp()
  const [transferring, setTransferring] = useState<TaskRow | null>(null)
  const transferButton = (task: TaskRow) => (
    <Button
      size="small"
      autoInsertSpace={false}
      onClick={() => setTransferring(task)}
      data-testid="task-transfer"
    >
      {t("tasks.transfer.action")}
    </Button>
  )
  const rows = tasks.data?.items ?? []
  const pager =
    tasks.data === undefined ? null : (
      <KeysetPager
        pages={pages}
        total={tasks.data.total}
        totalExact={tasks.data.totalExact}
        nextCursor={tasks.data.nextCursor}
      />
    )
  return (
    <AppShell title={t("tasks.title")}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("tasks.title")}
      </Typography.Title>
      {tasks.isPending ? (
        <Spin />
      ) : tasks.isError ? (
        <ProblemAlert problem={problemOf(tasks.error)} />
      ) : rows.length === 0 ? (
        <Empty description={t("tasks.empty")} />
      ) : narrow ? (
        <>
          <Flex vertical gap={12} data-testid="tasks">
            {rows.map((task) => (
              <Card key={task.id} size="small" data-testid="task">
                <Flex vertical gap={4}>
                  <Typography.Text strong>{task.personName}</Typography.Text>
                  <span>
                    {t("tasks.step")}：{task.stepLabel[lang]}
                  </span>
                  <span>
                    {t("tasks.campaign")}：<Link href={campaignLink(task)}>{task.campaignName}</Link>
                  </span>
                  <Flex gap={4} align="center">
                    {t("tasks.due")}：<Due task={task} />
                  </Flex>
                  <Flex justify="end">{transferButton(task)}</Flex>
                </Flex>
              </Card>
            ))}
          </Flex>
          {pager}
        </>
      ) : (
        <>
          <Table<TaskRow>
            rowKey="id"
            dataSource={[...rows]}
            pagination={false}
            data-testid="tasks"
            scroll={{ x: "max-content" }}
            columns={[
              { title: t("tasks.person"), key: "person", render: (_, r) => r.personName },
              { title: t("tasks.step"), key: "step", render: (_, r) => r.stepLabel[lang] },
              {
                title: t("tasks.campaign"),
                key: "campaign",
                render: (_, r) => <Link href={campaignLink(r)}>{r.campaignName}</Link>,
              },
              { title: t("tasks.due"), key: "due", render: (_, r) => <Due task={r} /> },
              {
                title: t("tasks.actions"),
                key: "actions",
                fixed: "right",
                render: (_, r) => transferButton(r),
              },
            ]}
          />
          {pager}
        </>
      )}
      {transferring === null ? null : (
        <TransferDialog
          key={transferring.id}
          task={{
            id: transferring.id,
            version: transferring.version,
            applicationId: transferring.applicationId,
            assignee: transferring.assignee,
            personName: transferring.personName,
            step: transferring.stepLabel[lang],
          }}
          onClose={() => setTransferring(null)}
          onDone={(name) => {
            setTransferring(null)
            void message.success(t("tasks.transfer.done", { name }))
          }}
        />
      )}
    </AppShell>
  )
}
