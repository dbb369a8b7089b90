import type { RouterOutputs } from "@cadre/client"
import { isUnauthenticated, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import {
  App as AntdApp,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Row,
  Select,
  Spin,
  Tag,
  Typography,
} from "antd"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useLoad } from "../../api/use-load"
import { AppShell } from "../../layout/app-shell"
import { KeysetPager, useKeysetPages } from "../../layout/keyset-pager"
import { Link, navigate } from "../../routes/navigation"
import { useSession } from "../../session/session"
import { CreateCampaignDialog } from "./create-campaign-dialog"

export type CampaignRow = RouterOutputs["campaigns"]["list"]["items"][number]

/** The order of the procedure, so counts read along the path. */
const stateOrder = [
  "draft",
  "submitted",
  "screened",
  "qualification_review",
  "joint_review",
  "inspection",
  "interview",
  "shortlisted",
  "decided",
  "public_notice",
  "appointed",
  "reported_in",
  "withdrawn",
  "rejected",
]

const statusColor = { draft: "default", open: "green", closed: "default" } as const

/** Counts by state in the order of the procedure; states nobody is in are left out. */
export const orderedCounts = (counts: Readonly<Record<string, number>>): ReadonlyArray<[string, number]> =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => stateOrder.indexOf(a) - stateOrder.indexOf(b))

const CampaignCard = ({ campaign: c }: { readonly campaign: CampaignRow }) => {
  const { t } = useTranslation("admin")
  const language = useLanguage()
  const counts = orderedCounts(c.counts)
  return (
    <Card
      title={
        <Link href={`/campaigns/${encodeURIComponent(c.id)}`} style={{ whiteSpace: "normal" }}>
          {c.name}
        </Link>
      }
      style={{ height: "100%" }}
      data-testid={`campaign-${c.id}`}
    >
      <Flex vertical gap={8}>
        <div>
          <Typography.Text type="secondary">{t("campaigns.scheme")}：</Typography.Text>
          <Typography.Text style={{ wordBreak: "break-all" }}>
            {t("campaigns.schemeVersion", {
              scheme: c.schemeName?.[language === "en" ? "en" : "zh"] ?? c.schemeId,
              version: c.schemeVersion,
            })}
          </Typography.Text>
        </div>
        <Flex wrap gap={16}>
          <span>
            <Typography.Text type="secondary">{t("campaigns.status")}：</Typography.Text>
            <Tag color={statusColor[c.status]}>{t(`campaigns.statuses.${c.status}`)}</Tag>
          </span>
          <span>
            <Typography.Text type="secondary">{t("campaigns.places")}：</Typography.Text>
            {t("campaigns.placesCount", { count: c.places })}
          </span>
        </Flex>
        <div>
          <Typography.Text type="secondary">{t("campaigns.counts")}：</Typography.Text>
          {counts.length === 0 ? (
            <Typography.Text type="secondary">{t("campaigns.noApplications")}</Typography.Text>
          ) : (
            <Flex wrap gap={4} style={{ marginTop: 4 }}>
              {counts.map(([state, n]) => (
                <Tag key={state} color={state === "rejected" ? "red" : "blue"}>
                  {t(`states.${state}`)} {n}
                </Tag>
              ))}
            </Flex>
          )}
        </div>
      </Flex>
    </Card>
  )
}

/** 选派批次: the campaigns in the caller's scope, with their scheme, status, places and counts by state. */
export const CampaignsPage = () => {
  const { t } = useTranslation("admin")
  const api = useApi()
  const language = useLanguage()
  const { expired, session } = useSession()
  const { message } = AntdApp.useApp()
  const [creating, setCreating] = useState(false)
  // The org dept creates campaigns in its own region (campaign.write); the server checks the scope again.
  const me = session.status === "signedIn" ? session.me : undefined
  const createIn =
    me?.permissions.includes("campaign.write") && me.scope._tag === "RegionScope"
      ? me.scope.regionId
      : undefined
  const [search, setSearch] = useState("")
  const [status, setStatus] = useState<CampaignRow["status"] | null>(null)
  const pages = useKeysetPages()
  const { cursor, first } = pages
  // A new search or status starts again at the first page.
  useEffect(() => {
    void search
    void status
    first()
  }, [search, status, first])
  // Newest first (the server's order), one page at a time (issue 19), filtered on the server.
  const { load } = useLoad(
    () =>
      api.campaigns.list.query({
        ...(search === "" ? {} : { name: search }),
        ...(status === null ? {} : { status }),
        ...(cursor === undefined ? {} : { cursor }),
      }),
    `${language}|${search}|${status ?? ""}|${pages.page}|${cursor ?? ""}`,
  )
  const failedAuth = load.state === "failed" && isUnauthenticated(load.error)
  useEffect(() => {
    if (failedAuth) expired()
  }, [failedAuth, expired])
  return (
    <AppShell title={t("campaigns.title")}>
      <Flex wrap align="center" justify="space-between" gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t("campaigns.title")}
        </Typography.Title>
        {createIn === undefined ? null : (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-campaign">
            {t("campaigns.new")}
          </Button>
        )}
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("campaigns.search")}
          aria-label={t("campaigns.search")}
          onSearch={(v) => setSearch(v.trim())}
          style={{ maxWidth: 320 }}
          data-testid="campaigns-search"
        />
        <Select<CampaignRow["status"] | "all">
          aria-label={t("campaigns.status")}
          style={{ minWidth: 140 }}
          value={status ?? "all"}
          onChange={(v) => setStatus(v === "all" ? null : v)}
          options={[
            { value: "all", label: t("campaigns.anyStatus") },
            ...(["draft", "open", "closed"] as const).map((s) => ({
              value: s,
              label: t(`campaigns.statuses.${s}`),
            })),
          ]}
          data-testid="campaigns-status"
        />
      </Flex>
      {creating && createIn !== undefined ? (
        <CreateCampaignDialog
          regionId={createIn}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false)
            void message.success(t("campaigns.created"))
            navigate(`/campaigns/${encodeURIComponent(id)}`)
          }}
        />
      ) : null}
      {load.state === "loading" ? (
        <Spin />
      ) : load.state === "failed" ? (
        <ProblemAlert problem={problemOf(load.error)} />
      ) : load.data.items.length === 0 ? (
        <Empty description={t("campaigns.empty")} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {load.data.items.map((c) => (
              <Col key={c.id} xs={24} lg={12}>
                <CampaignCard campaign={c} />
              </Col>
            ))}
          </Row>
          <KeysetPager
            pages={pages}
            total={load.data.total}
            totalExact={load.data.totalExact}
            nextCursor={load.data.nextCursor}
          />
        </>
      )}
    </AppShell>
  )
}
