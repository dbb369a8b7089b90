import { Button, Flex, Form, Input, InputNumber, Radio } from "antd"
import { useTranslation } from "react-i18next"
import { notAfter, requiredRules } from "./move-form-rules"
import type { ApplicationRow } from "./types"

/** What a record form starts from: the stored record (to add a rater or correct it), else one empty line. */
export const recordInitial = (row: ApplicationRow): Record<string, unknown> => {
  const r = row.application.records
  switch (row.state) {
    case "qualification_review":
      // Nothing decided before the reviewer says so (issue 16): a new record starts with no conclusion.
      return r.qualification_review === undefined
        ? {}
        : {
            reviewer: r.qualification_review.reviewer,
            passed: r.qualification_review.passed,
            note: r.qualification_review.note,
          }
    case "joint_review":
      // Each department's 同意 / 不同意 is chosen as it gave it, never pre-set to 同意.
      return { opinions: r.joint_review?.opinions ?? [{ department: "", note: "" }] }
    case "inspection":
      return r.inspection === undefined
        ? {}
        : { team: r.inspection.team.join("、"), date: r.inspection.date, ...r.inspection.findings }
    case "interview":
      return { scores: r.interview?.scores ?? [{ rater: "", score: undefined }] }
    default:
      return {}
  }
}

/** The record form of the application's current review step. */
export const RecordFields = ({ row, today }: { readonly row: ApplicationRow; readonly today: string }) => {
  const { t } = useTranslation("admin")
  const { required, requiredText } = requiredRules(t)
  switch (row.state) {
    case "qualification_review":
      return (
        <>
          <Form.Item name="reviewer" label={t("campaign.flow.reviewer")} rules={[requiredText("reviewer")]}>
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
          <Form.Item name="passed" label={t("campaign.flow.conclusion")} rules={[required("conclusion")]}>
            <Radio.Group
              options={[
                { value: true, label: t("campaign.flow.passed") },
                { value: false, label: t("campaign.flow.notPassed") },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t("campaign.flow.note")}>
            <Input.TextArea rows={2} count={{ show: true, max: 500 }} />
          </Form.Item>
        </>
      )
    case "joint_review":
      return (
        <Form.List name="opinions">
          {(items, { add, remove }) => (
            <Flex vertical gap={4}>
              {items.map((item, i) => (
                <Flex key={item.key} gap={8} wrap align="start" data-testid={`opinion-${i}`}>
                  <Form.Item
                    name={[item.name, "department"]}
                    label={t("campaign.flow.department")}
                    rules={[requiredText("department")]}
                    style={{ flex: "1 1 120px", marginBottom: 8 }}
                  >
                    <Input count={{ show: true, max: 50 }} />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, "agree"]}
                    label={t("campaign.flow.opinion")}
                    rules={[required("opinion")]}
                    style={{ marginBottom: 8 }}
                  >
                    <Radio.Group
                      options={[
                        { value: true, label: t("campaign.flow.agree") },
                        { value: false, label: t("campaign.flow.disagree") },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, "note"]}
                    label={t("campaign.flow.note")}
                    style={{ flex: "2 1 160px", marginBottom: 8 }}
                  >
                    <Input count={{ show: true, max: 200 }} />
                  </Form.Item>
                  {items.length > 1 ? (
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() => remove(item.name)}
                      style={{ marginTop: 30 }}
                    >
                      {t("campaign.flow.remove")}
                    </Button>
                  ) : null}
                </Flex>
              ))}
              <Button onClick={() => add({ department: "", note: "" })}>
                {t("campaign.flow.addDepartment")}
              </Button>
            </Flex>
          )}
        </Form.List>
      )
    case "inspection":
      return (
        <>
          <Form.Item
            name="team"
            label={t("campaign.flow.team")}
            extra={t("campaign.flow.teamHint")}
            rules={[requiredText("team")]}
          >
            <Input count={{ show: true, max: 200 }} />
          </Form.Item>
          <Form.Item
            name="date"
            label={t("campaign.flow.inspectionDate")}
            rules={[required("date"), notAfter(today, t("campaign.flow.required.notFuture"))]}
          >
            <Input type="date" max={today} />
          </Form.Item>
          {(["politics", "ability", "service", "standing"] as const).map((f) => (
            <Form.Item
              key={f}
              name={f}
              label={t(`campaign.flow.findings.${f}`)}
              rules={[requiredText("inspectionFinding")]}
            >
              <Input.TextArea rows={2} count={{ show: true, max: 1000 }} />
            </Form.Item>
          ))}
        </>
      )
    case "interview":
      return (
        <Form.List name="scores">
          {(items, { add, remove }) => (
            <Flex vertical gap={4}>
              {items.map((item, i) => (
                <Flex key={item.key} gap={8} wrap align="start" data-testid={`score-${i}`}>
                  <Form.Item
                    name={[item.name, "rater"]}
                    label={t("campaign.flow.rater")}
                    rules={[requiredText("rater")]}
                    style={{ flex: "1 1 140px", marginBottom: 8 }}
                  >
                    <Input count={{ show: true, max: 50 }} />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, "score"]}
                    label={t("campaign.flow.score")}
                    rules={[
                      required("score"),
                      // Refused at the field, never clamped: 150 must not become 100 unseen (issue 16).
                      { type: "number", min: 0, max: 100, message: t("campaign.flow.scoreRange") },
                    ]}
                    style={{ marginBottom: 8 }}
                  >
                    <InputNumber step={0.5} />
                  </Form.Item>
                  {items.length > 1 ? (
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() => remove(item.name)}
                      style={{ marginTop: 30 }}
                    >
                      {t("campaign.flow.remove")}
                    </Button>
                  ) : null}
                </Flex>
              ))}
              <Button onClick={() => add({ rater: "", score: undefined })}>
                {t("campaign.flow.addRater")}
              </Button>
            </Flex>
          )}
        </Form.List>
      )
    default:
      return null
  }
}
