import { ServiceStatus } from "@cadre/ui"
import { Button, Flex } from "antd"
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
        <h1 style={{ fontSize: 28, margin: "0 0 8px" }}>{title}</h1>
        <p style={{ fontSize: 15, margin: 0 }}>{t("intro")}</p>
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
      {/* The steps as a plain numbered list: antd's Steps and Card (and Typography, which brings Input and Tooltip) would add ≈ 40 kB to the first page a phone loads. */}
      <section
        aria-labelledby="steps-title"
        style={{ background: "#fff", borderRadius: 8, padding: "12px 16px" }}
      >
        <h2 id="steps-title" style={{ fontSize: 18, margin: "0 0 8px" }}>
          {t("stepsTitle")}
        </h2>
        <ol style={{ margin: 0, paddingInlineStart: 22 }} data-testid="steps">
          {steps.map((step) => (
            <li key={step} style={{ marginBottom: 8 }}>
              <strong>{t(`steps.${step}.title`)}</strong>
              <p style={{ margin: 0, color: "rgba(0,0,0,0.65)" }}>{t(`steps.${step}.text`)}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="status-title">
        <h2 id="status-title" style={{ fontSize: 18, margin: "0 0 8px" }}>
          {t("statusTitle")}
        </h2>
        <ServiceStatus />
      </section>
      <p style={{ margin: 0, color: "rgba(0,0,0,0.65)" }}>{t("help")}</p>
    </Flex>
  )
}
