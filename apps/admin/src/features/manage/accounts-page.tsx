import { useTranslation } from "react-i18next"
import { AppShell } from "../../layout/app-shell"

/** 账号: the accounts the caller created or may create. */
export const AccountsPage = () => {
  const { t } = useTranslation("manage")
  return <AppShell title={t("accountsTitle")} />
}
