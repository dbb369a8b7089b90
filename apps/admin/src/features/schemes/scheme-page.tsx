import {
  formatDate,
  formatDateTime,
  isUnauthenticated,
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
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from "antd"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useLoad } from "../../api/use-load"
import { AppShell } from "../../layout/app-shell"
import { Link } from "../../routes/navigation"
import { useSession } from "../../session/session"
import { DraftEditor, type Refusal, refusalStyle, useRefusal } from "./scheme-editor"
import { SchemeView, versionText } from "./scheme-view"
import { chinaToday, code, type DiffRow, diffRows, inForceOn, type Summary, type Tr } from "./scheme-words"

/** 版本比较: two versions' changed parameters side by side, in words, each with its clause. */
const Compare = ({
  schemeId,
  versions,
}: {
  readonly schemeId: string
  readonly versions: ReadonlyArray<Summary>
}) => {
  const { t } = useTranslation("schemes")
  const tr = t as Tr
  const api = useApi()
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const ordered = [...versions].sort((a, b) => a.version - b.version)
  const [from, setFrom] = useState(ordered[ordered.length - 2]?.version ?? 1)
  const [to, setTo] = useState(ordered[ordered.length - 1]?.version ?? 1)
  const { load } = useLoad(
    () => api.schemes.diff.query({ schemeId, fromVersion: from, toVersion: to }),
    `${schemeId}|${from}|${to}|${language}|${versions.map((v) => v.rowVersion).join(",")}`,
  )
  const options = ordered.map((v) => ({ value: v.version, label: t("versionLabel", { version: v.version }) }))
  const columns = [
    { title: t("diff.where"), dataIndex: "where", key: "where" },
    { title: t("diff.before"), dataIndex: "before", key: "before" },
    { title: t("diff.after"), dataIndex: "after", key: "after" },
    { title: t("diff.citation"), dataIndex: "citation", key: "citation" },
  ]
  return (
    <Card size="small" title={t("diff.title")} data-testid="compare">
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <span>{t("diff.from")}</span>
        <Select
          aria-label={t("diff.from")}
          value={from}
          onChange={setFrom}
          options={options}
          style={{ width: 110 }}
        />
        <span>{t("diff.to")}</span>
        <Select
          aria-label={t("diff.to")}
          value={to}
          onChange={setTo}
          options={options}
          style={{ width: 110 }}
        />
      </Flex>
      {load.state === "loading" ? (
        <Spin />
      ) : load.state === "failed" ? (
        <ProblemAlert problem={problemOf(load.error)} />
      ) : load.data.changes.length === 0 ? (
        <Typography.Text type="secondary">{t("diff.none")}</Typography.Text>
      ) : (
        <Table<DiffRow>
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: "max-content" }}
          columns={columns}
          dataSource={[...diffRows(load.data.changes, load.data.from.scheme, load.data.to.scheme, tr, lang)]}
          data-testid="diff-table"
        />
      )}
    </Card>
  )
}

/** The dialog for a new draft version copied from the one shown. */
const NewVersionDialog = ({
  schemeId,
  fromVersion,
  nextVersion,
  today,
  scheme,
  onClose,
  onCreated,
}: {
  readonly schemeId: string
  readonly fromVersion: number
  readonly nextVersion: number
  readonly today: string
  readonly scheme: unknown
  readonly onClose: () => void
  readonly onCreated: (version: number) => void
}) => {
  const { t } = useTranslation("schemes")
  const api = useApi()
  const refusalOf = useRefusal()
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const submit = async (v: { readonly version: number; readonly effectiveFrom: string }) => {
    setBusy(true)
    setRefusal(null)
    try {
      const created = await api.schemes.createVersion.mutate({
        schemeId,
        fromVersion,
        version: v.version,
        effectiveFrom: v.effectiveFrom.trim(),
      })
      onCreated(created.scheme.version)
    } catch (error) {
      setRefusal(refusalOf(error, scheme))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal open title={t("edit.newVersionTitle", { version: fromVersion })} onCancel={onClose} footer={null}>
      {refusal === null ? null : (
        <ProblemAlert {...refusal} onReload={onClose} testId="create-error" style={refusalStyle} />
      )}
      <Form
        layout="vertical"
        initialValues={{ version: nextVersion, effectiveFrom: today }}
        onFinish={submit}
      >
        <Form.Item name="version" label={t("edit.newVersionNumber")} rules={[{ required: true }]}>
          <InputNumber precision={0} min={1} />
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label={t("edit.newEffectiveFrom")}
          rules={[{ required: true, message: t("edit.effectiveFromRequired") }]}
        >
          <Input placeholder="YYYY-MM-DD" style={{ maxWidth: 200 }} />
        </Form.Item>
        <Flex gap={8} justify="end">
          <Button onClick={onClose} autoInsertSpace={false}>
            {t("edit.cancel")}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} autoInsertSpace={false}>
            {t("edit.create")}
          </Button>
        </Flex>
      </Form>
    </Modal>
  )
}

/** The version chosen in the address (`?v=2`), if any. */
const versionInUrl = (): number | undefined => {
  const v = Number(new URLSearchParams(window.location.search).get("v"))
  return Number.isInteger(v) && v > 0 ? v : undefined
}

/**
 * 方案详情: pick a version, read it in words, compare two versions; with the permissions, start a new draft from
 * the version shown, edit a draft and publish it. Published versions are read-only.
 */
export const SchemePage = ({ id = "" }: { readonly id?: string }) => {
  const { t } = useTranslation("schemes")
  const tr = t as Tr
  const api = useApi()
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const { session, expired } = useSession()
  const { message, modal } = AntdApp.useApp()
  const permissions: ReadonlyArray<string> = session.status === "signedIn" ? session.me.permissions : []
  const mayWrite = permissions.includes("scheme.write")
  const mayPublish = permissions.includes("scheme.publish")
  const today = useMemo(() => chinaToday(), [])
  const [picked, setPicked] = useState<number | undefined>(versionInUrl)
  const [creating, setCreating] = useState(false)
  const [publishRefusal, setPublishRefusal] = useState<Refusal | null>(null)
  const refusalOf = useRefusal()

  const list = useLoad(() => api.schemes.list.query({ schemeId: id }), `${id}|${language}`)
  const versions = list.load.state === "done" ? list.load.data : []
  const inForce = inForceOn(versions, today)
  const shown = picked ?? inForce?.version ?? versions[0]?.version
  const record = useLoad(
    () =>
      shown === undefined ? Promise.resolve(null) : api.schemes.get.query({ schemeId: id, version: shown }),
    `${id}|${shown}|${language}|${versions.find((v) => v.version === shown)?.rowVersion ?? 0}`,
  )
  const failed =
    list.load.state === "failed" ? list.load.error : record.load.state === "failed" ? record.load.error : null
  const failedAuth = failed !== null && isUnauthenticated(failed)
  useEffect(() => {
    if (failedAuth) expired()
  }, [failedAuth, expired])

  const pick = (version: number) => {
    setPicked(version)
    setPublishRefusal(null)
    window.history.replaceState(null, "", `/schemes/${encodeURIComponent(id)}?v=${version}`)
  }
  const reloadAll = () => {
    setPublishRefusal(null)
    list.reload()
    record.reload()
  }

  const rec = record.load.state === "done" ? record.load.data : null
  const publish = () => {
    if (rec === null) return
    modal.confirm({
      title: t("edit.publish"),
      content: t("edit.publishConfirm", {
        version: rec.scheme.version,
        date: formatDate(rec.scheme.effectiveFrom, language),
      }),
      okText: t("edit.publishOk"),
      cancelText: t("edit.cancel"),
      onOk: async () => {
        setPublishRefusal(null)
        try {
          await api.schemes.publish.mutate({
            schemeId: id,
            version: rec.scheme.version,
            expectedRowVersion: rec.rowVersion,
          })
          void message.success(t("edit.published", { version: rec.scheme.version }))
          reloadAll()
        } catch (error) {
          setPublishRefusal(refusalOf(error, rec.scheme))
        }
      },
    })
  }

  const name = rec?.scheme.name[lang] ?? versions[0]?.name[lang] ?? id
  return (
    <AppShell title={name}>
      <Link href="/schemes">← {t("back")}</Link>
      {failed !== null ? (
        <ProblemAlert problem={problemOf(failed)} style={{ marginTop: 16 }} />
      ) : list.load.state === "loading" || record.load.state === "loading" || rec === null ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <Flex vertical gap={16}>
          <div>
            <Typography.Title level={1} style={{ fontSize: 22, margin: "12px 0 4px" }}>
              {name}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ overflowWrap: "anywhere" }}>
              {rec.scheme.id} · {code(tr, "kinds", rec.scheme.kind._tag)}
              {rec.scheme.kind._tag === "Secondment"
                ? `（${code(tr, "directions", rec.scheme.kind.direction)}）`
                : ""}{" "}
              · {rec.scheme.regionId}
            </Typography.Text>
          </div>
          <Card size="small" title={t("page.version")} data-testid="version-card">
            <Flex wrap gap={8} align="center">
              <Select
                aria-label={t("page.version")}
                value={rec.scheme.version}
                onChange={pick}
                style={{ minWidth: 0, width: "100%", maxWidth: 420 }}
                options={versions.map((v) => ({
                  value: v.version,
                  label: `${versionText(v, tr, language)}${v.version === inForce?.version ? ` · ${t("inForceTag")}` : ""}`,
                }))}
                data-testid="version-select"
              />
              <Tag color={rec.status === "published" ? "green" : "orange"} data-testid="version-status">
                {t(`status.${rec.status}`)}
              </Tag>
              {rec.scheme.version === inForce?.version ? <Tag color="red">{t("inForceTag")}</Tag> : null}
              {mayWrite ? (
                <Button onClick={() => setCreating(true)} autoInsertSpace={false}>
                  {t("edit.newVersion")}
                </Button>
              ) : null}
              {mayPublish && rec.status === "draft" ? (
                <Button type="primary" onClick={publish} autoInsertSpace={false}>
                  {t("edit.publish")}
                </Button>
              ) : null}
            </Flex>
            <div style={{ marginTop: 8 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("effectiveFrom", { date: formatDate(rec.scheme.effectiveFrom, language) })} ·{" "}
                {/* When, not who: the account is an id here; who did it is in 操作日志, by name. */}
                {t("page.createdBy", { at: formatDateTime(new Date(rec.createdAt), language) })}
                {rec.publishedAt === null
                  ? ""
                  : ` · ${t("page.publishedBy", { at: formatDateTime(new Date(rec.publishedAt), language) })}`}
              </Typography.Text>
            </div>
            {rec.status === "published" ? (
              <Alert
                type="info"
                showIcon
                style={{ marginTop: 12 }}
                title={t("page.readOnly")}
                data-testid="read-only"
              />
            ) : (
              <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t("page.draftNote")} />
            )}
          </Card>
          {publishRefusal === null ? null : (
            <ProblemAlert
              {...publishRefusal}
              onReload={reloadAll}
              testId="publish-error"
              style={refusalStyle}
            />
          )}
          {mayWrite && rec.status === "draft" ? (
            <Card size="small" title={t("edit.editDraft")}>
              <DraftEditor
                key={`${rec.scheme.version}-${rec.rowVersion}`}
                record={rec}
                onSaved={reloadAll}
                onReload={reloadAll}
              />
            </Card>
          ) : null}
          {versions.length < 2 ? null : <Compare key={versions.length} schemeId={id} versions={versions} />}
          <SchemeView scheme={rec.scheme} />
          {creating ? (
            <NewVersionDialog
              schemeId={id}
              fromVersion={rec.scheme.version}
              nextVersion={Math.max(...versions.map((v) => v.version)) + 1}
              today={today}
              scheme={rec.scheme}
              onClose={() => setCreating(false)}
              onCreated={(version) => {
                setCreating(false)
                void message.success(t("edit.created", { version }))
                list.reload()
                pick(version)
              }}
            />
          ) : null}
        </Flex>
      )}
    </AppShell>
  )
}
