import { type Problem, ProblemAlert, problemOf, useApi } from "@cadre/ui"
import { Alert, App as AntdApp, Button, Flex, Form, Input, Modal, Typography } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { chinaToday } from "../placements/placement-helpers"
import type { AccountRow } from "./manage-helpers"

interface TokenValues {
  readonly name: string
  readonly expiresOn?: string
}

/** The end of a day in China, as the instant a token dated that day expires. */
export const expiryOf = (day: string): string => `${day}T23:59:59+08:00`

/**
 * Issue an API token to an integrator. The secret is shown here once, with a copy button; closing the dialog
 * forgets it (the server keeps only its hash).
 */
export const TokenDialog = ({
  account,
  onClose,
}: {
  readonly account: AccountRow
  readonly onClose: () => void
}) => {
  const { t } = useTranslation("manage")
  const api = useApi()
  const { message } = AntdApp.useApp()
  const [form] = Form.useForm<TokenValues>()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [issued, setIssued] = useState<{ readonly token: string; readonly prefix: string } | null>(null)
  const today = chinaToday()

  const submit = async (values: TokenValues) => {
    setBusy(true)
    setProblem(null)
    try {
      const r = await api.accounts.issueToken.mutate({
        accountId: account.accountId,
        name: values.name.trim(),
        ...(values.expiresOn === undefined || values.expiresOn === ""
          ? {}
          : { expiresAt: expiryOf(values.expiresOn) }),
      })
      setIssued({ token: r.token, prefix: r.prefix })
    } catch (error) {
      setProblem(problemOf(error))
    } finally {
      setBusy(false)
    }
  }

  const copy = async (token: string) => {
    try {
      await navigator.clipboard.writeText(token)
      void message.success(t("accounts.copied"))
    } catch {
      void message.warning(t("accounts.copyFailed"))
    }
  }

  return (
    <Modal
      open
      title={t("accounts.tokenTitle", { name: account.name })}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={issued === null}
      footer={
        issued === null ? (
          <Flex gap={8} justify="end" wrap>
            <Button onClick={onClose}>{t("cancel")}</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()}>
              {t("accounts.issue")}
            </Button>
          </Flex>
        ) : (
          <Button type="primary" onClick={onClose}>
            {t("accounts.done")}
          </Button>
        )
      }
    >
      {issued === null ? (
        <>
          <ProblemAlert
            problem={problem}
            onClose={() => setProblem(null)}
            onReload={() => window.location.reload()}
            testId="refusal"
            style={{ marginBottom: 12 }}
          />
          <Form<TokenValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
            <Form.Item
              name="name"
              label={t("accounts.tokenName")}
              rules={[{ required: true, whitespace: true, message: t("accounts.tokenNameRequired") }]}
            >
              <Input placeholder={t("accounts.tokenNamePlaceholder")} maxLength={100} autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="expiresOn"
              label={t("accounts.expiresAt")}
              rules={[
                {
                  validator: (_: unknown, v: string | undefined) =>
                    v === undefined || v === "" || v > today
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("accounts.expiresNotPast"))),
                },
              ]}
            >
              <Input type="date" min={today} />
            </Form.Item>
          </Form>
        </>
      ) : (
        <Flex vertical gap={12} data-testid="issued-token">
          <Alert
            type="warning"
            showIcon
            title={t("accounts.tokenIssued")}
            description={t("accounts.tokenOnce")}
          />
          <Typography.Text code style={{ wordBreak: "break-all" }} data-testid="token-secret">
            {issued.token}
          </Typography.Text>
          <Flex gap={8} align="center" wrap>
            <Button onClick={() => void copy(issued.token)}>{t("accounts.copy")}</Button>
            <Typography.Text type="secondary">
              {t("accounts.tokenPrefix", { prefix: issued.prefix })}
            </Typography.Text>
          </Flex>
        </Flex>
      )}
    </Modal>
  )
}
