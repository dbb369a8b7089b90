import { Alert } from "antd"
import { useTranslation } from "react-i18next"
import { type Problem, pick } from "./errors"

/** A failed call, in the user's language (it follows the switch: the server sent both). */
export const ProblemAlert = ({ problem }: { readonly problem: Problem | undefined }) => {
  const { t, i18n } = useTranslation("portal")
  if (problem === undefined) return null
  const language = i18n.language === "en" ? "en" : "zh"
  const title =
    problem.kind === "api"
      ? pick(problem.details.message, language)
      : problem.kind === "network"
        ? t("errors.network")
        : t("errors.unknown")
  const description =
    problem.kind === "api" && problem.details.requestId !== null
      ? t("errors.requestId", { id: problem.details.requestId })
      : undefined
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="problem"
      title={title}
      {...(description === undefined ? {} : { description })}
    />
  )
}
