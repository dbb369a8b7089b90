import { LanguageSwitch } from "@cadre/ui"
import { App as AntdApp, Button, Flex, Layout, Typography } from "antd"
import { type ReactNode, useEffect } from "react"
import { useTranslation } from "react-i18next"
import { Link, navigate } from "../routes/navigation"
import { useSession } from "../session/session"

const white = { color: "#fff" } as const

/** Who am I: name, role and scope of the signed-in account, and sign-out. */
const WhoAmI = () => {
  const { t } = useTranslation("admin")
  const { message } = AntdApp.useApp()
  const { session, signOut } = useSession()
  if (session.status !== "signedIn") return null
  const { me, scopeName } = session
  const scope =
    me.scope._tag === "SelfScope" ? t("me.self") : `${scopeName ?? me.scope.regionId} (${me.scope.regionId})`
  return (
    <Flex wrap align="center" gap={8} style={{ minWidth: 0 }} data-testid="who-am-i">
      <Typography.Text style={white} strong>
        {me.displayName}
      </Typography.Text>
      <Typography.Text style={white}>
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

/** The areas, each shown to an account whose role may read it (auth.me's permissions; the server checks again). */
export const NAV = [
  { key: "schemes", href: "/schemes", permission: "scheme.read" },
  { key: "campaigns", href: "/campaigns", permission: "campaign.read" },
  { key: "placements", href: "/placements", permission: "placement.read" },
  { key: "figures", href: "/figures", permission: "figures.read" },
  { key: "posts", href: "/posts", permission: "region.read" },
  { key: "accounts", href: "/accounts", permission: "account.create" },
  { key: "calendar", href: "/calendar", permission: "calendar.local" },
  { key: "people", href: "/people", permission: "profile.read" },
  { key: "imports", href: "/imports", permission: "person.write" },
] as const

/** The frame of every signed-in page: title, navigation, who am I, language; the page below. */
export const AppShell = ({ title, children }: { readonly title: string; readonly children?: ReactNode }) => {
  const { t } = useTranslation("admin")
  const { session } = useSession()
  const permissions: ReadonlyArray<string> = session.status === "signedIn" ? session.me.permissions : []
  const appTitle = t("title")
  useEffect(() => {
    document.title = `${title} - ${appTitle}`
  }, [title, appTitle])
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <header style={{ background: "#b71c1c", padding: "10px 16px" }}>
        <Flex
          wrap
          align="center"
          justify="space-between"
          gap={8}
          style={{ maxWidth: 1280, margin: "0 auto" }}
        >
          <Flex wrap align="center" gap={16} style={{ minWidth: 0 }}>
            <Link href="/" style={{ ...white, fontWeight: 600, fontSize: 16 }}>
              {appTitle}
            </Link>
            {NAV.filter((n) => permissions.includes(n.permission)).map((n) => (
              <Link key={n.href} href={n.href} style={white}>
                {t(`nav.${n.key}`)}
              </Link>
            ))}
          </Flex>
          <Flex wrap align="center" gap={8} style={{ minWidth: 0 }}>
            <WhoAmI />
            <LanguageSwitch size="small" />
          </Flex>
        </Flex>
      </header>
      <Layout.Content style={{ padding: "16px", maxWidth: 1280, width: "100%", margin: "0 auto" }}>
        {children}
      </Layout.Content>
    </Layout>
  )
}
