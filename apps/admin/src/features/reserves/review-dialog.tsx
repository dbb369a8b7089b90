import type { RouterOutputs } from "@cadre/client"
import { type Problem, ProblemAlert, pick, problemOf, useLanguage } from "@cadre/ui"
import { useMutation, useQuery } from "@tanstack/react-query"
import { App as AntdApp, Button, Flex, Form, Input, InputNumber, Modal, Select, Typography } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"
import { placeServerIssues } from "../../api/server-issues"
import { FindingList } from "./finding-list"
import {
  distinctIn,
  maxChars,
  type PoolScheme,
  parseSchemeKey,
  type ReviewValues,
  required,
  reviewFieldOf,
  reviewFindings,
  reviewInputOf,
  reviewRefusalAt,
  schemeKey,
  yearRule,
} from "./reserve-forms"

type Review = RouterOutputs["pool"]["review"]

/**
 * 年度评议 (`pool.review`, 001 五1): the street, the scheme version and the year; the members no longer qualified
 * removed, each with a reason; a confirmation saying how many go before anything is recorded. The answer is the
 * kernel's check of the pool that stays — each community's count and roles, the street's age structure — with the
 * clauses, shown here as recorded.
 */
export const ReviewDialog = ({
  schemes,
  streets,
  onClose,
}: {
  readonly schemes: ReadonlyArray<PoolScheme>
  readonly streets: ReadonlyArray<{ readonly id: string; readonly name: string }>
  readonly onClose: () => void
}) => {
  const { t } = useTranslation("reserves")
  const language = useLanguage()
  const trpc = useTRPC()
  const { modal } = AntdApp.useApp()
  const [form] = Form.useForm<ReviewValues>()
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState<Review | null>(null)
  const chosen = Form.useWatch("scheme", form)
  const schemeId = chosen === undefined ? undefined : parseSchemeKey(chosen).schemeId
  // The members a removal may name: the scheme's active reserves in the caller's scope (one page of 200).
  const members = useQuery({
    ...trpc.reserves.list.queryOptions({
      ...(schemeId === undefined ? {} : { schemeId }),
      state: "active",
      limit: 200,
    }),
    enabled: schemeId !== undefined,
  })
  const review = useMutation(trpc.pool.review.mutationOptions())
  const removals = () => form.getFieldValue("removals") as ReviewValues["removals"]

  const submit = (values: ReviewValues) => {
    const street = streets.find((s) => s.id === values.regionId)?.name ?? ""
    const count = (values.removals ?? []).length
    modal.confirm({
      title: t("review.confirm", { street, year: values.year }),
      content: count > 0 ? t("review.confirmRemovals", { count }) : t("review.confirmNone"),
      okText: t("review.submit"),
      cancelText: t("cancel"),
      onOk: () =>
        new Promise<void>((resolve) => {
          setProblem(null)
          review.mutate(reviewInputOf(values), {
            onSuccess: (r) => {
              setDone(r)
              resolve()
            },
            onError: (error) => {
              const p = problemOf(error)
              setProblem(placeServerIssues(form, p, reviewFieldOf, language, reviewRefusalAt(p)))
              resolve()
            },
          })
        }),
    })
  }

  if (done !== null)
    return (
      <Modal
        open
        title={t("review.done", { year: done.year })}
        onCancel={onClose}
        footer={<Button onClick={onClose}>{t("close")}</Button>}
        destroyOnHidden
      >
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t("review.result")}
        </Typography.Title>
        <FindingList findings={reviewFindings(done)} testId="review-result" />
      </Modal>
    )

  return (
    <Modal
      open
      title={t("review.title")}
      okText={t("review.submit")}
      cancelText={t("cancel")}
      confirmLoading={review.isPending}
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
      <Form<ReviewValues> form={form} layout="vertical" onFinish={submit} data-testid="review-form">
        <Form.Item name="regionId" label={t("review.street")} rules={required(t("review.required.street"))}>
          <Select
            options={streets.map((s) => ({ value: s.id, label: s.name }))}
            placeholder={t("review.streetPlaceholder")}
            data-testid="review-street"
          />
        </Form.Item>
        <Form.Item name="scheme" label={t("review.scheme")} rules={required(t("review.required.scheme"))}>
          <Select
            options={schemes.map((s) => ({
              value: schemeKey(s),
              label: t("schemeVersion", { name: pick(s.name, language), version: s.version }),
            }))}
            onChange={() => form.setFieldsValue({ removals: [] })}
            data-testid="review-scheme"
          />
        </Form.Item>
        <Form.Item
          name="year"
          label={t("review.year")}
          rules={[{ required: true, message: t("review.required.year") }, yearRule(t("review.yearRange"))]}
        >
          <InputNumber style={{ width: 160 }} data-testid="review-year" />
        </Form.Item>
        <Form.List name="removals">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              <Typography.Text strong>{t("review.removals")}</Typography.Text>
              <Typography.Text type="secondary">{t("review.removalsHelp")}</Typography.Text>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="start">
                  <Form.Item
                    name={[field.name, "personId"]}
                    style={{ flex: "1 1 200px", marginBottom: 8 }}
                    rules={[
                      ...required(t("review.required.member")),
                      distinctIn(removals as never, "personId", t("review.duplicateMember")),
                    ]}
                  >
                    <Select
                      aria-label={t("review.member")}
                      placeholder={t("review.memberPlaceholder")}
                      showSearch
                      optionFilterProp="label"
                      options={(members.data?.items ?? []).map((m) => ({
                        value: m.personId,
                        label: `${m.personName} · ${m.regionName} · ${pick(m.roleLabel, language)}`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "reason"]}
                    style={{ flex: "2 1 240px", marginBottom: 8 }}
                    rules={[
                      ...required(t("review.required.reason")),
                      maxChars(500, t("enter.tooLong", { max: 500 })),
                    ]}
                  >
                    <Input aria-label={t("review.reason")} placeholder={t("review.reason")} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>{t("enter.removeWaiver")}</Button>
                </Flex>
              ))}
              <Button
                onClick={() => add({})}
                disabled={schemeId === undefined}
                style={{ alignSelf: "flex-start" }}
              >
                {t("review.addRemoval")}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  )
}
