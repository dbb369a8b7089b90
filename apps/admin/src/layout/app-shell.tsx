import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  FileTextOutlined,
  FlagOutlined,
  HistoryOutlined,
  HomeOutlined,
  MenuOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons"
import { LanguageSwitch } from "@cadre/ui"
import { useQueryClient } from "@tanstack/react-query"
import { Alert, App as AntdApp, Breadcrumb, Button, Drawer, Flex, Grid, Layout, Menu, Typography } from "antd"
import { type ReactNode, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useReachability } from "../api/query"
import { Link, navigate, useLocation } from "../routes/navigation"
import { useSession } from "../session/session"

/** The areas, each shown to an account whose role may read it (auth.me's permissions; the server checks again). */
export const NAV = [
  { key: "schemes", href: "/schemes", permission: "scheme.read", group: "work", icon: <FileTextOutlined /> },
  {
    key: "campaigns",
    href: "/campaigns",
    permission: "campaign.read",
    group: "work",
    icon: <FlagOutlined />,
  },
  {
    key: "placements",
    href: "/placements",
    permission: "placement.read",
    group: "work",
    icon: <TeamOutlined />,
  },
  { key: "leave", href: "/leave", permission: "leave.approve", group: "work", icon: <ScheduleOutlined /> },
  {
    key: "reserves",
    href: "/reserves",
    permission: "pool.review",
    group: "work",
    icon: <SolutionOutlined />,
  },
  {
    key: "reports",
    href: "/reports",
    permission: "placement.read",
    group: "work",
    icon: <ProfileOutlined />,
  },
  { key: "figures", href: "/figures", permission: "figures.read", group: "work", icon: <BarChartOutlined /> },
  {
    key: "tasks",
    href: "/tasks",
    permission: "application.review",
    group: "work",
    icon: <CheckSquareOutlined />,
  },
  { key: "people", href: "/people", permission: "profile.read", group: "records", icon: <UserOutlined /> },
  { key: "posts", href: "/posts", permission: "region.read", group: "records", icon: <ApartmentOutlined /> },
  {
    key: "imports",
    href: "/imports",
    permission: "person.write",
    group: "records",
    icon: <CloudUploadOutlined />,
  },
  {
    key: "calendar",
    href: "/calendar",
    permission: "calendar.local",
    group: "system",
    icon: <CalendarOutlined />,
  },
  {
    key: "accounts",
    href: "/accounts",
    permission: "account.create",
    group: "system",
    icon: <AuditOutlined />,
  },
  { key: "audit", href: "/audit", permission: "audit.read", group: "system", icon: <HistoryOutlined /> },
] as const

export const NAV_GROUPS = ["work", "records", "system"] as const

/** The area a path belongs to (`/campaigns/x` → campaigns), for the menu's selection and the breadcrumb. */
export const areaOf = (pathname: string): (typeof NAV)[number] | undefined =>
  NAV.find((n) => pathname === n.href || pathname.startsWith(`${n.href}/`))

/**
 * A table wider than the screen scrolls sideways inside `.ant-table-content`; a keyboard user can scroll it only if
 * it takes focus (WCAG 2.1.1, axe's scrollable-region-focusable). antd gives it no tabindex, so every such region
 * under the page's content gets one as tables appear (a ref callback with a MutationObserver; React 19 cleanup).
 */
const scrollablesFocusable = (main: HTMLElement | null) => {
  if (main === null) return
  const mark = () => {
    for (const el of main.querySelectorAll<HTMLElement>(".ant-table-content:not([tabindex])")) el.tabIndex = 0
  }
  mark()
  const observer = new MutationObserver(mark)
  observer.observe(main, { childList: true, subtree: true })
  return () => observer.disconnect()
}

/** Who am I: name, role and scope of the signed-in account, and sign-out. */
const WhoAmI = ({ compact }: { readonly compact: boolean }) => {
  const { t } = useTranslation("admin")
  const { message } = AntdApp.useApp()
  const { session, signOut } = useSession()
  if (session.status !== "signedIn") return null
  const { me, scopeName } = session
  // The scope by its name; the code only when the name could not be read.
  const scope = me.scope._tag === "SelfScope" ? t("me.self") : (scopeName ?? me.scope.regionId)
  return (
    <Flex wrap align="center" gap={8} style={{ minWidth: 0 }} data-testid="who-am-i">
      <Typography.Text strong>{me.displayName}</Typography.Text>
      <Typography.Text type="secondary" style={compact ? { fontSize: 12 } : {}}>
        {t(`roles.${me.role}`)} · {t("me.scope", { scope })}
      </Typography.Text>
      <Button
        size="small"
        onClick={() => {
          void signOut().finally(() => {
            void message.success(t("signIn.signedOut"))
            navigate("/sign-in", { replace: true })
          })
        }}
      >
        {t("nav.signOut")}
      </Button>
    </Flex>
  )
}

/** The side menu: the areas the account may use, grouped as the work is (业务 / 基础数据 / 系统管理). */
const SideMenu = ({ onNavigate }: { readonly onNavigate?: () => void }) => {
  const { t } = useTranslation("admin")
  const { session } = useSession()
  const { pathname } = useLocation()
  const permissions: ReadonlyArray<string> = session.status === "signedIn" ? session.me.permissions : []
  const shown = NAV.filter((n) => permissions.includes(n.permission))
  const items = [
    { key: "/", icon: <HomeOutlined />, label: <Link href="/">{t("nav.home")}</Link> },
    ...NAV_GROUPS.flatMap((group) => {
      const inGroup = shown.filter((n) => n.group === group)
      return inGroup.length === 0
        ? []
        : [
            {
              type: "group" as const,
              key: group,
              label: t(`navGroups.${group}`),
              children: inGroup.map((n) => ({
                key: n.href,
                icon: n.icon,
                label: <Link href={n.href}>{t(`nav.${n.key}`)}</Link>,
              })),
            },
          ]
    }),
  ]
  const selected = areaOf(pathname)?.href ?? (pathname === "/" ? "/" : "")
  return (
    <nav aria-label={t("nav.label")} data-testid="side-menu">
      <Menu mode="inline" items={items} selectedKeys={[selected]} onClick={() => onNavigate?.()} />
    </nav>
  )
}

/** 首页 / area / this page (a detail page adds its own title under its area). */
const Crumbs = ({ title }: { readonly title: string }) => {
  const { t } = useTranslation("admin")
  const { pathname } = useLocation()
  const area = areaOf(pathname)
  const items = [
    { key: "home", title: <Link href="/">{t("nav.home")}</Link> },
    ...(area === undefined
      ? [{ key: "page", title }]
      : pathname === area.href
        ? [{ key: "area", title: t(`nav.${area.key}`) }]
        : [
            { key: "area", title: <Link href={area.href}>{t(`nav.${area.key}`)}</Link> },
            { key: "page", title },
          ]),
  ]
  return <Breadcrumb items={items} data-testid="breadcrumb" />
}

/** The API stopped answering after sign-in: say so above the page (what is shown is the last data read). */
const UnreachableBanner = () => {
  const { t } = useTranslation("admin")
  const reachability = useReachability()
  const queryClient = useQueryClient()
  if (reachability === "reachable") return null
  return (
    <Alert
      banner
      type="error"
      role="alert"
      data-testid="api-unreachable-banner"
      title={t("unreachable.banner")}
      action={
        <Button size="small" onClick={() => void queryClient.refetchQueries({ type: "active" })}>
          {t("unreachable.retry")}
        </Button>
      }
    />
  )
}

const brand = "#b71c1c"

/**
 * The frame of every signed-in page, as Chinese admin users know it (Ant Design Pro's side layout): the menu by
 * role on the left (a drawer on a phone), the breadcrumb and who-am-I (role and scope) on top, the page below.
 */
export const AppShell = ({ title, children }: { readonly title: string; readonly children?: ReactNode }) => {
  const { t } = useTranslation("admin")
  const screens = Grid.useBreakpoint()
  // Before the first measurement antd reports no breakpoint: treat that as wide, as most clerks are.
  const narrow = screens.lg === false
  const [drawerOpen, setDrawerOpen] = useState(false)
  const appTitle = t("title")
  useEffect(() => {
    document.title = `${title} - ${appTitle}`
  }, [title, appTitle])
  const logo = (
    <Link
      href="/"
      style={{ color: "#fff", fontWeight: 600, fontSize: 16, display: "block", padding: "14px 16px" }}
    >
      {appTitle}
    </Link>
  )
  return (
    <Layout style={{ minHeight: "100vh" }}>
      {narrow ? null : (
        <Layout.Sider
          width={216}
          theme="light"
          style={{ borderRight: "1px solid #f0f0f0" }}
          className="no-print"
        >
          <div style={{ background: brand }}>{logo}</div>
          <SideMenu />
        </Layout.Sider>
      )}
      <Layout>
        <header
          className="no-print"
          style={{
            background: "#fff",
            borderBottom: "1px solid #f0f0f0",
            padding: narrow ? "8px 12px" : "10px 24px",
          }}
        >
          <Flex wrap align="center" justify="space-between" gap={8}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              {narrow ? (
                <Button
                  icon={<MenuOutlined />}
                  aria-label={t("nav.open")}
                  data-testid="menu-button"
                  onClick={() => setDrawerOpen(true)}
                />
              ) : null}
              <Crumbs title={title} />
            </Flex>
            <Flex wrap align="center" gap={8} style={{ minWidth: 0 }}>
              <WhoAmI compact={narrow} />
              <LanguageSwitch size="small" />
            </Flex>
          </Flex>
        </header>
        <UnreachableBanner />
        <Layout.Content
          ref={scrollablesFocusable}
          style={{ padding: narrow ? 12 : 24, maxWidth: 1400, width: "100%" }}
        >
          {children}
        </Layout.Content>
      </Layout>
      {narrow ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={appTitle}
          styles={{ body: { padding: 0 } }}
        >
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : null}
    </Layout>
  )
}
