import { ServiceStatus } from "@cadre/ui"
import { Button, Card, Flex, Steps, Typography } from "antd"
import { useEffect } from "react"
import { useTranslation } from "react-i18next"
import { onLinkClick } from "../../routes/navigation"

const steps = ["register", "profile", "apply", "result"] as const

/** The portal's first page (inside PortalLayout): what it is for, the steps, and whether the API answers. */
export const HomePage = () => {
  const { t } = useTranslation("portal")
  const title = t("title")
  useEffect(() => {
    document.title = title
  }, [title])
  return (
    <Flex vertical gap={20}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 28, marginBottom: 8 }}>
          {title}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 15, marginBottom: 0 }}>{t("intro")}</Typography.Paragraph>
      </div>
      <Flex gap={12}>
        <Button type="primary" size="large" block href="/register" onClick={onLinkClick("/register")}>
          {t("register")}
        </Button>
        <Button size="large" block href="/sign-in" onClick={onLinkClick("/sign-in")}>
          {t("signIn")}
        </Button>
      </Flex>
      <Button size="large" block href="/programmes" onClick={onLinkClick("/programmes")}>
        {t("programmes.browse")}
      </Button>
      <Card title={t("stepsTitle")} size="small">
        <Steps
          orientation="vertical"
          size="small"
          current={-1}
          items={steps.map((step) => ({
            title: t(`steps.${step}.title`),
            content: t(`steps.${step}.text`),
          }))}
        />
      </Card>
      <section aria-labelledby="status-title">
        <Typography.Title level={2} id="status-title" style={{ fontSize: 18 }}>
          {t("statusTitle")}
        </Typography.Title>
        <ServiceStatus />
      </section>
      <Typography.Text type="secondary">{t("help")}</Typography.Text>
    </Flex>
  )
}
