import { LanguageSwitch, ServiceStatus } from "@cadre/ui"
import { Alert, Button, Card, Flex, Layout, Steps, Typography } from "antd"
import { useEffect } from "react"
import { useTranslation } from "react-i18next"

const steps = ["register", "profile", "apply", "result"] as const

/** The portal's first page, laid out for a phone first: what it is for, the steps, and whether the API answers. */
export const HomePage = () => {
  const { t } = useTranslation("portal")
  const title = t("title")
  useEffect(() => {
    document.title = title
  }, [title])
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
        <Typography.Text strong ellipsis style={{ color: "#fff", fontSize: 16, minWidth: 0 }}>
          {t("tagline")}
        </Typography.Text>
        <div style={{ flex: "none" }}>
          <LanguageSwitch size="small" />
        </div>
      </Layout.Header>
      <Layout.Content style={{ padding: "20px 16px 32px", maxWidth: 640, width: "100%", margin: "0 auto" }}>
        <Flex vertical gap={20}>
          <div>
            <Typography.Title level={1} style={{ fontSize: 28, marginBottom: 8 }}>
              {title}
            </Typography.Title>
            <Typography.Paragraph style={{ fontSize: 15, marginBottom: 0 }}>
              {t("intro")}
            </Typography.Paragraph>
          </div>
          <Flex gap={12}>
            <Button type="primary" size="large" block disabled>
              {t("register")}
            </Button>
            <Button size="large" block disabled>
              {t("signIn")}
            </Button>
          </Flex>
          <Alert type="info" showIcon title={t("openingSoon")} />
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
      </Layout.Content>
    </Layout>
  )
}
