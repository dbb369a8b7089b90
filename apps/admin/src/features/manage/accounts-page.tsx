import { formatDate, isUnauthenticated, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import {
  App as AntdApp,
  Button,
  Empty,
  Flex,
  Input,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useLoad } from "../../api/use-load"
import { allPages } from "../../api/all-pages"
import { AppShell } from "../../layout/app-shell"
import { KeysetPager, useKeysetPages } from "../../layout/keyset-pager"
import { useSession } from "../../session/session"
import { HandoverDialog } from "../tasks/task-dialogs"
import { AccountDialog } from "./account-dialog"
import { type AccountRow, chinaDateOf, creatableRoles, scopeName, type UnitRow } from "./manage-helpers"
import { TokenDialog } from "./token-dialog"

const PAGE_SIZE = 50

/** Roles that may hold review tasks (Access: application.review), whose open tasks may be handed over. */
const REVIEWING_ROLES: ReadonlySet<string> = new Set(["org_dept_admin", "street_admin", "reviewer"])

/**
 * 账号: the accounts whose scope lies within the caller's (name, e-mail, role, scope, status); new accounts
 * (roles the caller may create; the server checks the scope), one-time API tokens for integrators, and for
 * `campaign.write` 交接待办: a reviewer's open tasks handed to a successor (issue 16).
 */
export const AccountsPage = () => {
  const { t } = useTranslation("manage")
  const api = useApi()
  const language = useLanguage()
  const { message } = AntdApp.useApp()
  const { session, expired } = useSession()
  const me = session.status === "signedIn" ? session.me : null
  const mayCreate =
    (me?.permissions.includes("account.create") ?? false) && creatableRoles(me?.role ?? "").length > 0
  const [creating, setCreating] = useState(false)
  const [tokenFor, setTokenFor] = useState<AccountRow | null>(null)
  const mayHandOver = me?.permissions.includes("campaign.write") ?? false
  const [handingOver, setHandingOver] = useState<AccountRow | null>(null)
  const [search, setSearch] = useState("")
  const pages = useKeysetPages()
  const { cursor, first } = pages
  // A new search starts again at the first page.
  useEffect(() => {
    void search
    first()
  }, [search, first])
  const { load, reload } = useLoad(
    () =>
      Promise.all([
        api.regions.tree.query({}),
        // Units and the policy help to read and fill in; a refusal of them must not hide the accounts.
        allPages((i) => api.units.list.query(i)).catch((): ReadonlyArray<UnitRow> => []),
        api.auth.passwordPolicy.query().catch(() => null),
      ]),
    language,
  )
  // One page of accounts (issue 19), by e-mail, with the name or e-mail searched on the server.
  const { load: accountsLoad, reload: reloadAccounts } = useLoad(
    () =>
      api.accounts.list.query({
        limit: PAGE_SIZE,
        ...(search === "" ? {} : { name: search }),
        ...(cursor === undefined ? {} : { cursor }),
      }),
    `${language}|${search}|${pages.page}|${cursor ?? ""}`,
  )
  const failed = load.state === "failed" ? load : accountsLoad.state === "failed" ? accountsLoad : null
  const failedAuth = failed !== null && isUnauthenticated(failed.error)
  useEffect(() => {
    if (failedAuth) expired()
  }, [failedAuth, expired])
  const [regions, units, policy] = load.state === "done" ? load.data : [[], [], null]
  const accounts = accountsLoad.state === "done" ? accountsLoad.data.items : []

  const columns: TableColumnsType<AccountRow> = [
    { title: t("accounts.columns.name"), key: "name", render: (_, a) => a.name },
    {
      title: t("accounts.columns.email"),
      key: "email",
      render: (_, a) => <span style={{ wordBreak: "break-all" }}>{a.email}</span>,
    },
    {
      title: t("accounts.columns.role"),
      key: "role",
      render: (_, a) => <span data-testid="account-role">{t(`admin:roles.${a.role}`, a.role)}</span>,
    },
    {
      title: t("accounts.columns.scope"),
      key: "scope",
      render: (_, a) => <span data-testid="account-scope">{scopeName(a, regions, units)}</span>,
    },
    {
      title: t("accounts.columns.active"),
      key: "active",
      render: (_, a) =>
        a.active ? <Tag color="green">{t("accounts.active")}</Tag> : <Tag>{t("accounts.inactive")}</Tag>,
    },
    {
      title: t("accounts.columns.created"),
      key: "created",
      render: (_, a) => formatDate(chinaDateOf(a.createdAt), language),
    },
    {
      title: t("accounts.columns.actions"),
      key: "actions",
      fixed: "right",
      render: (_, a) => (
        <Flex gap={8} wrap>
          {a.role === "integrator" && a.active ? (
            <Button size="small" onClick={() => setTokenFor(a)}>
              {t("accounts.issueToken")}
            </Button>
          ) : null}
          {mayHandOver && REVIEWING_ROLES.has(a.role) ? (
            <Button
              size="small"
              autoInsertSpace={false}
              onClick={() => setHandingOver(a)}
              data-testid="account-handover"
            >
              {t("admin:tasks.handover.action")}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ]

  return (
    <AppShell title={t("accountsTitle")}>
      <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t("accountsTitle")}
        </Typography.Title>
        {mayCreate && load.state === "done" ? (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t("accounts.create")}
          </Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t("accounts.intro")}</Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder={t("accounts.search")}
        aria-label={t("accounts.search")}
        onSearch={(v) => setSearch(v.trim())}
        style={{ maxWidth: 320, marginBottom: 8 }}
        data-testid="accounts-search"
      />
      {load.state === "loading" || accountsLoad.state === "loading" ? (
        <Spin />
      ) : failed !== null ? (
        <ProblemAlert problem={problemOf(failed.error)} />
      ) : accounts.length === 0 ? (
        <Empty description={t("accounts.empty")} />
      ) : (
        <>
          <Table<AccountRow>
            rowKey="accountId"
            size="small"
            columns={columns}
            dataSource={[...accounts]}
            pagination={false}
            scroll={{ x: "max-content" }}
          />
          {accountsLoad.state === "done" ? (
            <KeysetPager
              pages={pages}
              total={accountsLoad.data.total}
              totalExact={accountsLoad.data.totalExact}
              nextCursor={accountsLoad.data.nextCursor}
            />
          ) : null}
        </>
      )}
      {creating && me !== null && load.state === "done" ? (
        <AccountDialog
          creatorRole={me.role}
          regions={regions}
          units={units}
          policy={policy}
          onClose={() => setCreating(false)}
          onCreated={(email) => {
            setCreating(false)
            void message.success(t("accounts.created", { email }))
            reload()
            reloadAccounts()
          }}
        />
      ) : null}
      {tokenFor === null ? null : <TokenDialog account={tokenFor} onClose={() => setTokenFor(null)} />}
      {handingOver === null ? null : (
        <HandoverDialog
          key={handingOver.accountId}
          account={{ accountId: handingOver.accountId, name: handingOver.name }}
          onClose={() => setHandingOver(null)}
        />
      )}
    </AppShell>
  )
}
