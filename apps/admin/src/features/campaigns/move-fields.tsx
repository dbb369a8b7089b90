import { useLanguage } from "@cadre/ui"
import { Alert, Button, Form, Input, Radio, Select, Typography } from "antd"
import { useTranslation } from "react-i18next"
import { decidingBodies, notAfter, notBefore, requiredRules } from "./move-form-rules"
import { earlierSteps, type MoveKind, nextObjectionId, postChoices } from "./moves"
import { NoticeFields } from "./notice-fields"
import { RecordFields, recordInitial } from "./record-fields"
import type { ApplicationRow, Campaign, Post } from "./types"

/** The moves that need a form; Advance needs one only when it carries the step's record. */
export type DialogKind = Exclude<MoveKind, "rescreen">

/** The fields of one move's form; the dialog around them validates and sends. */
export const MoveFields = ({
  kind,
  row,
  campaign,
  today,
  posts,
  poolRefused = false,
}: {
  readonly kind: DialogKind
  readonly row: ApplicationRow
  readonly campaign: Campaign
  /** Today as the server counts it: dates may not lie after it. */
  readonly today: string
  /** Posts the caller may read, for the Appoint choices; null while loading. */
  readonly posts: ReadonlyArray<Post> | null
  /** The last answer was PoolRefused: the decision may carry waivers of the pool's 一般 / 原则上 rules. */
  readonly poolRefused?: boolean
}) => {
  const { t } = useTranslation("admin")
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const app = row.application
  const steps = campaign.path.steps
  const { required, requiredText } = requiredRules(t)
  const noFuture = notAfter(today, t("campaign.flow.required.notFuture"))
  switch (kind) {
    case "advance":
    case "record":
      return <RecordFields row={row} today={today} />
    case "decide":
      return (
        <>
          {pendingReviews(row).length === 0 ? null : (
            <Alert
              type="warning"
              showIcon
              data-testid="pending-reviews"
              title={t("campaign.flow.pendingReviews", { count: pendingReviews(row).length })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {pendingReviews(row).map((f) => (
                    <li key={f.ruleId}>{f.label[lang]}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          <Form.Item name="outcome" label={t("campaign.flow.outcome")} rules={[required("outcome")]}>
            <Radio.Group
              options={[
                { value: "approved", label: t("campaign.flow.outcomes.approved") },
                { value: "not_approved", label: t("campaign.flow.outcomes.not_approved") },
              ]}
            />
          </Form.Item>
          <Form.Item name="body" label={t("campaign.flow.body")} rules={[required("body")]}>
            <Select
              options={decidingBodies.map((b) => ({ value: b, label: t(`campaign.flow.bodies.${b}`) }))}
            />
          </Form.Item>
          <Form.Item name="reference" label={t("campaign.flow.reference")}>
            <Input count={{ show: true, max: 100 }} placeholder={t("campaign.flow.referenceHint")} />
          </Form.Item>
          <Form.Item name="date" label={t("campaign.flow.meetingDate")} rules={[required("date"), noFuture]}>
            <Input type="date" max={today} />
          </Form.Item>
          {poolRefused ? <PoolWaiverFields today={today} /> : null}
        </>
      )
    case "startNotice":
      return <NoticeFields regionId={campaign.regionId} />
    case "fileObjection":
      return (
        <>
          <Form.Item
            name="objectionId"
            label={t("campaign.flow.objectionId")}
            rules={[requiredText("objectionId")]}
          >
            <Input count={{ show: true, max: 40 }} />
          </Form.Item>
          <Form.Item name="summary" label={t("campaign.flow.summary")} rules={[requiredText("summary")]}>
            <Input.TextArea rows={3} count={{ show: true, max: 500 }} />
          </Form.Item>
        </>
      )
    case "resolveObjection":
      return (
        <>
          <Form.Item name="objectionId" label={t("campaign.flow.objection")} rules={[required("objection")]}>
            <Select
              options={(app.notice?.objections ?? [])
                .filter((o) => o.resolution === undefined)
                .map((o) => ({ value: o.id, label: `${o.id} · ${o.summary}` }))}
            />
          </Form.Item>
          <Form.Item name="finding" label={t("campaign.flow.finding")} rules={[requiredText("finding")]}>
            <Input.TextArea rows={3} count={{ show: true, max: 500 }} />
          </Form.Item>
          <Form.Item name="upheld" label={t("campaign.flow.upheld")} rules={[required("upheld")]}>
            <Radio.Group
              options={[
                { value: false, label: t("campaign.flow.upheldNo") },
                { value: true, label: t("campaign.flow.upheldYes") },
              ]}
            />
          </Form.Item>
        </>
      )
    case "appoint": {
      const choices = postChoices(campaign, posts ?? [])
      const appointed = (campaign.counts as Record<string, number>).appointed ?? 0
      const reported = (campaign.counts as Record<string, number>).reported_in ?? 0
      return (
        <>
          <Typography.Paragraph type="secondary">
            {t("campaign.flow.placesLeft", { places: campaign.places, filled: appointed + reported })}
          </Typography.Paragraph>
          <Form.Item name="postId" label={t("campaign.flow.post")} rules={[required("post")]}>
            <Select
              loading={posts === null}
              notFoundContent={t("campaign.flow.noPosts")}
              options={choices.map((c) => ({
                value: c.id,
                label:
                  c.post === undefined
                    ? c.id
                    : `${c.post.title}${c.post.status === "vacant" ? "" : `（${t(`campaign.flow.postStatus.${c.post.status}`)}）`}`,
              }))}
            />
          </Form.Item>
        </>
      )
    }
    case "reportIn":
      return (
        <Form.Item
          name="date"
          label={t("campaign.flow.reportInDate")}
          rules={[
            required("date"),
            noFuture,
            notBefore(
              app.appointedOn,
              t("campaign.flow.required.afterAppointment", { date: app.appointedOn }),
            ),
          ]}
        >
          <Input type="date" max={today} min={app.appointedOn} />
        </Form.Item>
      )
    case "return":
      return (
        <>
          <Form.Item name="to" label={t("campaign.flow.returnTo")} rules={[required("returnTo")]}>
            <Select
              options={earlierSteps(steps, row.state).map((s) => ({
                value: s.state,
                label: s.label[lang],
              }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t("campaign.flow.returnReason")} rules={[requiredText("reason")]}>
            <Input.TextArea rows={3} count={{ show: true, max: 500 }} />
          </Form.Item>
        </>
      )
    case "reject":
      return (
        <Form.Item
          name="reason"
          label={t("campaign.rejectReason")}
          rules={[{ required: true, whitespace: true, message: t("campaign.rejectReasonRequired") }]}
        >
          <Input.TextArea rows={3} count={{ show: true, max: 500 }} />
        </Form.Item>
      )
    case "waive":
      return (
        <>
          <Form.Item name="ruleId" label={t("campaign.flow.rule")} rules={[required("rule")]}>
            <Select
              options={(app.verdict?.findings ?? [])
                .filter((f) => f.status === "fail")
                .map((f) => ({
                  value: f.ruleId,
                  label: `${f.label[lang]}（${f.waivable ? t("campaign.flow.waivable") : t("campaign.flow.notWaivable")}）`,
                }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t("campaign.flow.waiveReason")} rules={[requiredText("reason")]}>
            <Input.TextArea rows={2} count={{ show: true, max: 500 }} />
          </Form.Item>
          <Form.Item name="approver" label={t("campaign.flow.approver")} rules={[requiredText("approver")]}>
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
          <Form.Item
            name="approvedOn"
            label={t("campaign.flow.approvedOn")}
            rules={[required("date"), noFuture]}
          >
            <Input type="date" max={today} />
          </Form.Item>
        </>
      )
  }
}

/** The screening's conditions still awaiting a reviewer (需人工审核): the decision dialog names them first. */
const pendingReviews = (row: ApplicationRow) =>
  (row.application.verdict?.findings ?? []).filter((f) => f.status === "needs_review")

/**
 * What a move's form starts from: the campaign's defaults, today for dates, the next free objection number; a
 * decision starts with nothing chosen but the deciding body.
 */
export const moveInitialValues = (
  kind: DialogKind,
  row: ApplicationRow,
  campaign: Campaign,
  today: string,
): Record<string, unknown> => {
  switch (kind) {
    case "advance":
    case "record":
      return recordInitial(row)
    case "decide":
      // No outcome and no date chosen for the clerk (issue 16: one click must not approve): the body the scheme
      // names is the only default.
      return { body: campaign.decidingBody }
    case "startNotice":
      return { start: today, days: campaign.noticeDays, countFrom: "day_after" }
    case "fileObjection":
      return { objectionId: nextObjectionId(row.application.notice?.objections ?? []) }
    case "reportIn":
      return { date: today }
    case "waive":
      return { approvedOn: today }
    default:
      return {}
  }
}

/** The pool rules a decision may set aside when the scheme qualifies them 一般 / 原则上 (001 三（4）). */
export const POOL_RULES = ["pool.min_per_community", "pool.roles", "pool.young_share"] as const

/**
 * 放宽结构要求: after a PoolRefused answer, the deciding body may record a waiver of each 一般 / 原则上 rule the
 * refusal names (reason, approver, date), sent as the decision's `poolWaivers`; the server refuses any other.
 */
const PoolWaiverFields = ({ today }: { readonly today: string }) => {
  const { t } = useTranslation("admin")
  const { required, requiredText } = requiredRules(t)
  const noFuture = notAfter(today, t("campaign.flow.required.notFuture"))
  return (
    <div data-testid="pool-waivers">
      <Typography.Text strong>{t("campaign.flow.poolWaivers")}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t("campaign.flow.poolWaiversHint")}
      </Typography.Paragraph>
      <Form.List name="poolWaivers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <div key={field.key} data-testid={`pool-waiver-${field.name}`}>
                <Form.Item
                  name={[field.name, "ruleId"]}
                  label={t("campaign.flow.poolRule")}
                  rules={[required("rule")]}
                >
                  <Select
                    options={POOL_RULES.map((r) => ({ value: r, label: t(`campaign.flow.poolRules.${r}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, "reason"]}
                  label={t("campaign.flow.waiverReason")}
                  rules={[requiredText("reason")]}
                >
                  <Input.TextArea autoSize count={{ show: true, max: 500 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, "approver"]}
                  label={t("campaign.flow.approver")}
                  rules={[requiredText("approver")]}
                >
                  <Input count={{ show: true, max: 100 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, "approvedOn"]}
                  label={t("campaign.flow.approvedOn")}
                  rules={[required("date"), noFuture]}
                >
                  <Input type="date" max={today} />
                </Form.Item>
                <Button size="small" onClick={() => remove(field.name)} style={{ marginBottom: 12 }}>
                  {t("campaign.flow.remove")}
                </Button>
              </div>
            ))}
            <Button block onClick={() => add({ approvedOn: today })} data-testid="add-pool-waiver">
              {t("campaign.flow.addPoolWaiver")}
            </Button>
          </>
        )}
      </Form.List>
    </div>
  )
}
