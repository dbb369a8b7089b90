import { useTranslation } from "react-i18next"
import { AppShell } from "../../layout/app-shell"

/** One scheme and its versions. */
export const SchemePage = ({ id = "" }: { readonly id?: string }) => {
  const { t } = useTranslation("schemes")
  return <AppShell title={`${t("title")} ${id}`} />
}
