import type { RouterOutputs } from "@cadre/client"
import { formatDate, isUnauthenticated, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import {
  Button,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useLoad } from "../../api/use-load"
import { AppShell } from "../../layout/app-shell"
import { Link, navigate } from "../../routes/navigation"
import { useSession } from "../../session/session"
import { type Refusal, refusalStyle, useRefusal } from "./scheme-editor"
import { chinaToday, code, groupSchemes, inForceOn, type SchemeGroup, type Tr } from "./scheme-words"

type Preset = RouterOutputs["schemes"]["presets"][number]
type RegionRow = RouterOutputs["regions"]["tree"][number]

interface PresetForm {
  readonly presetKey: string
  readonly schemeId?: string
  readonly regionId?: string
  readonly effectiveFrom?: string
}

/** 从模板新建方案: a new draft scheme from one of the seed presets, in a region of the caller's scope. */
const FromPresetDialog = ({
  presets,
  regions,
  defaultRegion,
  onClose,
}: {
  readonly presets: ReadonlyArray<Preset>
  readonly regions: ReadonlyArray<RegionRow>
  readonly defaultRegion: string | undefined
  readonly onClose: () => void
}) => {
  const { t } = useTranslation("schemes")
  const api = useApi()
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const refusalOf = useRefusal()
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const blank = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : s.trim())
  const submit = async (v: PresetForm) => {
    setBusy(true)
    setRefusal(null)
    const schemeId = blank(v.schemeId)
    const regionId = blank(v.regionId)
    const effectiveFrom = blank(v.effectiveFrom)
    try {
      const created = await api.schemes.createFromPreset.mutate({
        presetKey: v.presetKey,
        ...(schemeId === undefined ? {} : { schemeId: schemeId as never }),
        ...(regionId === undefined ? {} : { regionId }),
        ...(effectiveFrom === undefined ? {} : { effectiveFrom }),
      })
      navigate(`/schemes/${encodeURIComponent(created.scheme.id)}?v=${created.scheme.version}`)
    } catch (error) {
      setRefusal(refusalOf(error, undefined))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal open title={t("fromPreset.title")} onCancel={onClose} footer={null}>
      {refusal === null ? null : (
        <ProblemAlert {...refusal} onReload={onClose} testId="preset-error" style={refusalStyle} />
      )}
      <Form<PresetForm> layout="vertical" onFinish={submit} initialValues={{ regionId: defaultRegion }}>
        <Form.Item
          name="presetKey"
          label={t("fromPreset.preset")}
          rules={[{ required: true, message: t("fromPreset.presetRequired") }]}
        >
          <Select
            options={presets.map((p) => ({ value: p.key, label: `${p.title[lang]}（${p.seed}）` }))}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item name="schemeId" label={t("fromPreset.schemeId")} extra={t("fromPreset.schemeIdHelp")}>
          <Input />
        </Form.Item>
        <Form.Item name="regionId" label={t("fromPreset.region")}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={regions.map((r) => ({ value: r.id, label: `${r.name}（${r.id}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label={t("fromPreset.effectiveFrom")}
          extra={t("fromPreset.effectiveFromHelp")}
        >
          <Input placeholder="YYYY-MM-DD" style={{ maxWidth: 200 }} />
        </Form.Item>
        <Flex gap={8} justify="end">
          <Button onClick={onClose} autoInsertSpace={false}>
            {t("fromPreset.cancel")}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} autoInsertSpace={false}>
            {t("fromPreset.submit")}
          </Button>
        </Flex>
      </Form>
    </Modal>
  )
}

/** 选派方案: the schemes in the caller's scope, each with its versions and the one in force today. */
export const SchemesPage = () => {
  const { t } = useTranslation("schemes")
  const tr = t as Tr
  const api = useApi()
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const { session, expired } = useSession()
  const permissions: ReadonlyArray<string> = session.status === "signedIn" ? session.me.permissions : []
  const mayWrite = permissions.includes("scheme.write")
  const readsRegions = permissions.includes("region.read")
  const scopeRegion =
    session.status === "signedIn" && session.me.scope._tag !== "SelfScope"
      ? session.me.scope.regionId
      : undefined
  const today = useMemo(() => chinaToday(), [])
  const [creating, setCreating] = useState(false)
  const { load } = useLoad(
    () =>
      Promise.all([
        api.schemes.list.query({}),
        // Names of the regions in scope; a role without region.read sees the codes.
        readsRegions ? api.regions.tree.query({}) : Promise.resolve([] as ReadonlyArray<RegionRow>),
        mayWrite ? api.schemes.presets.query() : Promise.resolve([] as ReadonlyArray<Preset>),
      ]),
    `${language}|${readsRegions}|${mayWrite}`,
  )
  const failedAuth = load.state === "failed" && isUnauthenticated(load.error)
  useEffect(() => {
    if (failedAuth) expired()
  }, [failedAuth, expired])

  const regionName = (id: string, regions: ReadonlyArray<RegionRow>): string => {
    const r = regions.find((x) => x.id === id)
    return r === undefined
      ? id === scopeRegion && session.status === "signedIn" && session.scopeName !== null
        ? session.scopeName
        : id
      : r.name
  }

  const columns = (regions: ReadonlyArray<RegionRow>): TableColumnsType<SchemeGroup> => [
    {
      title: t("columns.name"),
      key: "name",
      render: (_, g) => (
        <Flex vertical style={{ maxWidth: 360, minWidth: 200 }}>
          <Link href={`/schemes/${encodeURIComponent(g.schemeId)}`} style={{ whiteSpace: "normal" }}>
            {g.latest.name[lang]}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {g.schemeId}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("columns.kind"),
      key: "kind",
      // A secondment with its direction (下挂…), as the list sends it.
      render: (_, g) =>
        g.latest.direction === null
          ? code(tr, "kinds", g.latest.kind)
          : `${code(tr, "kinds", g.latest.kind)}（${code(tr, "directions", g.latest.direction)}）`,
    },
    {
      title: t("columns.region"),
      key: "region",
      // The list names the region even above the caller's scope (a street reading its district's scheme).
      render: (_, g) =>
        `${g.latest.regionName || regionName(g.latest.regionId, regions)}（${g.latest.regionId}）`,
    },
    {
      title: t("columns.versions"),
      key: "versions",
      render: (_, g) => (
        <Flex vertical gap={4}>
          {g.versions.map((v) => (
            <Flex key={v.version} gap={4} wrap align="center" data-testid={`version-${v.version}`}>
              <Link href={`/schemes/${encodeURIComponent(g.schemeId)}?v=${v.version}`}>
                {t("versionLabel", { version: v.version })}
              </Link>
              <Tag color={v.status === "published" ? "green" : "orange"}>{t(`status.${v.status}`)}</Tag>
              <Typography.Text type="secondary">
                {t("effectiveFrom", { date: formatDate(v.effectiveFrom, language) })}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      ),
    },
    {
      title: t("columns.inForce"),
      key: "inForce",
      render: (_, g) => {
        const v = inForceOn(g.versions, today)
        return v === undefined ? (
          <Typography.Text type="secondary">{t("noneInForce")}</Typography.Text>
        ) : (
          <Tag color="red" data-testid="in-force">
            {t("versionLabel", { version: v.version })}
          </Tag>
        )
      },
    },
  ]

  return (
    <AppShell title={t("title")}>
      <Flex wrap gap={8} justify="space-between" align="center">
        <Typography.Title level={1} style={{ fontSize: 24, margin: "8px 0" }}>
          {t("title")}
        </Typography.Title>
        {mayWrite && load.state === "done" ? (
          <Button type="primary" onClick={() => setCreating(true)} autoInsertSpace={false}>
            {t("fromPreset.open")}
          </Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t("intro")}</Typography.Paragraph>
      {load.state === "loading" ? (
        <Spin />
      ) : load.state === "failed" ? (
        <ProblemAlert problem={problemOf(load.error)} />
      ) : load.data[0].length === 0 ? (
        <Empty description={t("empty")} />
      ) : (
        <Table<SchemeGroup>
          rowKey="schemeId"
          size="small"
          pagination={false}
          scroll={{ x: "max-content" }}
          columns={columns(load.data[1])}
          dataSource={[...groupSchemes(load.data[0])]}
        />
      )}
      {creating && load.state === "done" ? (
        <FromPresetDialog
          presets={load.data[2]}
          regions={load.data[1]}
          defaultRegion={scopeRegion}
          onClose={() => setCreating(false)}
        />
      ) : null}
    </AppShell>
  )
}
