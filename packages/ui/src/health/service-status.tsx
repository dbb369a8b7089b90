import { Alert, Button, Spin } from "antd"
import { useTranslation } from "react-i18next"
import { formatDateTime } from "../format/date.js"
import { toLanguage } from "../i18n/languages.js"
import { type UseServiceHealthOptions, useServiceHealth } from "./use-service-health.js"

/**
 * Shows whether the API answers: 服务正常 (with its version) or 无法连接服务 (with a retry button).
 * `data-testid="service-status"` and `data-state` (checking | up | down) are for the browser tests.
 */
export const ServiceStatus = (props: UseServiceHealthOptions) => {
  const { t, i18n } = useTranslation("common")
  const { health, recheck } = useServiceHealth(props)
  const language = toLanguage(i18n.language)
  if (health.state === "checking") {
    return (
      <div data-testid="service-status" data-state="checking" role="status" aria-live="polite">
        <Alert type="info" showIcon icon={<Spin size="small" />} title={t("status.checking")} />
      </div>
    )
  }
  const checkedAt = t("status.checkedAt", { time: formatDateTime(health.checkedAt, language) })
  if (health.state === "up") {
    const description = [health.version ? t("status.version", { version: health.version }) : "", checkedAt]
      .filter((part) => part !== "")
      .join(" · ")
    return (
      <div data-testid="service-status" data-state="up" role="status" aria-live="polite">
        <Alert type="success" showIcon title={t("status.up")} description={description} />
      </div>
    )
  }
  return (
    <div data-testid="service-status" data-state="down" role="status" aria-live="polite">
      <Alert
        type="error"
        showIcon
        title={t("status.down")}
        description={`${t("status.downHint")} ${checkedAt}`}
        action={
          <Button size="small" onClick={recheck}>
            {t("status.retry")}
          </Button>
        }
      />
    </div>
  )
}
