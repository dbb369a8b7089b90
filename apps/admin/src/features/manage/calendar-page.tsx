import { chinaDate, isUnauthenticated, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import {
  Alert,
  App as AntdApp,
  Button,
  Empty,
  Form,
  Input,
  InputNumber,
  Spin,
  Table,
  type TableColumnsType,
  TreeSelect,
  Typography,
} from "antd"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useLoad } from "../../api/use-load"
import { AppShell } from "../../layout/app-shell"
import { useSession } from "../../session/session"
import { type LocalAdjustmentRow, parseDates, regionOfPath, regionTree } from "./manage-helpers"

interface AdjustmentValues {
  readonly regionId: string
  readonly year: number
  readonly holidays?: string
  readonly makeUpWorkdays?: string
  readonly reason: string
}

/**
 * 工作日历: the national calendar (the State Council's holidays and 调休) is read-only; an org dept enters its own
 * region's local days off and make-up working days for a year (calendar.setLocal), which apply to campaigns,
 * placements and leave in that region and beneath it. The table lists the adjustments that apply in the chosen
 * region (its own and those of the regions above it).
 */
export const CalendarPage = () => {
  const { t } = useTranslation("manage")
  const api = useApi()
  const language = useLanguage()
  const { message } = AntdApp.useApp()
  const { session, expired } = useSession()
  const mayAdjust = session.status === "signedIn" && session.me.permissions.includes("calendar.local")
  // The caller's own region first (an org dept's district): its calendar is the one most often wanted.
  const ownRegion =
    session.status === "signedIn" ? (session.me.scope as { readonly regionId?: string }).regionId : undefined
  const [form] = Form.useForm<AdjustmentValues>()
  const regionId = Form.useWatch("regionId", form)
  const [problem, setProblem] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const { load } = useLoad(() => api.regions.tree.query({}), language)
  const failedAuth = load.state === "failed" && isUnauthenticated(load.error)
  useEffect(() => {
    if (failedAuth) expired()
  }, [failedAuth, expired])
  const regions = load.state === "done" ? load.data : []
  const loaded = load.state === "done"
  useEffect(() => {
    if (loaded && ownRegion !== undefined && form.getFieldValue("regionId") === undefined)
      form.setFieldValue("regionId", ownRegion)
  }, [loaded, ownRegion, form])
  const [round, setRound] = useState(0)
  const { load: local } = useLoad(
    () =>
      regionId === undefined
        ? Promise.resolve(null)
        : api.calendar.local.query({ regionId }).then((r) => r.adjustments),
    `${language}:${regionId ?? ""}:${round}`,
  )
  const rows: ReadonlyArray<LocalAdjustmentRow> = local.state === "done" ? (local.data ?? []) : []

  const submit = async (v: AdjustmentValues) => {
    setProblem(null)
    setSaving(true)
    try {
      const saved = await api.calendar.setLocal.mutate({
        regionId: v.regionId,
        year: v.year,
        holidays: parseDates(v.holidays ?? ""),
        makeUpWorkdays: parseDates(v.makeUpWorkdays ?? ""),
        reason: v.reason.trim(),
      })
      void message.success(saved === null ? t("calendar.cleared") : t("calendar.saved"))
      setRound((n) => n + 1)
    } catch (error) {
      setProblem(error)
    } finally {
      setSaving(false)
    }
  }

  const dateRule = {
    validator: (_: unknown, value: string | undefined) =>
      parseDates(value ?? "").every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
        ? Promise.resolve()
        : Promise.reject(new Error(t("calendar.datesFormat"))),
  }

  const columns: TableColumnsType<LocalAdjustmentRow> = [
    {
      title: t("calendar.columns.region"),
      key: "region",
      render: (_, a) => regionOfPath(a.regionPath, regions),
    },
    { title: t("calendar.columns.year"), key: "year", render: (_, a) => a.year },
    {
      title: t("calendar.columns.holidays"),
      key: "holidays",
      render: (_, a) => a.holidays.join("、") || "—",
    },
    {
      title: t("calendar.columns.makeUpWorkdays"),
      key: "makeUp",
      render: (_, a) => a.makeUpWorkdays.join("、") || "—",
    },
    { title: t("calendar.columns.reason"), key: "reason", render: (_, a) => a.reason },
  ]

  return (
    <AppShell title={t("calendarTitle")}>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t("calendarTitle")}
      </Typography.Title>
      <Alert type="info" showIcon message={t("calendar.national")} style={{ marginBottom: 12 }} />
      {load.state === "loading" ? (
        <Spin />
      ) : load.state === "failed" ? (
        <ProblemAlert problem={problemOf(load.error)} />
      ) : (
        <>
          <Form<AdjustmentValues>
            form={form}
            layout="vertical"
            style={{ maxWidth: 640 }}
            initialValues={{ year: Number(chinaDate().slice(0, 4)) }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item
              name="regionId"
              label={t("calendar.region")}
              rules={[{ required: true, message: t("calendar.regionRequired") }]}
            >
              <TreeSelect
                treeData={regionTree(regions)}
                treeDefaultExpandAll
                showSearch={{ treeNodeFilterProp: "title" }}
                data-testid="calendar-region"
              />
            </Form.Item>
            {mayAdjust ? (
              <>
                <Form.Item
                  name="year"
                  label={t("calendar.year")}
                  rules={[{ required: true, message: t("calendar.yearRequired") }]}
                >
                  <InputNumber min={1900} max={2200} precision={0} />
                </Form.Item>
                <Form.Item
                  name="holidays"
                  label={t("calendar.holidays")}
                  extra={t("calendar.datesHelp")}
                  rules={[dateRule]}
                >
                  <Input autoComplete="off" data-testid="calendar-holidays" />
                </Form.Item>
                <Form.Item
                  name="makeUpWorkdays"
                  label={t("calendar.makeUpWorkdays")}
                  extra={t("calendar.makeUpHelp")}
                  rules={[dateRule]}
                >
                  <Input autoComplete="off" data-testid="calendar-makeup" />
                </Form.Item>
                <Form.Item
                  name="reason"
                  label={t("calendar.reason")}
                  rules={[
                    { required: true, whitespace: true, message: t("calendar.reasonRequired") },
                    { max: 200, message: t("calendar.reasonTooLong") },
                  ]}
                >
                  <Input autoComplete="off" placeholder={t("calendar.reasonPlaceholder")} />
                </Form.Item>
                {problem === null ? null : <ProblemAlert problem={problemOf(problem)} />}
                <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 8 }}>
                  {t("calendar.save")}
                </Button>
              </>
            ) : null}
          </Form>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {t("calendar.applying")}
          </Typography.Title>
          {regionId === undefined ? (
            <Typography.Paragraph type="secondary">{t("calendar.chooseRegion")}</Typography.Paragraph>
          ) : local.state === "loading" ? (
            <Spin />
          ) : local.state === "failed" ? (
            <ProblemAlert problem={problemOf(local.error)} />
          ) : rows.length === 0 ? (
            <Empty description={t("calendar.none")} />
          ) : (
            <Table<LocalAdjustmentRow>
              rowKey={(a) => `${a.regionPath}:${a.year}`}
              size="small"
              columns={columns}
              dataSource={[...rows]}
              pagination={false}
              scroll={{ x: "max-content" }}
              data-testid="calendar-table"
            />
          )}
        </>
      )}
    </AppShell>
  )
}
