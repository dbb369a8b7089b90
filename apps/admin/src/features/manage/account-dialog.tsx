import type { RouterOutputs } from "@cadre/client"
import { type Problem, passwordPolicyRule, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import { Alert, Form, Input, Modal, Select, TreeSelect } from "antd"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import {
  creatableRoles,
  type NewAccount,
  type NewAccountRole,
  type RegionRow,
  regionTree,
  UNIT_ROLES,
  type UnitRow,
  unitsForRole,
} from "./manage-helpers"

interface AccountValues {
  readonly name: string
  readonly email: string
  readonly role: NewAccountRole
  readonly regionId?: string
  readonly unitId?: string
  readonly password: string
}

/** The create call's input from the form: a unit scope for unit roles, else a region scope. */
export const newAccountOf = (v: AccountValues): NewAccount => ({
  name: v.name.trim(),
  email: v.email.trim(),
  role: v.role,
  password: v.password,
  scope: UNIT_ROLES.has(v.role) ? { unitId: v.unitId ?? "" } : { regionId: v.regionId ?? "" },
})

/**
 * New account: name, e-mail, role (those the caller's role may create), scope (a region from the caller's tree,
 * or a unit for unit roles) and an initial password under the API's policy. Whether the scope lies beneath the
 * caller's, and whether the password is strong enough, the server decides: its refusal stays in the dialog. The
 * password is sent once and never shown again.
 */
export const AccountDialog = ({
  creatorRole,
  regions,
  units,
  policy,
  onClose,
  onCreated,
}: {
  readonly creatorRole: string
  readonly regions: ReadonlyArray<RegionRow>
  readonly units: ReadonlyArray<UnitRow>
  /** auth.passwordPolicy; null when it could not be read. */
  readonly policy: RouterOutputs["auth"]["passwordPolicy"] | null
  readonly onClose: () => void
  readonly onCreated: (email: string) => void
}) => {
  const { t } = useTranslation("manage")
  const api = useApi()
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const [form] = Form.useForm<AccountValues>()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const tree = useMemo(() => regionTree(regions), [regions])
  const roles = creatableRoles(creatorRole)
  const role = Form.useWatch("role", form)
  const unitRole = role !== undefined && UNIT_ROLES.has(role)

  const submit = async (values: AccountValues) => {
    setBusy(true)
    setProblem(null)
    try {
      const input = newAccountOf(values)
      await api.accounts.create.mutate(input)
      form.resetFields()
      onCreated(input.email)
    } catch (error) {
      setProblem(problemOf(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      title={t("accounts.createTitle")}
      okText={t("save")}
      cancelText={t("cancel")}
      confirmLoading={busy}
      okButtonProps={{ disabled: roles.length === 0 }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert
        problem={problem}
        onClose={() => setProblem(null)}
        onReload={() => window.location.reload()}
        testId="refusal"
        style={{ marginBottom: 12 }}
      />
      {roles.length === 0 ? <Alert type="warning" showIcon title={t("accounts.noRoles")} /> : null}
      <Form<AccountValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} autoComplete="off">
        <Form.Item
          name="name"
          label={t("accounts.name")}
          rules={[
            { required: true, whitespace: true, message: t("accounts.nameRequired") },
            { max: 50, message: t("accounts.nameTooLong") },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("accounts.email")}
          rules={[
            { required: true, whitespace: true, message: t("accounts.emailRequired") },
            { type: "email", message: t("accounts.emailInvalid") },
          ]}
        >
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t("accounts.role")}
          rules={[{ required: true, message: t("accounts.roleRequired") }]}
        >
          <Select
            data-testid="account-role-select"
            options={roles.map((r) => ({ value: r, label: t(`admin:roles.${r}`) }))}
          />
        </Form.Item>
        {unitRole ? (
          <Form.Item
            name="unitId"
            label={t("accounts.scopeUnit")}
            rules={[{ required: true, message: t("accounts.scopeUnitRequired") }]}
          >
            <Select
              data-testid="account-unit-select"
              showSearch={{ optionFilterProp: "label" }}
              options={unitsForRole(role, units).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="regionId"
            label={t("accounts.scopeRegion")}
            extra={t("accounts.scopeRegionHelp")}
            rules={[{ required: true, message: t("accounts.scopeRegionRequired") }]}
          >
            <TreeSelect
              data-testid="account-region-select"
              treeData={tree}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: "title" }}
            />
          </Form.Item>
        )}
        {policy === null ? null : (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="password-policy"
            title={t("accounts.passwordPolicy")}
            description={policy[lang]}
          />
        )}
        {/* The policy is the server's own code (@cadre/password), checked here as the admin types. */}
        <Form.Item
          name="password"
          label={t("accounts.password")}
          extra={t("accounts.passwordNote")}
          dependencies={["email"]}
          rules={[
            { required: true, message: t("accounts.passwordRequired") },
            passwordPolicyRule(language, () => [form.getFieldValue("email")]),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
