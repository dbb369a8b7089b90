import { type Bilingual, passwordPolicyRule, pick, ProblemAlert, useApi } from "@cadre/ui"
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from "antd"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useServerErrors } from "../../api/use-server-errors"
import { navigate, onLinkClick } from "../../routes/navigation"
import { personIdOf, useSession } from "../../session/session"

/** The top-level input field a server issue names (`["email"]` → "email"). */
const topField =
  (fields: ReadonlyArray<string>) =>
  (path: ReadonlyArray<PropertyKey>): string | undefined => {
    const head = path[0]
    return typeof head === "string" && fields.includes(head) ? head : undefined
  }

const registerFields = topField(["email", "phone", "code", "name", "password"])
const emailTags = { WeakPassword: "password", AlreadyExists: "email", InvalidCode: "code" }
const phoneTags = { WeakPassword: "password", AlreadyExists: "phone", InvalidCode: "code" }

/** How an applicant proves who they are when registering: a code mailed, or a code sent by SMS. */
type Channel = "email" | "phone"

/** A mainland mobile number, as the server's `Phone` schema takes it. */
const PHONE = /^1\d{10}$/

interface RegisterValues {
  readonly email?: string
  readonly phone?: string
  readonly code: string
  readonly name: string
  readonly password: string
}

/**
 * 注册: by e-mail or by mobile phone (a 6-digit code sent to it), name, password — with the server's password
 * policy shown before anyone types. The e-mail screen never says whether an address is taken: the mail does
 * (issue 15).
 */
export const RegisterPage = () => {
  const { t, i18n } = useTranslation("portal")
  const api = useApi()
  const { refresh } = useSession()
  const [channel, setChannel] = useState<Channel>("email")
  const errors = useServerErrors(registerFields, channel === "email" ? emailTags : phoneTags)
  const [policy, setPolicy] = useState<Bilingual | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm<RegisterValues>()
  const [sentTo, setSentTo] = useState<string | undefined>(undefined)
  const [sending, setSending] = useState(false)
  const switchChannel = (next: Channel) => {
    setChannel(next)
    setSentTo(undefined) // a code sent to the other channel is no use here
    errors.clear()
  }
  const sendCode = async () => {
    let to: string
    try {
      to = (await form.validateFields([channel]))[channel] ?? ""
    } catch {
      return // the field shows why
    }
    setSending(true)
    errors.clear()
    try {
      if (channel === "email") await api.auth.requestEmailCode.mutate({ email: to })
      else await api.auth.requestPhoneCode.mutate({ phone: to })
      setSentTo(to)
    } catch (error) {
      errors.report(error)
    } finally {
      setSending(false)
    }
  }
  useEffect(() => {
    let live = true
    api.auth.passwordPolicy.query().then(
      (p) => {
        if (live) setPolicy(p)
      },
      () => undefined, // the form still works; the server states the policy when a password breaks it
    )
    return () => {
      live = false
    }
  }, [api])
  const submit = async (values: RegisterValues) => {
    setBusy(true)
    errors.clear()
    try {
      const { code, name, password } = values
      if (channel === "email")
        await api.auth.registerEmail.mutate({ email: values.email ?? "", code, name, password })
      else await api.auth.registerPhone.mutate({ phone: values.phone ?? "", code, name, password })
      await refresh()
      navigate("/profile")
    } catch (error) {
      errors.report(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("auth.registerTitle")}
      </Typography.Title>
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        onValuesChange={errors.touched}
        name="register"
      >
        <Flex vertical gap={0}>
          <ProblemAlert problem={errors.problem} requestId="always" />
          <Segmented<Channel>
            block
            value={channel}
            onChange={switchChannel}
            data-testid="register-channel"
            aria-label={t("auth.channel")}
            options={[
              { value: "email", label: t("auth.byEmail") },
              { value: "phone", label: t("auth.byPhone") },
            ]}
            style={{ marginTop: 12, marginBottom: 12 }}
          />
          {channel === "email" ? (
            <Form.Item
              name="email"
              label={t("auth.email")}
              rules={[
                { required: true, message: t("auth.required", { field: t("auth.email") }) },
                { type: "email", message: t("auth.emailInvalid") },
              ]}
              {...errors.itemProps("email")}
            >
              <Input type="email" autoComplete="email" inputMode="email" />
            </Form.Item>
          ) : (
            <Form.Item
              name="phone"
              label={t("auth.phone")}
              rules={[
                { required: true, message: t("auth.required", { field: t("auth.phone") }) },
                { pattern: PHONE, message: t("auth.phoneInvalid") },
              ]}
              {...errors.itemProps("phone")}
            >
              <Input type="tel" autoComplete="tel-national" inputMode="tel" maxLength={11} />
            </Form.Item>
          )}
          <Button
            onClick={() => void sendCode()}
            loading={sending}
            data-testid="send-code"
            style={{ alignSelf: "flex-start", marginBottom: 12 }}
          >
            {sentTo === undefined ? t("auth.sendCode") : t("auth.resendCode")}
          </Button>
          {sentTo === undefined ? null : (
            <Alert
              type="success"
              showIcon
              data-testid="code-sent"
              title={
                channel === "email"
                  ? t("auth.codeSent", { email: sentTo })
                  : t("auth.smsSent", { phone: sentTo })
              }
              style={{ marginBottom: 12 }}
            />
          )}
          <Form.Item
            name="code"
            label={channel === "email" ? t("auth.code") : t("auth.smsCode")}
            extra={t("auth.codeHint")}
            rules={[
              { required: true, message: t("auth.required", { field: t("auth.code") }) },
              { pattern: /^\d{6}$/, message: t("auth.codeInvalid") },
            ]}
            {...errors.itemProps("code")}
          >
            <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t("auth.name")}
            rules={[
              { required: true, whitespace: true, message: t("auth.required", { field: t("auth.name") }) },
            ]}
            {...errors.itemProps("name")}
          >
            <Input autoComplete="name" maxLength={50} />
          </Form.Item>
          {policy === undefined ? null : (
            <Alert
              type="info"
              showIcon
              data-testid="password-policy"
              title={t("auth.passwordPolicy")}
              description={pick(policy, i18n.language)}
              style={{ marginBottom: 12 }}
            />
          )}
          <Form.Item
            name="password"
            label={t("auth.password")}
            dependencies={[channel]}
            rules={[
              { required: true, message: t("auth.required", { field: t("auth.password") }) },
              passwordPolicyRule(i18n.language, () => [form.getFieldValue(channel)]),
            ]}
            {...errors.itemProps("password")}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t("auth.submitRegister")}
          </Button>
          <Button type="link" href="/sign-in" onClick={onLinkClick("/sign-in")} style={{ marginTop: 8 }}>
            {t("auth.haveAccount")}
          </Button>
        </Flex>
      </Form>
    </Card>
  )
}

const signInFields = topField(["identifier", "password"])

interface SignInValues {
  readonly identifier: string
  readonly password: string
}

/** 登录 with e-mail (or phone) and password; then to the profile if there is none yet, else to the campaigns. */
export const SignInPage = () => {
  const { t } = useTranslation("portal")
  const api = useApi()
  const { refresh } = useSession()
  const errors = useServerErrors(signInFields)
  const [busy, setBusy] = useState(false)
  const submit = async (values: SignInValues) => {
    setBusy(true)
    errors.clear()
    try {
      await api.auth.login.mutate(values)
      const session = await refresh()
      navigate(session.status === "signedIn" && personIdOf(session.me) !== null ? "/campaigns" : "/profile")
    } catch (error) {
      errors.report(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t("auth.signInTitle")}
      </Typography.Title>
      <Form<SignInValues>
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        onValuesChange={errors.touched}
        name="sign-in"
      >
        <ProblemAlert problem={errors.problem} requestId="always" />
        <Form.Item
          name="identifier"
          label={t("auth.identifier")}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t("auth.required", { field: t("auth.identifier") }),
            },
          ]}
          {...errors.itemProps("identifier")}
          style={{ marginTop: 12 }}
        >
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("auth.password")}
          rules={[{ required: true, message: t("auth.required", { field: t("auth.password") }) }]}
          {...errors.itemProps("password")}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t("auth.submitSignIn")}
        </Button>
        <Button type="link" href="/register" onClick={onLinkClick("/register")} style={{ marginTop: 8 }}>
          {t("auth.noAccount")}
        </Button>
      </Form>
    </Card>
  )
}
