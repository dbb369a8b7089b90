import type { RouterInputs } from "@cadre/client"
import { pick, type Problem, ProblemAlert, problemOf, useLanguage } from "@cadre/ui"
import { useMutation, useQuery } from "@tanstack/react-query"
import { Checkbox, Form, Input, InputNumber, Modal, Select } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"
import { placeServerIssues } from "../../api/server-issues"
import { latestPublished } from "../figures/figures-data"
import { decidingBodies } from "./move-form-rules"

type CreateInput = RouterInputs["campaigns"]["create"]
export const CHANNELS = ["self_registration", "unit_recommendation", "organisation_recommendation"] as const

interface CreateValues {
  readonly scheme: string
  readonly name: string
  readonly places: number
  readonly startYear: number
  readonly channels: ReadonlyArray<(typeof CHANNELS)[number]>
  readonly decidingBody: (typeof decidingBodies)[number]
  readonly referenceDate?: string
}

/** The form's fields by the server's issue path (`["places"]` → places), so a refusal shows at its field. */
const fieldOf = (path: ReadonlyArray<PropertyKey>): string | undefined => {
  const head = String(path[0] ?? "")
  return head === "schemeId" || head === "schemeVersion" ? "scheme" : FIELDS.has(head) ? head : undefined
}
const FIELDS = new Set(["name", "places", "startYear", "channels", "decidingBody", "referenceDate"])

/** The create call's input from the form: the scheme as id and version, in the caller's region. */
export const createInputOf = (regionId: string, v: CreateValues): CreateInput => {
  const at = v.scheme.lastIndexOf("@")
  return {
    regionId,
    schemeId: v.scheme.slice(0, at),
    schemeVersion: Number(v.scheme.slice(at + 1)),
    name: v.name.trim(),
    places: v.places,
    startYear: v.startYear,
    channels: [...v.channels] as unknown as CreateInput["channels"],
    decidingBody: v.decidingBody,
    ...(v.referenceDate === undefined || v.referenceDate === "" ? {} : { referenceDate: v.referenceDate }),
  }
}

/**
 * 新建选派批次 (org dept, `campaign.write`): from a published scheme of the district, with its name, places, year,
 * open channels and the deciding body — nothing chosen for the clerk. The reference date only where the scheme
 * leaves it to the campaign; the server refuses one the scheme fixes, at that field. The campaign starts as a
 * draft; 开放报名 on its page opens it.
 */
export const CreateCampaignDialog = ({
  regionId,
  onClose,
  onCreated,
}: {
  readonly regionId: string
  readonly onClose: () => void
  readonly onCreated: (id: string) => void
}) => {
  const { t } = useTranslation("admin")
  const language = useLanguage()
  const trpc = useTRPC()
  const [form] = Form.useForm<CreateValues>()
  const [problem, setProblem] = useState<Problem | null>(null)
  const schemes = useQuery(trpc.schemes.list.queryOptions({ status: "published" }))
  const create = useMutation(trpc.campaigns.create.mutationOptions())
  const options = latestPublished(schemes.data ?? []).map((s) => ({
    value: `${s.schemeId}@${s.version}`,
    label: t("campaigns.schemeVersion", { scheme: pick(s.name, language), version: s.version }),
  }))

  const submit = (values: CreateValues) => {
    setProblem(null)
    create.mutate(createInputOf(regionId, values), {
      onSuccess: (campaign) => onCreated(campaign.id),
      onError: (error) => {
        const p = problemOf(error)
        // A refused reference date is a Conflict about the whole campaign on the wire; it belongs at its field.
        const atReferenceDate =
          "reason" in p && p.reason?.startsWith("reference_date_") === true
            ? [{ field: "referenceDate", message: p.message }]
            : []
        // What no field shows (a refusal of the whole campaign) stays above the form.
        setProblem(placeServerIssues(form, p, fieldOf, language, atReferenceDate))
      },
    })
  }

  const required = (key: string) => ({ required: true, message: t(`campaigns.create.required.${key}`) })
  return (
    <Modal
      open
      title={t("campaigns.create.title")}
      okText={t("campaigns.create.submit")}
      cancelText={t("campaign.cancel")}
      confirmLoading={create.isPending}
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
      <Form<CreateValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ startYear: new Date().getFullYear() }}
        data-testid="create-campaign-form"
      >
        <Form.Item name="scheme" label={t("campaigns.scheme")} rules={[required("scheme")]}>
          <Select
            options={options}
            loading={schemes.isPending}
            placeholder={t("campaigns.create.schemePlaceholder")}
            data-testid="create-scheme"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("campaigns.create.name")}
          rules={[
            { ...required("name"), whitespace: true },
            { max: 200, message: t("campaigns.create.nameTooLong") },
          ]}
        >
          <Input showCount maxLength={undefined} placeholder={t("campaigns.create.namePlaceholder")} />
        </Form.Item>
        <Form.Item
          name="places"
          label={t("campaigns.places")}
          rules={[
            required("places"),
            { type: "integer", min: 0, max: 10_000, message: t("campaigns.create.placesRange") },
          ]}
        >
          <InputNumber style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="startYear"
          label={t("campaigns.create.startYear")}
          rules={[
            required("startYear"),
            { type: "integer", min: 2000, max: 2200, message: t("campaigns.create.yearRange") },
          ]}
        >
          <InputNumber style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="channels" label={t("campaigns.create.channels")} rules={[required("channels")]}>
          <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: t(`campaign.channels.${c}`) }))} />
        </Form.Item>
        <Form.Item
          name="decidingBody"
          label={t("campaigns.create.decidingBody")}
          rules={[required("decidingBody")]}
        >
          <Select
            placeholder={t("campaigns.create.decidingBodyPlaceholder")}
            options={decidingBodies.map((b) => ({ value: b, label: t(`campaign.flow.bodies.${b}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="referenceDate"
          label={t("campaigns.create.referenceDate")}
          extra={t("campaigns.create.referenceDateHelp")}
        >
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
