import type { RouterInputs } from "@cadre/client"
import { type Problem, ProblemAlert, problemOf, useLanguage } from "@cadre/ui"
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query"
import { Form, Input, Modal, Radio, Select } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"
import { placeServerIssues } from "../../api/server-issues"
import { notAfter } from "./move-form-rules"

type RecommendInput = RouterInputs["applications"]["recommend"]
export type RecommendChannel = RecommendInput["channel"]

interface RecommendValues {
  readonly personId: string
  readonly channel: RecommendChannel
  readonly body: string
  readonly meeting: string
  readonly meetingDate: string
}

/** The recommend call's input from the form, texts trimmed. */
export const recommendInputOf = (campaignId: string, v: RecommendValues): RecommendInput => ({
  campaignId,
  personId: v.personId,
  channel: v.channel,
  recommendation: { body: v.body.trim(), meeting: v.meeting.trim(), meetingDate: v.meetingDate },
})

/** The server's issue paths (`["recommendation", "meeting"]`) as this form's fields. */
const fieldOf = (path: ReadonlyArray<PropertyKey>): string | undefined => {
  const [head, next] = path.map(String)
  if (head === "personId" || head === "channel") return head
  if (head === "recommendation" && (next === "body" || next === "meeting" || next === "meetingDate"))
    return next
  return undefined
}

/**
 * 推荐 (a dispatching unit for 单位推荐, the org dept for 组织推荐; `application.recommend`): a person from the
 * caller's records, found by name (masked ID number shown to tell namesakes apart), with the body and the meeting
 * that approved the recommendation and its date — not after today. Which channels the campaign has open, whether
 * the person is the caller's to recommend and whether they are already in, the server decides, at the field.
 */
export const RecommendDialog = ({
  campaignId,
  channels,
  today,
  onClose,
  onRecommended,
}: {
  readonly campaignId: string
  /** The recommendation channels open in this campaign. */
  readonly channels: ReadonlyArray<RecommendChannel>
  readonly today: string
  readonly onClose: () => void
  readonly onRecommended: (name: string) => void
}) => {
  const { t } = useTranslation("admin")
  const language = useLanguage()
  const trpc = useTRPC()
  const [form] = Form.useForm<RecommendValues>()
  const [problem, setProblem] = useState<Problem | null>(null)
  const [search, setSearch] = useState("")
  // Page one of the caller's people matching the name: a search, never the whole roster.
  const people = useQuery({
    ...trpc.profiles.list.queryOptions({ name: search.trim(), limit: 20 }),
    placeholderData: keepPreviousData,
  })
  const recommend = useMutation(trpc.applications.recommend.mutationOptions())
  const options = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name}（${p.idNumberMasked}${p.currentUnit === null ? "" : ` · ${p.currentUnit}`}）`,
    name: p.name,
  }))

  const submit = (values: RecommendValues) => {
    setProblem(null)
    const name = options.find((o) => o.value === values.personId)?.name ?? ""
    recommend.mutate(recommendInputOf(campaignId, values), {
      onSuccess: () => onRecommended(name),
      onError: (error) => setProblem(placeServerIssues(form, problemOf(error), fieldOf, language)),
    })
  }
  const required = (key: string) => ({
    required: true,
    whitespace: true,
    message: t(`campaign.recommend.required.${key}`),
  })
  return (
    <Modal
      open
      title={t("campaign.recommend.title")}
      okText={t("campaign.recommend.submit")}
      cancelText={t("campaign.cancel")}
      confirmLoading={recommend.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert
        problem={problem}
        onClose={() => setProblem(null)}
        testId="refusal"
        style={{ marginBottom: 12 }}
      />
      <Form<RecommendValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={channels.length === 1 ? { channel: channels[0] } : {}}
      >
        <Form.Item name="personId" label={t("campaign.recommend.person")} rules={[required("person")]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            loading={people.isFetching}
            options={options}
            placeholder={t("campaign.recommend.personPlaceholder")}
            notFoundContent={t("campaign.recommend.noPerson")}
            data-testid="recommend-person"
          />
        </Form.Item>
        <Form.Item name="channel" label={t("campaign.channel")} rules={[required("channel")]}>
          <Radio.Group options={channels.map((c) => ({ value: c, label: t(`campaign.channels.${c}`) }))} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t("campaign.recommend.body")}
          rules={[required("body"), { max: 200, message: t("campaign.recommend.tooLong") }]}
        >
          <Input placeholder={t("campaign.recommend.bodyPlaceholder")} />
        </Form.Item>
        <Form.Item
          name="meeting"
          label={t("campaign.recommend.meeting")}
          rules={[required("meeting"), { max: 200, message: t("campaign.recommend.tooLong") }]}
        >
          <Input placeholder={t("campaign.recommend.meetingPlaceholder")} />
        </Form.Item>
        <Form.Item
          name="meetingDate"
          label={t("campaign.recommend.meetingDate")}
          rules={[required("meetingDate"), notAfter(today, t("campaign.recommend.notAfterToday"))]}
        >
          <Input type="date" max={today} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
