import { ProblemAlert, problemOf, saveBlob, useApi } from "@cadre/ui"
import {
  Alert,
  Button,
  Flex,
  Progress,
  Radio,
  Segmented,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
} from "antd"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { AppShell } from "../../layout/app-shell"
import { useSession } from "../../session/session"

/** The API's file routes, through the SPA's /api prefix. */
const FILES = "/api/api/v1/imports"

interface JobView {
  readonly id: string
  readonly status: string
  readonly total: number
  readonly done: number
  readonly counts: { new: number; changed: number; unchanged: number; invalid: number } | null
  readonly rowsPerSecond: number | null
}
interface RowView {
  readonly rowNo: number
  readonly errors: ReadonlyArray<{ column: string; value: string; zh: string; en: string }>
}

/** What can be imported, each with the permission it needs (the server checks again) and its template's name. */
const KINDS = [
  { kind: "roster", permission: "person.write", template: "花名册导入模板.xlsx" },
  { kind: "regions", permission: "tree.import", template: "区划导入模板.xlsx" },
  { kind: "units", permission: "tree.import", template: "单位导入模板.xlsx" },
] as const
type Kind = (typeof KINDS)[number]["kind"]

/** Save a download from an API file route (the session cookie goes with it). */
const download = async (url: string, name: string) => {
  const res = await fetch(url, { credentials: "same-origin" })
  if (!res.ok) throw new Error(`${res.status}`)
  saveBlob(await res.blob(), name)
}

/**
 * 导入 (issue 14): choose 花名册 / 区划 / 单位, download its template, upload a file (.xlsx or .csv), see the preview's counts and the
 * rows with errors, download them, choose the mode, commit, watch the job's progress to 100 %.
 */
export const ImportsPage = () => {
  const { t, i18n } = useTranslation("admin")
  const api = useApi()
  const zh = i18n.language.startsWith("zh")
  const [job, setJob] = useState<JobView | null>(null)
  const [rows, setRows] = useState<ReadonlyArray<RowView>>([])
  const [mode, setMode] = useState<"all_or_nothing" | "valid_only">("all_or_nothing")
  const [problem, setProblem] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const { session } = useSession()
  const permissions: ReadonlyArray<string> = session.status === "signedIn" ? session.me.permissions : []
  const kinds = KINDS.filter((k) => permissions.includes(k.permission))
  const [kind, setKind] = useState<Kind>("roster")
  const chosen = KINDS.find((k) => k.kind === kind) ?? KINDS[0]
  const choose = (k: Kind) => {
    setKind(k)
    setJob(null)
    setRows([])
    setProblem(null)
  }

  const running = job !== null && (job.status === "queued" || job.status === "running")
  useEffect(() => {
    if (!running || job === null) return
    const timer = setInterval(() => {
      api.imports.status.query({ jobId: job.id }).then((j) => setJob(j as JobView), setProblem)
    }, 500)
    return () => clearInterval(timer)
  }, [running, job, api])

  const upload = async (file: File) => {
    setBusy(true)
    setProblem(null)
    setRows([])
    try {
      const form = new FormData()
      form.append("file", file)
      const res = await fetch(`${FILES}/${kind}`, { method: "POST", body: form, credentials: "same-origin" })
      const body = (await res.json()) as JobView & {
        error?: { data?: { message?: { zh: string; en: string } } }
      }
      if (!res.ok) {
        const m = body.error?.data?.message
        setJob(null)
        setProblem(new Error(m === undefined ? String(res.status) : zh ? m.zh : m.en))
        return
      }
      // The preview shows once its rows are in: until then 确认导入 would be a loading button that ignores a click.
      const page = await api.imports.rows.query({ jobId: body.id, onlyErrors: true, limit: 200 })
      setRows(page.rows as ReadonlyArray<RowView>)
      setJob(body)
    } catch (e) {
      setProblem(e)
    } finally {
      setBusy(false)
    }
  }

  const commit = async () => {
    if (job === null) return
    setBusy(true)
    setProblem(null)
    try {
      setJob((await api.imports.commit.mutate({ jobId: job.id, mode })) as JobView)
    } catch (e) {
      setProblem(e)
    } finally {
      setBusy(false)
    }
  }

  const percent = job === null || job.total === 0 ? 0 : Math.round((job.done / job.total) * 100)
  const committed = job !== null && !["staged", "validated"].includes(job.status)
  return (
    <AppShell title={t("imports.title")}>
      <Space direction="vertical" size="large" style={{ width: "100%" }}>
        {kinds.length > 1 && (
          <Segmented<Kind>
            data-testid="kind"
            value={kind}
            onChange={choose}
            options={kinds.map((k) => ({ value: k.kind, label: t(`imports.kinds.${k.kind}`) }))}
          />
        )}
        <Typography.Paragraph>{t(`imports.intros.${kind}`)}</Typography.Paragraph>
        <Flex gap="small" wrap>
          <Button onClick={() => download(`${FILES}/${kind}/template`, chosen.template).catch(setProblem)}>
            {t("imports.template")}
          </Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file)
              return false
            }}
          >
            <Button type="primary" loading={busy && job === null} data-testid="upload">
              {t(`imports.uploads.${kind}`)}
            </Button>
          </Upload>
        </Flex>
        {problem !== null && <ProblemAlert problem={problemOf(problem)} />}
        {job?.counts != null && (
          <Flex gap="large" wrap data-testid="counts">
            <Statistic title={t("imports.counts.new")} value={job.counts.new} />
            <Statistic title={t("imports.counts.changed")} value={job.counts.changed} />
            <Statistic title={t("imports.counts.unchanged")} value={job.counts.unchanged} />
            <Statistic title={t("imports.counts.invalid")} value={job.counts.invalid} />
          </Flex>
        )}
        {rows.length > 0 && (
          <>
            <Table<RowView>
              rowKey="rowNo"
              size="small"
              dataSource={[...rows]}
              pagination={{ pageSize: 20 }}
              scroll={{ x: true }}
              columns={[
                { title: t("imports.row"), dataIndex: "rowNo", width: 80 },
                {
                  title: t("imports.errors"),
                  render: (_, r) =>
                    r.errors.map((e) => (
                      <div key={`${e.column}-${e.zh}`}>
                        【{e.column}】{e.value === "" ? "" : `“${e.value}” `}
                        {zh ? e.zh : e.en}
                      </div>
                    )),
                },
              ]}
            />
            <Button
              onClick={() =>
                job !== null && download(`${FILES}/${job.id}/errors.xlsx`, "导入错误.xlsx").catch(setProblem)
              }
            >
              {t("imports.downloadErrors")}
            </Button>
          </>
        )}
        {job !== null && !committed && (
          <Flex gap="small" wrap align="center">
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
              <Radio value="all_or_nothing">{t("imports.allOrNothing")}</Radio>
              <Radio value="valid_only">{t("imports.validOnly")}</Radio>
            </Radio.Group>
            <Button type="primary" onClick={commit} loading={busy} data-testid="commit">
              {t("imports.commit")}
            </Button>
          </Flex>
        )}
        {committed && job !== null && (
          <Space direction="vertical" style={{ width: "100%" }}>
            <Progress
              format={(p) => `${p ?? 0}%`}
              percent={percent}
              status={job.status === "failed" ? "exception" : job.status === "done" ? "success" : "active"}
            />
            <Typography.Text>
              {t(`imports.status.${job.status}`, {
                done: job.done,
                total: job.total,
                rate: job.rowsPerSecond ?? 0,
              })}
            </Typography.Text>
            {job.status === "done" && (
              <Alert type="success" showIcon message={t("imports.finished", { done: job.done })} />
            )}
          </Space>
        )}
      </Space>
    </AppShell>
  )
}
