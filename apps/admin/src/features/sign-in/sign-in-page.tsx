import { LanguageSwitch, type Problem, ProblemAlert, problemOf, useLanguage } from "@cadre/ui"
import { Button, Card, Flex, Form, Input, Typography } from "antd"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { navigate, useLocation } from "../../routes/navigation"
import { useSession } from "../../session/session"

/** Where to go after signing in: the page the user was sent away from, if it is one of ours. */
export const nextPath = (search: string): string => {
  const next = new URLSearchParams(search).get("next")
  return next?.startsWith("/") === true && !next.startsWith("//") ? next : "/campaigns"
}

interface Credentials {
  readonly identifier: string
  readonly password: string
}

/** 登录: e-mail (or phone) and password; the server's refusal is shown in the user's language. */
export const SignInPage = () => {
  const { t } = useTranslation("admin")
  const language = useLanguage()
  const { session, signIn } = useSession()
  const { search } = useLocation()
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState(false)
  const title = t("signIn.title")
  const appTitle = t("title")
  useEffect(() => {
    document.title = `${title} - ${appTitle}`
  }, [title, appTitle])
  useEffect(() => {
    if (session.status === "signedIn") navigate(nextPath(search), { replace: true })
  }, [session.status, search])

  const submit = async ({ identifier, password }: Credentials) => {
    setBusy(true)
    setProblem(null)
    try {
      await signIn(identifier, password, language)
    } catch (error) {
      setProblem(problemOf(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Flex vertical align="center" style={{ minHeight: "100vh", padding: "32px 16px", background: "#f5f5f5" }}>
      <Flex vertical gap={16} style={{ width: "100%", maxWidth: 400 }}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {appTitle}
          </Typography.Text>
          <LanguageSwitch size="small" />
        </Flex>
        <Card>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t("signIn.subtitle")}</Typography.Paragraph>
          <ProblemAlert problem={problem} testId="sign-in-error" style={{ marginBottom: 16 }} />
          <Form<Credentials>
            layout="vertical"
            onFinish={(values) => void submit(values)}
            requiredMark={false}
          >
            <Form.Item
              name="identifier"
              label={t("signIn.identifier")}
              rules={[{ required: true, whitespace: true, message: t("signIn.identifierRequired") }]}
            >
              <Input autoComplete="username" inputMode="email" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("signIn.password")}
              rules={[{ required: true, message: t("signIn.passwordRequired") }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t("signIn.submit")}
            </Button>
          </Form>
        </Card>
      </Flex>
    </Flex>
  )
}
