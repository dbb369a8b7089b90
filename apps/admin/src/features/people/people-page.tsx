import { ProblemAlert, problemOf, useApi } from "@cadre/ui"
import { Button, Descriptions, Drawer, Input, Space, Table, Tag, Typography } from "antd"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { AppShell } from "../../layout/app-shell"
import { KeysetPager } from "../../layout/keyset-pager"
import { useSession } from "../../session/session"
import { ConductSection } from "./conduct-section"
import { type PersonRow, usePeoplePage } from "./people-paging"

type Version = Awaited<ReturnType<ReturnType<typeof useApi>["profiles"]["history"]["query"]>>[number]

const FIELD_KEYS = new Set([
  "name",
  "sex",
  "ethnicity",
  "birthDate",
  "phone",
  "idNumber",
  "party",
  "education",
  "employment",
  "rank",
  "workStarted",
  "currentUnit",
  "currentPosition",
  "regionId",
  "unitId",
  "workHistory",
  "conduct",
])

/** A person's record (masked) and its versions: who changed what, when, from which source. */
const PersonRecord = ({ person, onClose }: { readonly person: PersonRow; readonly onClose: () => void }) => {
  const { t } = useTranslation("people")
  const api = useApi()
  const [versions, setVersions] = useState<ReadonlyArray<Version>>([])
  const [problem, setProblem] = useState<unknown>(null)
  useEffect(() => {
    api.profiles.history.query({ id: person.id }).then(setVersions, setProblem)
  }, [api, person.id])
  const field = (f: string) => t(`fields.${FIELD_KEYS.has(f) ? f : "other"}`)
  const { session } = useSession()
  const mayRecord = session.status === "signedIn" && session.me.permissions.includes("conduct.record")
  return (
    <Drawer open title={`${t("record")} · ${person.name}`} onClose={onClose} width="min(720px, 100vw)">
      <Space direction="vertical" size="large" style={{ width: "100%" }} data-testid="person-record">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t("name")}>{person.name}</Descriptions.Item>
          <Descriptions.Item label={t("sex")}>{t(`sexes.${person.sex}`)}</Descriptions.Item>
          <Descriptions.Item label={t("birthDate")}>{person.birthDate}</Descriptions.Item>
          <Descriptions.Item label={t("idNumber")}>{person.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label={t("phone")}>{person.phoneMasked ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("unit")}>{person.currentUnit ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("position")}>{person.currentPosition ?? "—"}</Descriptions.Item>
        </Descriptions>
        <ConductSection personId={person.id} name={person.name} mayRecord={mayRecord} />
        <Typography.Title level={5}>{t("history")}</Typography.Title>
        {problem !== null && <ProblemAlert problem={problemOf(problem)} />}
        <Table<Version>
          rowKey="version"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={[...versions]}
          columns={[
            { title: t("version"), dataIndex: "version", width: 70 },
            {
              title: t("source"),
              render: (_, v) => <Tag>{t(`sources.${v.source}`)}</Tag>,
            },
            { title: t("at"), render: (_, v) => v.at.slice(0, 16).replace("T", " ") },
            {
              title: t("changed"),
              render: (_, v) =>
                v.changed.length === 0 ? t("created") : [...new Set(v.changed.map(field))].join("、"),
            },
          ]}
        />
      </Space>
    </Drawer>
  )
}

/**
 * 人员 (issue 14): the people of the caller's scope over profiles.list — masked ID number and phone, a name search,
 * pages — and each person's record with profiles.history (versions and their source: entered, imported,
 * self-declared) and the conduct records staff keep against them (profiles.conduct, 登记 with conduct.record).
 */
export const PeoplePage = () => {
  const { t } = useTranslation("people")
  const [search, setSearch] = useState("")
  const pages = usePeoplePage(search)
  const [open, setOpen] = useState<PersonRow | null>(null)
  return (
    <AppShell title={t("title")}>
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Typography.Paragraph>{t("intro")}</Typography.Paragraph>
        <Input.Search
          allowClear
          placeholder={t("search")}
          aria-label={t("search")}
          onSearch={(v) => setSearch(v.trim())}
          style={{ maxWidth: 320 }}
          data-testid="people-search"
        />
        {pages.problem !== null && <ProblemAlert problem={problemOf(pages.problem)} />}
        <Table<PersonRow>
          rowKey="id"
          size="small"
          loading={pages.loading}
          pagination={false}
          scroll={{ x: true }}
          dataSource={[...pages.rows]}
          locale={{ emptyText: t("empty") }}
          data-testid="people"
          columns={[
            { title: t("name"), dataIndex: "name" },
            { title: t("sex"), render: (_, p) => t(`sexes.${p.sex}`), responsive: ["md"] },
            { title: t("birthDate"), dataIndex: "birthDate", responsive: ["md"] },
            { title: t("idNumber"), dataIndex: "idNumberMasked" },
            { title: t("phone"), render: (_, p) => p.phoneMasked ?? "—", responsive: ["lg"] },
            { title: t("unit"), render: (_, p) => p.currentUnit ?? "—", responsive: ["md"] },
            {
              title: "",
              render: (_, p) => (
                <Button size="small" onClick={() => setOpen(p)}>
                  {t("view")}
                </Button>
              ),
            },
          ]}
        />
        {!pages.totalExact && (
          <Typography.Text type="secondary" data-testid="people-more">
            {t("more", { total: pages.total })}
          </Typography.Text>
        )}
        <KeysetPager pages={pages.pages} total={pages.total} nextCursor={pages.nextCursor} />
      </Space>
      {open !== null && <PersonRecord person={open} onClose={() => setOpen(null)} />}
    </AppShell>
  )
}
