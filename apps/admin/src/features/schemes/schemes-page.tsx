import { useTranslation } from "react-i18next"
import { AppShell } from "../../layout/app-shell"

/** 选派方案: the schemes in the caller's scope. */
export const SchemesPage = () => {
  const { t } = useTranslation("schemes")
  return <AppShell title={t("title")} />
}
