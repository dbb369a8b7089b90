import {
  formatDate,
  isUnauthenticated,
  type Problem,
  ProblemAlert,
  problemOf,
  useApi,
  useLanguage,
} from "@cadre/ui"
import {
  Alert,
  App as AntdApp,
  Button,
  Card,
  Dropdown,
  Flex,
  Popconfirm,
  Progress,
  Spin,
  Steps,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd"
import { useQuery } from "@tanstack/react-query"
import { useEffect, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"
import { useLoad } from "../../api/use-load"
import { AppShell } from "../../layout/app-shell"
import { KeysetPager, useKeysetPages } from "../../layout/keyset-pager"
import { Link } from "../../routes/navigation"
import { useSession } from "../../session/session"
import { AssignDialog } from "../tasks/task-dialogs"
import { takesTask } from "../tasks/task-forms"
import { CampaignStatus } from "./campaign-status"
import { CampaignTasks } from "./campaign-tasks"
import { PlaceFromApplication } from "./place-from-application"
import { RecommendButton } from "./recommend-button"
import { ApplicationRecords } from "./application-records"
import { DeadlineOverride, FindingDialog, OpinionDialog } from "./case-act-dialogs"
import {
  type FindingFacts,
  findingsResolvable,
  isPastDeadline,
  lateStages,
  openFindings,
  type TimedMove,
} from "./case-acts"
import { downloadFrom } from "./download"
import { RegistrationFormButton } from "./registration-form-button"
import { WhatIfPanel } from "./what-if-panel"
import { type DialogKind, MoveDialog, type Send } from "./move-dialog"
import { factsOf, type MoveKind, onlyYours, rowMoves } from "./moves"
import type { ApplicationRow, Campaign, Post, Schedule } from "./types"

export type { ApplicationRow } from "./types"
export { nextAdvanceStep } from "./moves"

/** Applications per page of the table (the API allows up to 200). */
const PAGE_SIZE = 20

const outcomeColor = { eligible: "green", ineligible: "red", needs_review: "gold" } as const

/**
 * The applications table. Each row has one button for the move to its next step on the path (Advance, 研究决定,
 * 公示, 任职, 报到) and a "更多操作" menu (record, objections, 退回, 放宽, 重新比对, 不予通过); every move is sent
 * with the row's version, and a refusal shows the server's explanation. A row expands to its records. For
 * `campaign.write`, 分派 gives the row's current step to a reviewer (once: an open task is transferred, not
 * assigned again); the stage column names who holds it.
 */
const Applications = ({
  campaign,
  schedule,
  rows,
  posts,
  onChanged,
}: {
  readonly campaign: Campaign
  /** The campaign's timetable and today as the server counts it. */
  readonly schedule: Schedule
  readonly rows: ReadonlyArray<ApplicationRow>
  readonly posts: ReadonlyArray<Post> | null
  readonly onChanged: () => void
}) => {
  const { t } = useTranslation("admin")
  const api = useApi()
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const { message } = AntdApp.useApp()
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const { session } = useSession()
  // 分派 is for whoever runs the campaign: campaign.write and a scope that holds the campaign's region (a street
  // reads its district's campaigns but does not assign their reviews).
  const mayAssign =
    session.status === "signedIn" &&
    session.me.permissions.includes("campaign.write") &&
    session.me.scope._tag !== "SelfScope" &&
    campaign.regionPath.includes(`/${session.me.scope.regionId}/`)
  const trpc = useTRPC()
  // The campaign's tasks (the same read as 办理任务 below): who holds each row's current step.
  const tasks = useQuery(trpc.tasks.forCampaign.queryOptions({ campaignId: campaign.id }))
  const holderOf = (row: ApplicationRow) =>
    (tasks.data ?? []).find((task) => task.open && task.applicationId === row.id && task.step === row.state)
  const [assigning, setAssigning] = useState<ApplicationRow | null>(null)
  const [dialog, setDialog] = useState<{ readonly kind: DialogKind; readonly row: ApplicationRow } | null>(
    null,
  )
  // Issue 13's acts on a case: a finding to confirm or refuse, a disagreement to override.
  const [caseAct, setCaseAct] = useState<
    | {
        readonly kind: "finding"
        readonly row: ApplicationRow
        readonly finding: FindingFacts
        readonly outcome: "confirmed" | "refused"
      }
    | { readonly kind: "opinion"; readonly row: ApplicationRow; readonly department: string }
    | null
  >(null)
  // The row and the move of the last refused move without a form: a late one offers 记录逾期办理.
  const [refused, setRefused] = useState<{ readonly row: ApplicationRow; readonly move: TimedMove } | null>(
    null,
  )
  // The version each move answered with: a dialog still open on a row (after 记录逾期办理, or a second finding)
  // sends the latest one, not the one the row was read with.
  const versions = useRef(new Map<string, number>())
  const versionOf = (row: ApplicationRow) => Math.max(row.version, versions.current.get(row.id) ?? 0)
  const today = schedule.today
  const steps = campaign.path.steps
  const stepLabel = (state: string) => steps.find((s) => s.state === state)?.label[lang] ?? state
  const postTitle = (id: string) => posts?.find((p) => p.id === id)?.title ?? id

  /** Runs one move with the row's version; reloads on success, returns the server's explanation otherwise. */
  const sendFor =
    (row: ApplicationRow): Send =>
    async (call) => {
      setBusy(row.id)
      try {
        const out = await call(api, versionOf(row))
        const version = (out as { readonly version?: unknown } | null | undefined)?.version
        if (typeof version === "number") versions.current.set(row.id, version)
        onChanged()
        return null
      } catch (error) {
        return problemOf(error)
      } finally {
        setBusy(null)
      }
    }

  /** A move without a form: its refusal shows above the table (a late one with 记录逾期办理). */
  const direct = async (
    row: ApplicationRow,
    call: Parameters<Send>[0],
    done: string,
    move: TimedMove | null = null,
  ) => {
    setProblem(null)
    setRefused(null)
    const p = await sendFor(row)(call)
    if (p === null) void message.success(done)
    else {
      setProblem(p)
      if (move !== null) setRefused({ row, move })
    }
  }
  const late =
    refused === null || !isPastDeadline(problem)
      ? []
      : lateStages(
          steps,
          schedule.entries,
          { ...refused.row.application, state: refused.row.state },
          refused.move,
          today,
        )
  const stageName = (id: string) =>
    steps.flatMap((s) => s.stages).find((st) => st.id === id)?.label[lang] ??
    schedule.entries.find((e) => e.stageId === id)?.label[lang] ??
    id

  const done = (kind: DialogKind, row: ApplicationRow) =>
    t(`campaign.flow.done.${kind}`, {
      name: row.person.name,
      step: stepLabel(steps[steps.findIndex((s) => s.state === row.state) + 1]?.state ?? row.state),
    })

  const start = (kind: MoveKind, row: ApplicationRow, to: string, needsRecord: boolean) => {
    setProblem(null)
    if (kind === "rescreen")
      void direct(
        row,
        (client, expectedVersion) =>
          client.applications.rescreen.mutate({ applicationId: row.id, expectedVersion }),
        t("campaign.flow.done.rescreen", { name: row.person.name }),
      )
    else if (kind === "advance" && !needsRecord)
      void direct(
        row,
        (client, expectedVersion) =>
          client.applications.act.mutate({
            applicationId: row.id,
            expectedVersion,
            move: { _tag: "Advance", from: row.state, to: to as ApplicationRow["state"] },
          }),
        t("campaign.advanced", { step: stepLabel(to) }),
        { kind: "advance", to },
      )
    else setDialog({ kind, row })
  }

  const columns: TableColumnsType<ApplicationRow> = [
    // Fixed at the left: the name stays in sight when the table scrolls sideways (375 px), and the expanded row's
    // records and buttons are laid out in the visible width instead of the table's whole width.
    { title: t("campaign.name"), key: "name", fixed: "left", render: (_, r) => r.person.name },
    {
      title: t("campaign.idNumber"),
      key: "id",
      render: (_, r) => <span style={{ fontVariantNumeric: "tabular-nums" }}>{r.person.idNumberMasked}</span>,
    },
    {
      title: t("campaign.channel"),
      key: "channel",
      render: (_, r) =>
        t(`campaign.channels.${r.application.channel ?? "none"}`, r.application.channel ?? "—"),
    },
    {
      title: t("campaign.verdict"),
      key: "verdict",
      render: (_, r) => {
        const outcome = r.application.verdict?.outcome
        const open = openFindings(r.application.verdict).length
        return outcome === undefined ? (
          t("campaign.outcomes.none")
        ) : (
          <Flex vertical gap={2} align="start">
            <Tag color={outcomeColor[outcome]}>{t(`campaign.outcomes.${outcome}`)}</Tag>
            {open === 0 ? null : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="open-findings">
                {t("campaign.flow.openFindingsCount", { count: open })}
              </Typography.Text>
            )}
          </Flex>
        )
      },
    },
    {
      title: t("campaign.stage"),
      key: "state",
      render: (_, r) => {
        const n = r.application.notice
        const open = (n?.objections ?? []).filter((o) => o.resolution === undefined).length
        return (
          <Flex vertical gap={2} align="start">
            <Tag color={r.state === "rejected" ? "red" : "blue"} data-testid="application-state">
              {r.stateLabel[lang]}
            </Tag>
            {holderOf(r) === undefined ? null : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="task-holder">
                {t("tasks.assignee")}：{holderOf(r)?.assigneeName ?? "—"}
              </Typography.Text>
            )}
            {r.state === "public_notice" && n !== undefined ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="notice-period">
                {t("campaign.flow.noticeUntil", { date: formatDate(n.lastDay, language) })}
                {open === 0 ? "" : ` · ${t("campaign.flow.openObjections", { count: open })}`}
              </Typography.Text>
            ) : null}
          </Flex>
        )
      },
    },
    {
      title: t("campaign.actions"),
      key: "actions",
      render: (_, r) => {
        const { primary, more } = onlyYours(rowMoves(steps, factsOf(r)), r.yours)
        return (
          <Flex gap={8} wrap>
            {primary === undefined ? null : primary.kind === "advance" && !primary.needsRecord ? (
              // A move without a form is confirmed first (issue 16: one click never moves a candidate), and it
              // is not the primary button when the screening says 不符合条件.
              <Popconfirm
                title={t("campaign.confirmAdvance", { name: r.person.name, step: stepLabel(primary.to) })}
                description={
                  r.application.verdict?.outcome === "ineligible"
                    ? t("campaign.confirmAdvanceIneligible")
                    : r.application.verdict?.outcome === "needs_review"
                      ? t("campaign.confirmAdvanceReview")
                      : undefined
                }
                okText={t("campaign.confirmAdvanceOk")}
                cancelText={t("campaign.cancel")}
                onConfirm={() => start(primary.kind, r, primary.to, primary.needsRecord)}
              >
                <Button
                  size="small"
                  type={r.application.verdict?.outcome === "ineligible" ? "default" : "primary"}
                  autoInsertSpace={false}
                  title={t("campaign.advanceTo", { step: stepLabel(primary.to) })}
                  loading={busy === r.id}
                >
                  {t("campaign.advance")}
                </Button>
              </Popconfirm>
            ) : (
              <Button
                size="small"
                type="primary"
                autoInsertSpace={false}
                title={
                  primary.kind === "record"
                    ? undefined
                    : t("campaign.advanceTo", { step: stepLabel(primary.to) })
                }
                loading={busy === r.id}
                onClick={() => start(primary.kind, r, primary.to, primary.needsRecord)}
              >
                {primary.kind === "advance"
                  ? t("campaign.advance")
                  : t(`campaign.flow.actions.${primary.kind}`)}
              </Button>
            )}
            {more.length === 0 ? null : (
              <Dropdown
                trigger={["click"]}
                disabled={busy === r.id}
                menu={{
                  items: more.map((kind) => ({
                    key: kind,
                    danger: kind === "reject",
                    label: kind === "reject" ? t("campaign.reject") : t(`campaign.flow.actions.${kind}`),
                  })),
                  onClick: ({ key }) => start(key as MoveKind, r, r.state, false),
                }}
              >
                <Button size="small" autoInsertSpace={false}>
                  {t("campaign.flow.more")}
                </Button>
              </Dropdown>
            )}
            {mayAssign && takesTask(r.state) && tasks.data !== undefined && holderOf(r) === undefined ? (
              <Button
                size="small"
                autoInsertSpace={false}
                onClick={() => setAssigning(r)}
                data-testid="assign-task"
              >
                {t("tasks.assign.action")}
              </Button>
            ) : null}
            <PlaceFromApplication applicationId={r.id} state={r.state} name={r.person.name} />
          </Flex>
        )
      },
    },
  ]

  return (
    <>
      <ProblemAlert
        problem={problem}
        onClose={() => {
          setProblem(null)
          setRefused(null)
        }}
        onReload={() => window.location.reload()}
        testId="action-error"
        style={{ marginBottom: 12 }}
      />
      {refused === null ? null : (
        <DeadlineOverride
          key={`${refused.row.id}-${late[0]?.stageId ?? ""}`}
          row={refused.row}
          late={late}
          send={sendFor(refused.row)}
          onDone={() => {
            setProblem(null)
            setRefused(null)
            void message.success(t("campaign.flow.late.done"))
          }}
        />
      )}
      <Table<ApplicationRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...rows]}
        pagination={false}
        scroll={{ x: "max-content" }}
        expandable={{
          expandedRowRender: (r) => (
            <Flex vertical gap={12}>
              {r.application.verdict === undefined ? null : (
                <RegistrationFormButton applicationId={r.application.id} />
              )}
              <ApplicationRecords
                row={r}
                postTitle={postTitle}
                stageName={stageName}
                onResolveFinding={
                  r.yours.includes("ResolveFinding") && findingsResolvable(steps, r)
                    ? (finding, outcome) => setCaseAct({ kind: "finding", row: r, finding, outcome })
                    : undefined
                }
                onOverrideOpinion={
                  r.yours.includes("OverrideOpinion")
                    ? (department) => setCaseAct({ kind: "opinion", row: r, department })
                    : undefined
                }
              />
            </Flex>
          ),
        }}
      />
      {dialog === null ? null : (
        <MoveDialog
          key={`${dialog.kind}-${dialog.row.id}`}
          kind={dialog.kind}
          row={dialog.row}
          campaign={campaign}
          schedule={schedule}
          posts={posts}
          send={sendFor(dialog.row)}
          onClose={() => setDialog(null)}
          onDone={(kind) => {
            const row = dialog.row
            setDialog(null)
            void message.success(done(kind, row))
          }}
        />
      )}
      {assigning === null ? null : (
        <AssignDialog
          key={assigning.id}
          application={{
            applicationId: assigning.id,
            personName: assigning.person.name,
            step: assigning.stateLabel[lang],
          }}
          today={today}
          onClose={() => setAssigning(null)}
          onDone={(assignee) => {
            const row = assigning
            setAssigning(null)
            void message.success(
              t("tasks.assign.done", { name: row.person.name, step: row.stateLabel[lang], assignee }),
            )
          }}
        />
      )}
      {caseAct?.kind === "finding" ? (
        <FindingDialog
          key={`finding-${caseAct.row.id}-${caseAct.finding.ruleId}`}
          row={caseAct.row}
          finding={caseAct.finding}
          outcome={caseAct.outcome}
          today={today}
          send={sendFor(caseAct.row)}
          onClose={() => setCaseAct(null)}
          onDone={() => {
            const name = caseAct.row.person.name
            setCaseAct(null)
            void message.success(t("campaign.flow.findingDone", { name }))
          }}
        />
      ) : caseAct?.kind === "opinion" ? (
        <OpinionDialog
          key={`opinion-${caseAct.row.id}-${caseAct.department}`}
          row={caseAct.row}
          department={caseAct.department}
          campaign={campaign}
          today={today}
          send={sendFor(caseAct.row)}
          onClose={() => setCaseAct(null)}
          onDone={() => {
            const name = caseAct.row.person.name
            setCaseAct(null)
            void message.success(t("campaign.flow.overrideDone", { name }))
          }}
        />
      ) : null}
    </>
  )
}

/** The timetable: each stage's deadline (or period) in the campaign's year, with overdue marks. */
const Timetable = ({ schedule }: { readonly schedule: Schedule }) => {
  const { t } = useTranslation("admin")
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const date = (d: string) => formatDate(d, language)
  return (
    <Flex vertical gap={8}>
      {schedule.entries.map((e) => (
        <Flex
          key={e.stageId}
          wrap
          gap={8}
          justify="space-between"
          style={{ borderBottom: "1px solid #f0f0f0", paddingBottom: 8 }}
          data-testid={`schedule-${e.stageId}`}
        >
          <div style={{ minWidth: 0, flex: "1 1 240px" }}>
            <div>{e.label[lang]}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.clause}
              {e.note === null ? "" : ` · ${e.note[lang]}`}
            </Typography.Text>
          </div>
          <Flex gap={4} align="center" wrap>
            <span>
              {e.date === null
                ? t("campaign.noDate")
                : e.opens === null
                  ? date(e.date)
                  : t("campaign.opens", { from: date(e.opens), to: date(e.date) })}
            </span>
            {e.overridden ? <Tag>{t("campaign.adjusted")}</Tag> : null}
            {e.overdue ? (
              <Tag color="red" data-testid="overdue">
                {t("campaign.overdue")}
              </Tag>
            ) : null}
          </Flex>
        </Flex>
      ))}
    </Flex>
  )
}

/** 批次详情: the path with each step's count, the timetable, the applications and their moves, the roster. */
export const CampaignPage = ({ id = "" }: { readonly id?: string }) => {
  const { t } = useTranslation("admin")
  const api = useApi()
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const { expired, session } = useSession()
  const mayWrite = session.status === "signedIn" && session.me.permissions.includes("campaign.write")
  // 方案试算 screens the applicants against another version of the scheme: it reads the scheme and screens.
  const mayWhatIf =
    session.status === "signedIn" &&
    session.me.permissions.includes("scheme.read") &&
    session.me.permissions.includes("eligibility.check")
  const { message } = AntdApp.useApp()
  const [exporting, setExporting] = useState(false)
  const [exportProblem, setExportProblem] = useState<Problem | null>(null)
  /** A large roster runs as an export job: its progress while it runs. */
  const [exportJob, setExportJob] = useState<{ readonly done: number; readonly total: number } | null>(null)
  const pages = useKeysetPages()
  const { cursor } = pages
  const { load, reload } = useLoad(
    () =>
      Promise.all([
        api.campaigns.get.query({ id }),
        api.campaigns.schedule.query({ id }),
        api.applications.list.query({ campaignId: id, limit: PAGE_SIZE, cursor }),
        // Post titles for the appointment (the first 200 in scope, a page's maximum); a role that may not read
        // posts still sees the ids.
        api.posts.list
          .query({ limit: 200 })
          .then((page) => page.items)
          .catch((): ReadonlyArray<Post> => []),
      ]),
    `${id}|${language}|${pages.page}|${cursor ?? ""}`,
  )
  const failedAuth = load.state === "failed" && isUnauthenticated(load.error)
  useEffect(() => {
    if (failedAuth) expired()
  }, [failedAuth, expired])

  /** 花名册 (every application) or 安排表 (the appointed and reported-in, with their posts), as .xlsx. */
  const exportFile = async (kind: "roster" | "arrangement") => {
    setExporting(true)
    setExportProblem(null)
    try {
      // Small: streamed from the file route at once. Large: a job, polled with a progress bar, then its file.
      const started = await api.exports.start.mutate({ campaignId: id, kind })
      let url = started.url
      if (started.job !== null) {
        let job = started.job
        setExportJob(job)
        while (job.status === "queued" || job.status === "running") {
          await new Promise((resolve) => setTimeout(resolve, 1000))
          job = await api.exports.job.query({ jobId: job.id })
          setExportJob(job)
        }
        if (job.url === null) throw new Error(job.error ?? job.status)
        url = job.url
      }
      const filename = await downloadFrom(url ?? "", kind === "roster" ? "花名册.xlsx" : "安排表.xlsx")
      void message.success(t("campaign.exported", { filename }))
    } catch (error) {
      setExportProblem(problemOf(error))
    } finally {
      setExporting(false)
      setExportJob(null)
    }
  }

  const title = load.state === "done" ? load.data[0].name : t("campaigns.title")
  return (
    <AppShell title={title}>
      <Link href="/campaigns">← {t("campaign.back")}</Link>
      {load.state === "loading" ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : load.state === "failed" ? (
        <ProblemAlert problem={problemOf(load.error)} style={{ marginTop: 16 }} />
      ) : (
        (() => {
          const [campaign, schedule, applications, posts] = load.data
          const counts = campaign.counts as Readonly<Record<string, number>>
          return (
            <Flex vertical gap={16}>
              <div>
                <Typography.Title level={1} style={{ fontSize: 22, margin: "12px 0 4px" }}>
                  {campaign.name}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {t("campaigns.schemeVersion", {
                    scheme: campaign.schemeName[lang],
                    version: campaign.schemeVersion,
                  })}{" "}
                  · {t("campaigns.places")} {campaign.places} · {t("campaign.referenceDate")}{" "}
                  {formatDate(campaign.referenceDate, language)}
                </Typography.Text>
                <Flex wrap gap={8} align="start" style={{ marginTop: 8 }}>
                  <CampaignStatus campaign={campaign} mayWrite={mayWrite} />
                  <RecommendButton campaign={campaign} today={schedule.today} />
                </Flex>
              </div>
              <Card title={t("campaign.path")} size="small">
                <Steps
                  size="small"
                  data-testid="campaign-path"
                  // The furthest step anyone has reached; each step's own status says whether anyone is on it.
                  current={campaign.path.steps.reduce(
                    (last, s, i) => ((counts[s.state] ?? 0) > 0 ? i : last),
                    0,
                  )}
                  items={campaign.path.steps.map((s) => {
                    const n = counts[s.state] ?? 0
                    return {
                      key: s.state,
                      title: s.label[lang],
                      status: n > 0 ? "process" : "wait",
                      content: (
                        <span data-testid={`count-${s.state}`}>
                          {t("campaign.countOnStep", { count: n })}
                        </span>
                      ),
                    }
                  })}
                />
                {campaign.path.unmapped.length === 0 ? null : (
                  <Alert
                    type="warning"
                    style={{ marginTop: 12 }}
                    title={t("campaign.unmapped", {
                      stages: campaign.path.unmapped.map((s) => s.label[lang]).join("、"),
                    })}
                  />
                )}
              </Card>
              <Card title={t("campaign.timetable")} size="small">
                <Timetable schedule={schedule} />
              </Card>
              <CampaignTasks campaignId={campaign.id} />
              <Card
                title={t("campaign.applications")}
                size="small"
                extra={
                  <Flex gap={8} wrap>
                    <Button loading={exporting} onClick={() => void exportFile("roster")}>
                      {t("campaign.exportRoster")}
                    </Button>
                    <Button
                      loading={exporting}
                      data-testid="export-arrangement"
                      onClick={() => void exportFile("arrangement")}
                    >
                      {t("campaign.exportArrangement")}
                    </Button>
                  </Flex>
                }
              >
                <ProblemAlert problem={exportProblem} testId="export-error" style={{ marginBottom: 12 }} />
                {exportJob !== null && (
                  <Progress
                    data-testid="export-progress"
                    percent={exportJob.total === 0 ? 0 : Math.floor((100 * exportJob.done) / exportJob.total)}
                    format={() => `${exportJob.done} / ${exportJob.total}`}
                    status="active"
                    style={{ marginBottom: 12 }}
                  />
                )}
                <Applications
                  campaign={campaign}
                  schedule={schedule}
                  rows={applications.items}
                  posts={posts}
                  onChanged={reload}
                />
                <KeysetPager pages={pages} total={applications.total} nextCursor={applications.nextCursor} />
              </Card>
              {mayWhatIf ? <WhatIfPanel campaign={campaign} /> : null}
            </Flex>
          )
        })()
      )}
    </AppShell>
  )
}
