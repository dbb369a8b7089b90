import { useTranslation } from "react-i18next"
import { AppShell } from "../../layout/app-shell"

/** 岗位: the posts in the caller's scope. */
export const PostsPage = () => {
  const { t } = useTranslation("manage")
  return <AppShell title={t("postsTitle")} />
}
