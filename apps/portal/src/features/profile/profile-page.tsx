import type { RouterOutputs } from "@cadre/client"
import { type Problem, ProblemAlert, problemOf, useApi } from "@cadre/ui"
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Divider,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Spin,
  Typography,
} from "antd"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useServerErrors } from "../../api/use-server-errors"
import { onLinkClick } from "../../routes/navigation"
import { type Me, personIdOf, useSession } from "../../session/session"
import { RequireSignIn } from "../auth/require-sign-in"
import {
  EDUCATION_LEVELS,
  EMPLOYMENT_CATEGORIES,
  emptyValues,
  fieldOfPath,
  type ProfileValues,
  type StoredProfile,
  toInput,
  toValues,
} from "./profile-values"

type Mine = RouterOutputs["profiles"]["mine"]
type OpenCampaign = RouterOutputs["campaigns"]["open"][number]

/** 个人信息: create or update the applicant's own profile. */
export const ProfilePage = () => <RequireSignIn>{(me) => <ProfileLoader me={me} />}</RequireSignIn>

const ProfileLoader = ({ me }: { readonly me: Me }) => {
  const { t } = useTranslation("portal")
  const api = useApi()
  const personId = personIdOf(me)
  const [mine, setMine] = useState<Mine | null | undefined>(personId === null ? null : undefined)
  const [campaigns, setCampaigns] = useState<ReadonlyArray<OpenCampaign>>([])
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  useEffect(() => {
    let live = true
    // No profile yet (the actor names no person): nothing to read, and asking would only answer 404.
    if (personId !== null)
      api.profiles.mine.query().then(
        (m) => live && setMine(m),
        (e: unknown) => live && setProblem(problemOf(e)),
      )
    // Applicants may not read the region tree (no region.read); the regions of the open campaigns are what the
    // API offers them, so those are the suggestions for the region code.
    api.campaigns.open.query().then(
      (c) => live && setCampaigns(c),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api, personId])
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
          {t("profile.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("profile.intro")}</Typography.Text>
      </div>
      <ProblemAlert problem={problem} requestId="always" />
      {mine === undefined ? (
        problem === undefined ? (
          <Spin tip={t("profile.loading")} />
        ) : null
      ) : (
        <ProfileForm mine={mine} campaigns={campaigns} onSaved={setMine} />
      )}
    </Flex>
  )
}

const profileTags = { NotFound: "regionId" }

const ProfileForm = ({
  mine,
  campaigns,
  onSaved,
}: {
  readonly mine: Mine | null
  readonly campaigns: ReadonlyArray<OpenCampaign>
  readonly onSaved: (m: Mine) => void
}) => {
  const { t } = useTranslation("portal")
  const api = useApi()
  const { refresh } = useSession()
  const [form] = Form.useForm<ProfileValues>()
  const errors = useServerErrors(fieldOfPath, profileTags)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  const partyStatus = Form.useWatch("partyStatus", form)
  const required = (label: string) => ({ required: true, message: t("profile.required", { field: label }) })

  const submit = async (values: ProfileValues) => {
    setBusy(true)
    setSaved(false)
    errors.clear()
    try {
      const previous: StoredProfile | undefined = mine?.profile
      const input = toInput(values, previous)
      const next =
        mine === null
          ? await api.profiles.createMine.mutate(input)
          : await api.profiles.updateMine.mutate({ ...input, expectedVersion: mine.version })
      onSaved(next)
      setSaved(true)
      // The actor now names the person (createMine): campaigns and applications need it.
      if (mine === null) await refresh()
    } catch (error) {
      errors.report(error)
    } finally {
      setBusy(false)
    }
  }

  const regionOptions = [...new Map(campaigns.map((c) => [c.regionId, c])).values()].map((c) => ({
    value: c.regionId,
    label: t("profile.regionOption", { id: c.regionId, campaign: c.name }),
  }))

  return (
    <Card size="small">
      <Form<ProfileValues>
        form={form}
        name="profile"
        layout="vertical"
        requiredMark
        initialValues={mine === null ? emptyValues : toValues(mine.profile, mine.regionId)}
        onFinish={submit}
        onValuesChange={(changed) => {
          errors.touched(changed)
          setSaved(false)
        }}
        scrollToFirstError
      >
        <ProblemAlert problem={errors.problem} requestId="always" />
        <Divider titlePlacement="start">{t("profile.basic")}</Divider>
        <Form.Item
          name="name"
          label={t("profile.name")}
          rules={[{ ...required(t("profile.name")), whitespace: true }]}
          {...errors.itemProps("name")}
        >
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="sex"
          label={t("profile.sex")}
          rules={[required(t("profile.sex"))]}
          {...errors.itemProps("sex")}
        >
          <Radio.Group
            options={[
              { value: "male", label: t("profile.male") },
              { value: "female", label: t("profile.female") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="birthDate"
          label={t("profile.birthDate")}
          rules={[required(t("profile.birthDate"))]}
          {...errors.itemProps("birthDate")}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t("profile.idNumber")}
          extra={t("profile.idNumberHint")}
          rules={[required(t("profile.idNumber"))]}
          {...errors.itemProps("idNumber")}
        >
          <Input maxLength={18} autoComplete="off" style={{ fontVariantNumeric: "tabular-nums" }} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t("profile.phone")}
          rules={[{ pattern: /^1\d{10}$/, message: t("profile.phoneInvalid") }]}
          {...errors.itemProps("phone")}
        >
          <Input type="tel" inputMode="numeric" maxLength={11} autoComplete="tel" />
        </Form.Item>

        <Divider titlePlacement="start">{t("profile.party")}</Divider>
        <Form.Item
          name="partyStatus"
          label={t("profile.partyStatus")}
          rules={[required(t("profile.partyStatus"))]}
          {...errors.itemProps("partyStatus")}
        >
          <Radio.Group
            style={{ display: "flex", flexDirection: "column", gap: 8 }}
            options={[
              { value: "NotMember", label: t("profile.notMember") },
              { value: "Probationary", label: t("profile.probationary") },
              { value: "Full", label: t("profile.full") },
            ]}
          />
        </Form.Item>
        {partyStatus === "Probationary" || partyStatus === "Full" ? (
          <Form.Item
            name="partyJoined"
            label={t("profile.joined")}
            rules={[required(t("profile.joined"))]}
            {...errors.itemProps("partyJoined")}
          >
            <Input type="date" />
          </Form.Item>
        ) : null}
        {partyStatus === "Full" ? (
          <Form.Item
            name="partyFullSince"
            label={t("profile.fullMemberSince")}
            rules={[required(t("profile.fullMemberSince"))]}
            {...errors.itemProps("partyFullSince")}
          >
            <Input type="date" />
          </Form.Item>
        ) : null}

        <Divider titlePlacement="start">{t("profile.education")}</Divider>
        <Form.Item
          name="educationLevel"
          label={t("profile.educationLevel")}
          rules={[required(t("profile.educationLevel"))]}
          {...errors.itemProps("educationLevel")}
        >
          <Select options={EDUCATION_LEVELS.map((l) => ({ value: l, label: t(`profile.levels.${l}`) }))} />
        </Form.Item>
        <Form.Item
          name="educationFullTime"
          label={t("profile.fullTime")}
          rules={[required(t("profile.fullTime"))]}
          {...errors.itemProps("educationFullTime")}
        >
          <Radio.Group
            options={[
              { value: true, label: t("profile.yes") },
              { value: false, label: t("profile.no") },
            ]}
          />
        </Form.Item>

        <Divider titlePlacement="start">{t("profile.work")}</Divider>
        <Form.Item
          name="employment"
          label={t("profile.employment")}
          rules={[required(t("profile.employment"))]}
          {...errors.itemProps("employment")}
        >
          <Select
            options={EMPLOYMENT_CATEGORIES.map((c) => ({ value: c, label: t(`profile.employments.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="currentUnit" label={t("profile.currentUnit")} {...errors.itemProps("currentUnit")}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="currentPosition"
          label={t("profile.currentPosition")}
          {...errors.itemProps("currentPosition")}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t("profile.region")}
          extra={t("profile.regionHint")}
          rules={[{ ...required(t("profile.region")), whitespace: true }]}
          {...errors.itemProps("regionId")}
        >
          <AutoComplete options={regionOptions} popupMatchSelectWidth>
            <Input inputMode="numeric" autoComplete="off" />
          </AutoComplete>
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t("profile.save")}
        </Button>
        {saved ? (
          <Alert
            type="success"
            showIcon
            data-testid="profile-saved"
            title={t("profile.saved")}
            style={{ marginTop: 12 }}
            action={
              <Button size="small" href="/campaigns" onClick={onLinkClick("/campaigns")}>
                {t("nav.campaigns")}
              </Button>
            }
          />
        ) : null}
      </Form>
    </Card>
  )
}
