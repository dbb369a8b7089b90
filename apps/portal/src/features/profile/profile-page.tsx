import type { RouterOutputs } from "@cadre/client"
import { formatDate, type Problem, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Divider,
  Flex,
  Form,
  Input,
  Progress,
  Radio,
  Select,
  Spin,
  Typography,
} from "antd"
import { type ReactNode, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useServerErrors } from "../../api/use-server-errors"
import { onLinkClick } from "../../routes/navigation"
import { type Me, personIdOf, useSession } from "../../session/session"
import { RequireSignIn } from "../auth/require-sign-in"
import { readIdNumber } from "./id-number"
import { FamilyList, ResumeList } from "./profile-lists"
import { type RegionChoice, RegionCascader } from "./region-cascader"
import {
  EDUCATION_LEVELS,
  ETHNIC_GROUPS,
  EMPLOYMENT_CATEGORIES,
  type DraftStep,
  emptyValues,
  fieldOfPath,
  fromDraft,
  type ProfileValues,
  type StoredProfile,
  toDraft,
  toInput,
  toValues,
} from "./profile-values"

type Mine = RouterOutputs["profiles"]["mine"]
type Draft = NonNullable<RouterOutputs["profiles"]["draftMine"]>
type OpenCampaign = RouterOutputs["campaigns"]["open"][number]
type PublicSummary = RouterOutputs["campaigns"]["publicList"][number]

/** The open campaigns' regions by name: `open` knows each campaign's region, `publicList` its names. */
const regionChoices = (
  open: ReadonlyArray<OpenCampaign>,
  about: ReadonlyArray<PublicSummary>,
): ReadonlyArray<RegionChoice> => {
  const names = new Map(about.map((p) => [p.id, p.regionNames]))
  return [...new Map(open.map((c) => [c.regionId, names.get(c.id) ?? [c.name]])).entries()].map(
    ([regionId, n]) => ({ regionId, names: n }),
  )
}

/** 个人信息: create or update the applicant's own profile. */
export const ProfilePage = () => <RequireSignIn>{(me) => <ProfileLoader me={me} />}</RequireSignIn>

const ProfileLoader = ({ me }: { readonly me: Me }) => {
  const { t } = useTranslation("portal")
  const api = useApi()
  const personId = personIdOf(me)
  const [mine, setMine] = useState<Mine | null | undefined>(personId === null ? null : undefined)
  const [regions, setRegions] = useState<ReadonlyArray<RegionChoice>>([])
  // Save and return (issue 17): the answers saved part-way, read before the form is shown (undefined: not yet read).
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined)
  const [discarded, setDiscarded] = useState(false)
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  useEffect(() => {
    let live = true
    api.profiles.draftMine.query().then(
      (d) => live && setDraft(d),
      // A draft that cannot be read is not worth blocking the form for: it starts from the saved profile.
      () => live && setDraft(null),
    )
    // No profile yet (the actor names no person): nothing to read, and asking would only answer 404.
    if (personId !== null)
      api.profiles.mine.query().then(
        (m) => live && setMine(m),
        (e: unknown) => live && setProblem(problemOf(e)),
      )
    // Applicants may not read the region tree (no region.read); the regions of the open campaigns, by name, are
    // what the API offers them, so those are the choices.
    Promise.all([api.campaigns.open.query(), api.campaigns.publicList.query()]).then(
      ([open, about]) => live && setRegions(regionChoices(open, about)),
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
      {discarded ? <Alert type="info" showIcon title={t("profile.draftDiscarded")} /> : null}
      {mine === undefined || draft === undefined ? (
        problem === undefined ? (
          <Spin tip={t("profile.loading")} />
        ) : null
      ) : (
        <ProfileForm
          // A discarded draft starts the form again from the saved profile (a save keeps the form as it is).
          key={discarded ? "discarded" : "form"}
          mine={mine}
          draft={draft}
          regions={regions}
          onSaved={setMine}
          onDiscard={async () => {
            await api.profiles.discardDraftMine.mutate()
            setDraft(null)
            setDiscarded(true)
          }}
        />
      )}
    </Flex>
  )
}

const profileTags = { NotFound: "regionId" }

/** 健康状况 as cadre forms usually write it; anything else may be typed. */
const HEALTH = ["健康", "良好", "一般"]

/**
 * The profile asked one group per page (GOV.UK "one thing per page", issue 17), with where the applicant is:
 * each group's fields, for validating the page before going on and for finding the page of a server's refusal.
 */
const GROUPS = [
  {
    key: "basic",
    fields: [
      "name",
      "idNumber",
      "sex",
      "ethnicity",
      "birthDate",
      "nativePlace",
      "birthPlace",
      "health",
      "phone",
    ],
  },
  { key: "party", fields: ["partyStatus", "partyJoined", "partyFullSince"] },
  { key: "education", fields: ["educationLevel", "educationFullTime"] },
  { key: "work", fields: ["employment", "currentUnit", "currentPosition", "workStarted", "regionId"] },
  { key: "resume", fields: ["workHistory"] },
  { key: "family", fields: ["family"] },
] as const
type GroupKey = (typeof GROUPS)[number]["key"]
const TITLE: Readonly<Record<GroupKey, string>> = {
  basic: "profile.basic",
  party: "profile.party",
  education: "profile.education",
  work: "profile.work",
  resume: "profile.resume",
  family: "profile.familyTitle",
}

/** The page (group index) a field belongs to: "workHistory.0.from" is on the résumé's page. */
export const groupOfField = (field: string): number =>
  Math.max(
    0,
    GROUPS.findIndex((g) => (g.fields as ReadonlyArray<string>).includes(field.split(".")[0] ?? field)),
  )

/** The page a group key names (`family` → 5), or -1. */
const pageOf = (key: string | null | undefined): number => GROUPS.findIndex((g) => g.key === key)

/** The page named by `?page=` (check-your-answers' "修改" links), else where a saved draft left off, else the first. */
const pageFromLocation = (draft: Draft | null): number => {
  const asked = pageOf(new URLSearchParams(window.location.search).get("page"))
  return Math.max(0, asked >= 0 ? asked : pageOf(draft?.step))
}

/** One error of the summary at the top of a page: the field's name path and its message. */
interface SummaryItem {
  readonly name: ReadonlyArray<string | number>
  readonly message: string
}

/** One page of the profile: kept mounted when hidden, so its answers stay in the form. */
const Page = ({ shown, children }: { readonly shown: boolean; readonly children: ReactNode }) => (
  <div hidden={!shown}>{children}</div>
)

const ProfileForm = ({
  mine,
  draft,
  regions,
  onSaved,
  onDiscard,
}: {
  readonly mine: Mine | null
  readonly draft: Draft | null
  readonly regions: ReadonlyArray<RegionChoice>
  readonly onSaved: (m: Mine) => void
  readonly onDiscard: () => Promise<void>
}) => {
  const { t } = useTranslation("portal")
  const language = useLanguage()
  const api = useApi()
  const { refresh } = useSession()
  const [form] = Form.useForm<ProfileValues>()
  const errors = useServerErrors(fieldOfPath, profileTags)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  // "修改" on check-your-answers opens the page that asks the group (/profile?page=family).
  const [step, setStep] = useState(() => pageFromLocation(draft))
  // Save and return: when the last save was made and until when it is kept (shown after 保存进度).
  const [draftSaved, setDraftSaved] = useState<{ until: string; step: number } | undefined>(undefined)
  const [draftProblem, setDraftProblem] = useState<Problem | undefined>(undefined)
  // The restored draft is announced until the profile is saved whole (which removes it on the server).
  const [restored, setRestored] = useState(draft !== null)
  const [summary, setSummary] = useState<ReadonlyArray<SummaryItem>>([])
  const partyStatus = Form.useWatch("partyStatus", form)
  const idTyped = Form.useWatch("idNumber", form) as string | undefined
  const idReading = idTyped === undefined || idTyped.trim() === "" ? undefined : readIdNumber(idTyped)
  const last = GROUPS.length - 1
  const required = (label: string) => ({ required: true, message: t("profile.required", { field: label }) })
  const noLaterThanToday = {
    validator: async (_r: unknown, value: unknown) => {
      if (typeof value === "string" && value > new Date().toISOString().slice(0, 10))
        throw new Error(t("profile.notFuture"))
    },
  }

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
      setRestored(false)
      // The actor now names the person (createMine): campaigns and applications need it.
      if (mine === null) await refresh()
    } catch (error) {
      const fields = errors.report(error)
      const first = fields[0]
      if (first !== undefined) setStep(groupOfField(first))
    } finally {
      setBusy(false)
    }
  }

  /** Keep the answers so far and the page to come back to (GOV.UK "save and come back later"). */
  const saveDraft = (at: number) =>
    api.profiles.saveDraftMine.mutate({
      step: (GROUPS[at]?.key ?? "basic") as DraftStep,
      values: toDraft(form.getFieldsValue(true) as Partial<ProfileValues>),
    })

  /** 保存进度，稍后继续: saved as typed, whether or not this page's answers hold yet. */
  const saveForLater = async () => {
    setDraftProblem(undefined)
    try {
      const saved = await saveDraft(step)
      setDraftSaved({ until: saved.keptUntil, step })
    } catch (e) {
      setDraftProblem(problemOf(e))
    }
  }

  /**
   * 继续: this page's answers must hold before the next page; what does not is summarised at the top. Going on also
   * saves the answers so far, so that a closed tab comes back at the next page.
   */
  const next = async () => {
    const names = GROUPS[step]?.fields ?? []
    try {
      await form.validateFields([...names], { recursive: true })
    } catch (e) {
      summarise(e)
      return
    }
    setSummary([])
    setDraftSaved(undefined)
    // Once the applicant goes on, "restored at step n" is old news.
    setRestored(false)
    const to = Math.min(last, step + 1)
    setStep(to)
    window.scrollTo?.(0, 0)
    // Best effort: a draft that fails to save never stops the applicant; 保存进度 reports its own failures.
    saveDraft(to).catch(() => undefined)
  }

  const summarise = (e: unknown) => {
    const failed = (e as { errorFields?: ReadonlyArray<{ name: Array<string | number>; errors: string[] }> })
      .errorFields
    setSummary((failed ?? []).flatMap((f) => f.errors.map((message) => ({ name: f.name, message }))))
  }

  // Regions by their names (安徽省 / 淮北市 / 淮上区), never a code to type; the stored region stays choosable even
  // when no campaign is open there now (shown as 已填写的区县).
  const regionChoicesHere: ReadonlyArray<RegionChoice> =
    mine === null || regions.some((r) => r.regionId === mine.regionId)
      ? regions
      : [...regions, { regionId: mine.regionId, names: [] }]

  return (
    <Card size="small">
      <Form<ProfileValues>
        form={form}
        name="profile"
        layout="vertical"
        requiredMark
        initialValues={(() => {
          const base = mine === null ? emptyValues : toValues(mine.profile, mine.regionId)
          return draft === null ? base : fromDraft(base, draft.values)
        })()}
        onFinish={submit}
        onFinishFailed={({ errorFields }) => {
          summarise({ errorFields })
          const first = errorFields[0]?.name[0]
          if (typeof first === "string") setStep(groupOfField(first))
        }}
        onValuesChange={(changed: Partial<ProfileValues>) => {
          errors.touched(changed)
          setSaved(false)
          setDraftSaved(undefined)
          // A corrected answer leaves the summary (and the birth date and sex, which follow from the ID number).
          const touched = new Set(Object.keys(changed))
          if (touched.has("idNumber")) for (const k of ["birthDate", "sex"]) touched.add(k)
          setSummary((items) => items.filter((i) => !touched.has(String(i.name[0]))))
          // The birth date and sex follow from a valid ID number: filled in, never asked twice.
          if (typeof changed.idNumber === "string") {
            const reading = readIdNumber(changed.idNumber)
            if (reading.ok) form.setFieldsValue({ birthDate: reading.birthDate, sex: reading.sex })
          }
        }}
      >
        <Flex vertical gap={4} style={{ marginBottom: 16 }} data-testid="profile-progress">
          <Typography.Text type="secondary">
            {t("profile.stepOf", { n: step + 1, total: GROUPS.length })}
          </Typography.Text>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
            {t(TITLE[GROUPS[step]?.key ?? "basic"])}
          </Typography.Title>
          <Progress
            percent={Math.round(((step + 1) / GROUPS.length) * 100)}
            showInfo={false}
            size="small"
            strokeColor="#b71c1c"
            aria-label={t("profile.stepOf", { n: step + 1, total: GROUPS.length })}
          />
        </Flex>
        {draft === null || !restored ? null : (
          <Alert
            type="info"
            showIcon
            data-testid="draft-restored"
            style={{ marginBottom: 16 }}
            title={t("profile.draftRestored", {
              saved: formatDate(draft.savedAt.slice(0, 10), language),
              n: Math.max(0, pageOf(draft.step)) + 1,
            })}
            action={
              <Button size="small" onClick={() => void onDiscard()}>
                {t("profile.draftDiscard")}
              </Button>
            }
          />
        )}
        {summary.length === 0 ? null : (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="error-summary"
            title={t("profile.summaryTitle")}
            style={{ marginBottom: 16 }}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {summary.map((item) => (
                  <li key={`${item.name.join(".")}:${item.message}`}>
                    <Button
                      type="link"
                      style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "start" }}
                      onClick={() => form.focusField(item.name as never)}
                    >
                      {item.message}
                    </Button>
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <ProblemAlert problem={errors.problem} requestId="always" />
        <Page shown={step === 0}>
          <Form.Item
            name="name"
            label={t("profile.name")}
            rules={[{ ...required(t("profile.name")), whitespace: true }]}
            {...errors.itemProps("name")}
          >
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t("profile.idNumber")}
            extra={
              idReading?.ok === true ? (
                <span data-testid="id-derived">
                  {t("profile.idDerived", {
                    date: formatDate(idReading.birthDate, language),
                    sex: t(`profile.${idReading.sex}`),
                  })}
                </span>
              ) : (
                t("profile.idNumberHint")
              )
            }
            rules={[
              required(t("profile.idNumber")),
              {
                validator: async (_r, value: unknown) => {
                  if (typeof value !== "string" || value.trim() === "") return
                  const reading = readIdNumber(value)
                  if (!reading.ok) throw new Error(t(`profile.idProblems.${reading.problem}`))
                },
              },
            ]}
            {...errors.itemProps("idNumber")}
          >
            <Input maxLength={18} autoComplete="off" style={{ fontVariantNumeric: "tabular-nums" }} />
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
            name="ethnicity"
            label={t("profile.ethnicity")}
            rules={[required(t("profile.ethnicity"))]}
            {...errors.itemProps("ethnicity")}
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              options={ETHNIC_GROUPS.map((e) => ({ value: e, label: e }))}
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
            name="nativePlace"
            label={t("profile.nativePlace")}
            extra={t("profile.placeHint")}
            {...errors.itemProps("nativePlace")}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="birthPlace" label={t("profile.birthPlace")} {...errors.itemProps("birthPlace")}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="health" label={t("profile.health")} {...errors.itemProps("health")}>
            <AutoComplete options={HEALTH.map((value) => ({ value }))} maxLength={20} />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t("profile.phone")}
            rules={[{ pattern: /^1\d{10}$/, message: t("profile.phoneInvalid") }]}
            {...errors.itemProps("phone")}
          >
            <Input type="tel" inputMode="numeric" maxLength={11} autoComplete="tel" />
          </Form.Item>
        </Page>
        <Page shown={step === 1}>
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
        </Page>
        <Page shown={step === 2}>
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
        </Page>
        <Page shown={step === 3}>
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
            name="workStarted"
            label={t("profile.workStarted")}
            extra={t("profile.workStartedHint")}
            rules={[noLaterThanToday]}
            {...errors.itemProps("workStarted")}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="regionId"
            label={t("profile.region")}
            extra={t("profile.regionHint")}
            rules={[required(t("profile.region"))]}
            {...errors.itemProps("regionId")}
          >
            <RegionCascader choices={regionChoicesHere} fallbackLabel={t("profile.regionStored")} />
          </Form.Item>
        </Page>
        <Page shown={step === 4}>
          <ResumeList errors={errors} required={required} />
        </Page>
        <Page shown={step === 5}>
          <FamilyList errors={errors} />
        </Page>
        <Divider />
        <Flex gap={12}>
          {step > 0 ? (
            <Button size="large" block onClick={() => setStep((s) => s - 1)}>
              {t("profile.back")}
            </Button>
          ) : null}
          {step < last ? (
            // Keyed apart from 保存个人信息: were React to reuse this <button> for it, a 继续 click whose page change
            // lands before the click's default action would turn into a submit of the whole profile.
            <Button key="next" type="primary" size="large" block onClick={() => void next()}>
              {t("profile.next")}
            </Button>
          ) : (
            <Button key="save" type="primary" htmlType="submit" size="large" block loading={busy}>
              {t("profile.save")}
            </Button>
          )}
        </Flex>
        <Button
          type="link"
          block
          style={{ marginTop: 8 }}
          data-testid="save-for-later"
          onClick={() => void saveForLater()}
        >
          {t("profile.saveForLater")}
        </Button>
        {draftSaved === undefined ? null : (
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="draft-saved"
            title={t("profile.draftSaved", {
              until: formatDate(draftSaved.until.slice(0, 10), language),
              n: draftSaved.step + 1,
            })}
            style={{ marginTop: 12 }}
          />
        )}
        <ProblemAlert problem={draftProblem} requestId="always" />
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
