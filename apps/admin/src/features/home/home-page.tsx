import { LanguageSwitch, ServiceStatus } from "@cadre/ui"
import { Card, Col, Flex, Layout, Row, Typography } from "antd"
import { useEffect } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "../../routes/navigation"

/** What the platform offers, each with the screen it opens (sign-in first when needed). */
const areas = [
  { key: "schemes", href: "/schemes" },
  { key: "campaigns", href: "/campaigns" },
  { key: "cadres", href: "/placements" },
  { key: "figures", href: "/figures" },
] as const

/** The admin's first page: what the platform is, what it offers, and whether the API answers. */
export const HomePage = () => {
  const { t } = useTranslation("admin")
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
          {title}
        </Typography.Text>
        <div style={{ flex: "none" }}>
          <LanguageSwitch size="small" />
        </div>
      </Layout.Header>
      <Layout.Content style={{ padding: "24px 16px", maxWidth: 1120, width: "100%", margin: "0 auto" }}>
        <Flex vertical gap={24}>
          <div>
            <Typography.Title level={1} style={{ marginBottom: 8 }}>
              {title}
            </Typography.Title>
            <Typography.Text type="secondary">{t("audience")}</Typography.Text>
            <Typography.Paragraph style={{ marginTop: 16, fontSize: 15 }}>{t("intro")}</Typography.Paragraph>
          </div>
          <section aria-labelledby="status-title">
            <Typography.Title level={2} id="status-title" style={{ fontSize: 18 }}>
              {t("statusTitle")}
            </Typography.Title>
            <ServiceStatus />
          </section>
          <section aria-labelledby="areas-title">
            <Typography.Title level={2} id="areas-title" style={{ fontSize: 18 }}>
              {t("areasTitle")}
            </Typography.Title>
            <Row gutter={[16, 16]}>
              {areas.map((area) => (
                <Col key={area.key} xs={24} md={12} lg={6}>
                  <Card
                    title={t(`areas.${area.key}.title`)}
                    extra={<Link href={area.href}>{t("enter")}</Link>}
                    style={{ height: "100%" }}
                  >
                    {t(`areas.${area.key}.text`)}
                  </Card>
                </Col>
              ))}
            </Row>
          </section>
        </Flex>
      </Layout.Content>
    </Layout>
  )
}
