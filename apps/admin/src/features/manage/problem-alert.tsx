import { Alert, Button } from "antd"
import { useTranslation } from "react-i18next"
import type { Problem } from "../../api/client"

/** The server's explanation of a refusal, with its request id; a stale version offers a reload. */
export const ProblemAlert = ({
  problem,
  onClose,
  onReload,
}: {
  readonly problem: Problem
  readonly onClose?: () => void
  readonly onReload?: () => void
}) => {
  const { t } = useTranslation("admin")
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="refusal"
      style={{ marginBottom: 12 }}
      {...(onClose === undefined ? {} : { closable: { onClose } })}
      title={problem.text}
      description={problem.requestId === null ? undefined : t("errors.requestId", { id: problem.requestId })}
      action={
        problem.tag === "StaleVersion" ? (
          <Button size="small" onClick={onReload ?? (() => window.location.reload())}>
            {t("errors.reload")}
          </Button>
        ) : undefined
      }
    />
  )
}
