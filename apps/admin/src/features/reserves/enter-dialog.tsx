import { type Problem, ProblemAlert, pick, problemOf, useLanguage } from "@cadre/ui"
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query"
import { Button, Flex, Form, Input, Modal, Select, Typography } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"
import { placeServerIssues } from "../../api/server-issues"
import {
  distinctIn,
  type EnterValues,
  enterFieldOf,
  enterInputOf,
  enterRefusalAt,
  localToday,
  maxChars,
  notAfter,
  type PoolScheme,
  required,
  schemeKey,
} from "./reserve-forms"

/**
 * 入库 (`reserves.enter`, pool.review): a person of the caller's records found by name (the masked ID number tells
 * namesakes apart), the community, the scheme version that sets the pool, a role of that pool, the source and the
 * basis; waivers of a 一般 / 原则上 rule of the scheme (001 三（4）), each with reason, approver and date. Nothing is
 * chosen beforehand. Whether the stage takes that source, the person's age for the role and a duplicate, the server
 * decides — its refusal stands at the field it concerns.
 */
export const EnterDialog = ({
  schemes,
  sources,
  communities,
  onClose,
  onEntered,
}: {
  readonly schemes: ReadonlyArray<PoolScheme>
  readonly sources: ReadonlyArray<{
    readonly source: EnterValues["source"]
    readonly label: { zh: string; en: string }
  }>
  readonly communities: ReadonlyArray<{ readonly id: string; readonly name: string }>
  readonly onClose: () => void
  readonly onEntered: (name: string) => void
}) => {
  const { t } = useTranslation("reserves")
  const language = useLanguage()
  const trpc = useTRPC()
  const [form] = Form.useForm<EnterValues>()
  const [problem, setProblem] = useState<Problem | null>(null)
  const [search, setSearch] = useState("")
  const today = localToday()
  const chosen = Form.useWatch("scheme", form)
  const scheme = schemes.find((s) => schemeKey(s) === chosen)
  // Page one of the caller's people matching the name: a search, never the whole roster.
  const people = useQuery({
    ...trpc.profiles.list.queryOptions({ name: search.trim(), limit: 20 }),
    placeholderData: keepPreviousData,
  })
  const enter = useMutation(trpc.reserves.enter.mutationOptions())
  const options = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name}（${p.idNumberMasked}${p.currentUnit === null ? "" : ` · ${p.currentUnit}`}）`,
    name: p.name,
  }))

  const submit = (values: EnterValues) => {
    setProblem(null)
    const name = options.find((o) => o.value === values.personId)?.name ?? ""
    enter.mutate(enterInputOf(values), {
      onSuccess: () => onEntered(name),
      onError: (error) => {
        const p = problemOf(error)
        setProblem(placeServerIssues(form, p, enterFieldOf, language, enterRefusalAt(p)))
      },
    })
  }
  const waivers = () => form.getFieldValue("waivers") as EnterValues["waivers"]
  return (
    <Modal
      open
      title={t("enter.title")}
      okText={t("enter.submit")}
      cancelText={t("cancel")}
      confirmLoading={enter.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <ProblemAlert
        problem={problem}
        onClose={() => setProblem(null)}
        testId="refusal"
        style={{ marginBottom: 12 }}
      />
      <Form<EnterValues> form={form} layout="vertical" onFinish={submit} data-testid="enter-form">
        <Form.Item name="personId" label={t("enter.person")} rules={required(t("enter.required.person"))}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            loading={people.isFetching}
            options={options}
            placeholder={t("enter.personPlaceholder")}
            notFoundContent={t("enter.noPerson")}
            data-testid="enter-person"
          />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t("enter.community")}
          rules={required(t("enter.required.community"))}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={communities.map((c) => ({ value: c.id, label: c.name }))}
            placeholder={t("enter.communityPlaceholder")}
            data-testid="enter-community"
          />
        </Form.Item>
        <Form.Item name="scheme" label={t("enter.scheme")} rules={required(t("enter.required.scheme"))}>
          <Select
            options={schemes.map((s) => ({
              value: schemeKey(s),
              label: t("schemeVersion", { name: pick(s.name, language), version: s.version }),
            }))}
            placeholder={t("enter.schemePlaceholder")}
            onChange={() => form.setFieldsValue({ role: undefined as never, waivers: [] })}
            data-testid="enter-scheme"
          />
        </Form.Item>
        <Form.Item name="role" label={t("enter.role")} rules={required(t("enter.required.role"))}>
          <Select
            disabled={scheme === undefined}
            options={(scheme?.roles ?? []).map((r) => ({ value: r.key, label: pick(r.label, language) }))}
            placeholder={t("enter.rolePlaceholder")}
            data-testid="enter-role"
          />
        </Form.Item>
        <Form.Item name="source" label={t("enter.source")} rules={required(t("enter.required.source"))}>
          <Select
            options={sources.map((s) => ({ value: s.source, label: pick(s.label, language) }))}
            placeholder={t("enter.sourcePlaceholder")}
            data-testid="enter-source"
          />
        </Form.Item>
        <Form.Item
          name="basis"
          label={t("enter.basis")}
          rules={[...required(t("enter.required.basis")), maxChars(2000, t("enter.tooLong", { max: 2000 }))]}
        >
          <Input.TextArea rows={2} placeholder={t("enter.basisPlaceholder")} data-testid="enter-basis" />
        </Form.Item>
        {scheme !== undefined && scheme.waivable.length > 0 ? (
          <Form.List name="waivers">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                <Typography.Text strong>{t("enter.waivers")}</Typography.Text>
                <Typography.Text type="secondary">{t("enter.waiversHelp")}</Typography.Text>
                {fields.map((field) => (
                  <Flex
                    key={field.key}
                    vertical
                    gap={0}
                    style={{ borderLeft: "2px solid #d9d9d9", paddingLeft: 12 }}
                  >
                    <Form.Item
                      name={[field.name, "ruleId"]}
                      label={t("enter.rule")}
                      dependencies={fields.map((f) => ["waivers", f.name, "ruleId"])}
                      rules={[
                        ...required(t("enter.required.rule")),
                        distinctIn(waivers as never, "ruleId", t("enter.duplicateRule")),
                      ]}
                    >
                      <Select
                        placeholder={t("enter.rulePlaceholder")}
                        options={scheme.waivable.map((w) => ({
                          value: w.ruleId,
                          label: `${pick(w.label, language)}（${w.clause}）`,
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "reason"]}
                      label={t("enter.reason")}
                      rules={[
                        ...required(t("enter.required.reason")),
                        maxChars(500, t("enter.tooLong", { max: 500 })),
                      ]}
                    >
                      <Input />
                    </Form.Item>
                    <Flex gap={12} wrap>
                      <Form.Item
                        name={[field.name, "approver"]}
                        label={t("enter.approver")}
                        style={{ flex: "1 1 200px" }}
                        rules={[
                          ...required(t("enter.required.approver")),
                          maxChars(200, t("enter.tooLong", { max: 200 })),
                        ]}
                      >
                        <Input />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, "approvedOn"]}
                        label={t("enter.approvedOn")}
                        style={{ flex: "1 1 160px" }}
                        rules={[
                          ...required(t("enter.required.approvedOn")),
                          notAfter(today, t("enter.notAfterToday")),
                        ]}
                      >
                        <Input type="date" max={today} />
                      </Form.Item>
                    </Flex>
                    <Button
                      size="small"
                      onClick={() => remove(field.name)}
                      style={{ alignSelf: "flex-start" }}
                    >
                      {t("enter.removeWaiver")}
                    </Button>
                  </Flex>
                ))}
                <Button onClick={() => add({})} style={{ alignSelf: "flex-start" }} data-testid="add-waiver">
                  {t("enter.addWaiver")}
                </Button>
              </Flex>
            )}
          </Form.List>
        ) : null}
      </Form>
    </Modal>
  )
}
