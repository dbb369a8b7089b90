import { Alert, Button, Flex, Spin } from "antd"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { onLinkClick } from "../../routes/navigation"
import { type Me, useSession } from "../../session/session"

/** Renders `children(me)` for a signed-in applicant; otherwise a prompt to sign in. */
export const RequireSignIn = ({ children }: { readonly children: (me: Me) => ReactNode }) => {
  const { t } = useTranslation("portal")
  const { session } = useSession()
  if (session.status === "loading") return <Spin />
  if (session.status === "anonymous")
    return (
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t("auth.needSignIn")} />
        <Button type="primary" href="/sign-in" onClick={onLinkClick("/sign-in")}>
          {t("nav.signIn")}
        </Button>
      </Flex>
    )
  return <>{children(session.me)}</>
}
