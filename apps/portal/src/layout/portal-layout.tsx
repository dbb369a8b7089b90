import { LanguageSwitch } from "@cadre/ui"
import { Button, Flex, Layout } from "antd"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { navigate, onLinkClick, usePath } from "../routes/navigation"
import { useSession } from "../session/session"

const NavLink = ({ path, label, current }: { path: string; label: string; current: string }) => (
  <Button
    type={current === path ? "primary" : "text"}
    size="small"
    href={path}
    onClick={onLinkClick(path)}
    aria-current={current === path ? "page" : undefined}
  >
    {label}
  </Button>
)

/**
 * The frame of every page, for a 375 px phone first: the red header with the language switch, then a wrapping
 * row of links (what a signed-in applicant can do, or sign-in and registration), then the page.
 */
export const PortalLayout = ({ children }: { readonly children?: ReactNode }) => {
  const { t } = useTranslation("portal")
  const { session, signOut } = useSession()
  const path = usePath()
  const links =
    session.status === "signedIn"
      ? [
          { path: "/campaigns", label: t("nav.campaigns") },
          { path: "/applications", label: t("nav.applications") },
          { path: "/in-post", label: t("nav.inPost") },
          { path: "/profile", label: t("nav.profile") },
        ]
      : [
          { path: "/", label: t("nav.home") },
          { path: "/programmes", label: t("nav.programmes") },
          { path: "/sign-in", label: t("nav.signIn") },
          { path: "/register", label: t("nav.register") },
        ]
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          gap: 12,
          paddingInline: 16,
          background: "#b71c1c",
        }}
      >
        <a
          href="/"
          onClick={onLinkClick("/")}
          style={{
            color: "#fff",
            fontSize: 16,
            fontWeight: 600,
            minWidth: 0,
            overflow: "hidden",
            textOverflow: "ellipsis",
            whiteSpace: "nowrap",
          }}
        >
          {t("tagline")}
        </a>
        <div style={{ flex: "none" }}>
          <LanguageSwitch size="small" />
        </div>
      </Layout.Header>
      <nav aria-label={t("nav.label")} style={{ background: "#fff", borderBottom: "1px solid #f0f0f0" }}>
        <Flex wrap gap={4} align="center" style={{ maxWidth: 640, margin: "0 auto", padding: "8px 12px" }}>
          {links.map((l) => (
            <NavLink key={l.path} path={l.path} label={l.label} current={path} />
          ))}
          {session.status === "signedIn" ? (
            <Button type="text" size="small" onClick={() => void signOut().then(() => navigate("/"))}>
              {t("nav.signOut")}
            </Button>
          ) : null}
        </Flex>
      </nav>
      <Layout.Content style={{ padding: "20px 16px 32px", maxWidth: 640, width: "100%", margin: "0 auto" }}>
        {children}
      </Layout.Content>
    </Layout>
  )
}
