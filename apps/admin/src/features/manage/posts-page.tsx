import { isUnauthenticated, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import {
  App as AntdApp,
  Button,
  Empty,
  Flex,
  Select,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  TreeSelect,
  Typography,
} from "antd"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { allPages } from "../../api/all-pages"
import { useLoad } from "../../api/use-load"
import { AppShell } from "../../layout/app-shell"
import { useSession } from "../../session/session"
import { KeysetPager, useKeysetPages } from "../../layout/keyset-pager"
import {
  POST_STATUSES,
  type PostRow,
  type PostStatus,
  placeOf,
  postStatusColor,
  regionTree,
  type UnitRow,
} from "./manage-helpers"
import { PostDialog } from "./post-dialog"

/** Posts belong to regions: the router asks `region.write`, the repository `unit.write`; both must hold. */
export const mayWritePosts = (permissions: ReadonlyArray<string>): boolean =>
  permissions.includes("region.write") && permissions.includes("unit.write")

/** Posts a page (issue 19: keyset pages, the server filters and counts). */
const PAGE_SIZE = 50

/**
 * 岗位: the posts in the caller's scope with region, unit and status, a page at a time (posts.list: keyset pages,
 * KeysetPager); filtered on the server by a region (with everything beneath it: withinRegionId) and status, with
 * each status's count; new posts and edits (title, vacant ↔ closed) for roles that may write.
 */
export const PostsPage = () => {
  const { t } = useTranslation("manage")
  const api = useApi()
  const language = useLanguage()
  const { message } = AntdApp.useApp()
  const { session, expired } = useSession()
  const permissions = session.status === "signedIn" ? session.me.permissions : []
  const mayWrite = mayWritePosts(permissions)
  const [regionId, setRegionId] = useState<string | null>(null)
  const [status, setStatus] = useState<PostStatus | null>(null)
  const [dialog, setDialog] = useState<{ readonly post: PostRow | null } | null>(null)
  const pages = useKeysetPages()
  const { cursor } = pages
  const { load, reload } = useLoad(
    () =>
      Promise.all([
        api.regions.tree.query({}),
        // Units are the dialog's choices: a refusal of them must not hide the posts.
        allPages((i) => api.units.list.query(i)).catch((): ReadonlyArray<UnitRow> => []),
      ]),
    language,
  )
  const { load: postsLoad, reload: reloadPosts } = useLoad(
    () =>
      api.posts.list.query({
        limit: PAGE_SIZE,
        ...(regionId === null ? {} : { withinRegionId: regionId }),
        ...(status === null ? {} : { status }),
        ...(cursor === undefined ? {} : { cursor }),
      }),
    `${language}|${regionId ?? ""}|${status ?? ""}|${pages.page}|${cursor ?? ""}`,
  )
  const failed = load.state === "failed" ? load : postsLoad.state === "failed" ? postsLoad : null
  const failedAuth = failed !== null && isUnauthenticated(failed.error)
  useEffect(() => {
    if (failedAuth) expired()
  }, [failedAuth, expired])

  const [regions, units] = load.state === "done" ? load.data : [[], []]
  const page = postsLoad.state === "done" ? postsLoad.data : null
  const shown = page?.items ?? []
  const count = (s: PostStatus) => page?.statuses.find((x) => x.status === s)?.count ?? 0
  const inRegion = POST_STATUSES.reduce((n, s) => n + count(s), 0)
  const tree = useMemo(() => regionTree(regions), [regions])
  const [anyPosts, setAnyPosts] = useState(false)
  useEffect(() => {
    if (page !== null && page.total > 0) setAnyPosts(true)
  }, [page])

  const columns: TableColumnsType<PostRow> = [
    {
      title: t("posts.columns.title"),
      key: "title",
      render: (_, p) => (
        <span data-testid="post-title" style={{ whiteSpace: "normal" }}>
          {p.title}
        </span>
      ),
    },
    {
      title: t("posts.columns.region"),
      key: "region",
      render: (_, p) => {
        const place = placeOf(p.regionId, regions)
        return (
          <div>
            <div>{place.name}</div>
            {place.parent === null ? null : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {place.parent}
              </Typography.Text>
            )}
          </div>
        )
      },
    },
    {
      title: t("posts.columns.unit"),
      key: "unit",
      render: (_, p) => (p.unitId === null ? t("posts.noUnit") : (p.unitName ?? p.unitId)),
    },
    {
      title: t("posts.columns.status"),
      key: "status",
      render: (_, p) => (
        <Tag color={postStatusColor[p.status]} data-testid="post-status">
          {t(`posts.statuses.${p.status}`)}
        </Tag>
      ),
    },
    ...(mayWrite
      ? [
          {
            title: t("posts.columns.actions"),
            key: "actions",
            render: (_: unknown, p: PostRow) => (
              <Button size="small" onClick={() => setDialog({ post: p })}>
                {t("posts.edit")}
              </Button>
            ),
          },
        ]
      : []),
  ]

  return (
    <AppShell title={t("postsTitle")}>
      <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t("postsTitle")}
        </Typography.Title>
        {mayWrite && load.state === "done" ? (
          <Button type="primary" onClick={() => setDialog({ post: null })}>
            {t("posts.create")}
          </Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t("posts.intro")}</Typography.Paragraph>
      {load.state === "loading" || (postsLoad.state === "loading" && page === null) ? (
        <Spin />
      ) : failed !== null ? (
        <ProblemAlert problem={problemOf(failed.error)} />
      ) : !anyPosts && regionId === null && status === null && page?.total === 0 ? (
        <Empty description={t("posts.empty")} />
      ) : (
        <Flex vertical gap={12}>
          <Flex wrap gap={8} align="center">
            <TreeSelect<string | undefined>
              value={regionId ?? undefined}
              onChange={(v) => {
                setRegionId(v ?? null)
                pages.first()
              }}
              treeData={tree}
              treeDefaultExpandAll
              allowClear
              showSearch={{ treeNodeFilterProp: "title" }}
              placeholder={t("posts.filterRegionAll")}
              aria-label={t("posts.filterRegion")}
              data-testid="region-filter"
              style={{ width: 260, maxWidth: "100%" }}
            />
            <Select<PostStatus | "all">
              value={status ?? "all"}
              onChange={(v) => {
                setStatus(v === "all" ? null : v)
                pages.first()
              }}
              aria-label={t("posts.filterStatus")}
              data-testid="status-filter"
              style={{ width: 160, maxWidth: "100%" }}
              options={[
                { value: "all", label: t("posts.statusCount", { label: t("all"), count: inRegion }) },
                ...POST_STATUSES.map((s) => ({
                  value: s,
                  label: t("posts.statusCount", { label: t(`posts.statuses.${s}`), count: count(s) }),
                })),
              ]}
            />
            <Typography.Text type="secondary" data-testid="posts-shown">
              {t("posts.shown", { count: page?.total ?? 0 })}
            </Typography.Text>
          </Flex>
          <Table<PostRow>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={[...shown]}
            pagination={false}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: t("posts.noMatch") }}
          />
          <KeysetPager pages={pages} total={page?.total ?? 0} nextCursor={page?.nextCursor ?? null} />
        </Flex>
      )}
      {dialog === null || load.state !== "done" ? null : (
        <PostDialog
          key={dialog.post?.id ?? "new"}
          post={dialog.post}
          regions={regions}
          units={units}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null)
            void message.success(
              dialog.post === null
                ? t("posts.created", { title: saved.title })
                : t("posts.updated", { title: saved.title }),
            )
            reload()
            reloadPosts()
          }}
        />
      )}
    </AppShell>
  )
}
