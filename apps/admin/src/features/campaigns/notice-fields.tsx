import { formatDate, problemOf, problemText, useApi, useLanguage } from "@cadre/ui"
import { Form, Input, InputNumber, Radio, Typography } from "antd"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { requiredRules } from "./move-form-rules"

/**
 * The notice form, with its last day as the API counts it on the working-day calendar of the campaign's region
 * (the national calendar with that region's local adjustments).
 */
export const NoticeFields = ({ regionId }: { readonly regionId: string }) => {
  const { t } = useTranslation("admin")
  const api = useApi()
  const language = useLanguage()
  const form = Form.useFormInstance()
  const start = Form.useWatch<string | undefined>("start", form)
  const days = Form.useWatch<number | undefined>("days", form)
  const countFrom = Form.useWatch<"day_after" | "same_day" | undefined>("countFrom", form)
  const [end, setEnd] = useState<{ lastDay: string } | { problem: string } | null>(null)
  useEffect(() => {
    if (
      start === undefined ||
      start === "" ||
      days === undefined ||
      days === null ||
      countFrom === undefined
    ) {
      setEnd(null)
      return
    }
    let live = true
    api.calendar.addWorkingDays.query({ start, days: Number(days), countFrom, regionId }).then(
      (r) => {
        if (live) setEnd(r)
      },
      (error: unknown) => {
        if (live) setEnd({ problem: problemText(problemOf(error), language) })
      },
    )
    return () => {
      live = false
    }
  }, [api, start, days, countFrom, regionId, language, t])
  const { required } = requiredRules(t)
  return (
    <>
      <Form.Item name="start" label={t("campaign.flow.noticeStart")} rules={[required("date")]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="days" label={t("campaign.flow.noticeDays")} rules={[required("days")]}>
        <InputNumber min={1} max={60} precision={0} />
      </Form.Item>
      <Form.Item name="countFrom" label={t("campaign.flow.countFrom")} rules={[required("countFrom")]}>
        <Radio.Group
          options={[
            { value: "day_after", label: t("campaign.flow.countFromOptions.day_after") },
            { value: "same_day", label: t("campaign.flow.countFromOptions.same_day") },
          ]}
        />
      </Form.Item>
      <div data-testid="notice-end-preview">
        {end === null ? null : "lastDay" in end ? (
          <Typography.Text>
            {t("campaign.flow.noticeEndPreview", { date: formatDate(end.lastDay, language) })}
          </Typography.Text>
        ) : (
          <Typography.Text type="danger">{end.problem}</Typography.Text>
        )}
      </div>
    </>
  )
}
