import { AutoComplete, Button, Card, Flex, Form, Input, Radio, Typography } from "antd"
import { useTranslation } from "react-i18next"
import type { useServerErrors } from "../../api/use-server-errors"
import { POLITICAL_STATUSES, RELATIONS } from "./profile-values"

/** The server's refusals placed at the form's fields (one per page of the profile). */
type Errors = ReturnType<typeof useServerErrors>
/** A required rule with the field's name in its message. */
type Required = (label: string) => { required: boolean; message: string }

/**
 * 学习工作简历: one card per period, at least one (its earliest start is the 报名表's 参加工作时间 when none is given).
 */
export const ResumeList = ({
  errors,
  required,
}: {
  readonly errors: Errors
  readonly required: Required
}) => {
  const { t } = useTranslation("portal")
  return (
    <>
      <Typography.Paragraph type="secondary">{t("profile.resumeHint")}</Typography.Paragraph>
      <Form.List
        name="workHistory"
        rules={[
          {
            validator: async (_r, rows: ReadonlyArray<unknown> | undefined) => {
              if ((rows?.length ?? 0) === 0) throw new Error(t("profile.resumeRequired"))
            },
          },
        ]}
      >
        {(rows, { add, remove }, { errors: listErrors }) => (
          <Flex vertical gap={12}>
            {rows.map((row, i) => (
              <Card
                key={row.key}
                size="small"
                type="inner"
                data-testid={`resume-${i}`}
                title={t("profile.resumeRow", { n: i + 1 })}
                extra={
                  rows.length > 1 ? (
                    <Button type="link" danger onClick={() => remove(row.name)}>
                      {t("profile.resumeRemove")}
                    </Button>
                  ) : null
                }
              >
                <Form.Item
                  name={[row.name, "from"]}
                  label={t("profile.resumeFrom")}
                  rules={[required(t("profile.resumeFrom"))]}
                  {...errors.itemProps(`workHistory.${i}.from`)}
                >
                  <Input type="date" />
                </Form.Item>
                <Form.Item
                  name={[row.name, "to"]}
                  label={t("profile.resumeTo")}
                  extra={t("profile.resumeToHint")}
                  {...errors.itemProps(`workHistory.${i}.to`)}
                >
                  <Input type="date" />
                </Form.Item>
                <Form.Item
                  name={[row.name, "organisation"]}
                  label={t("profile.resumeOrganisation")}
                  rules={[{ ...required(t("profile.resumeOrganisation")), whitespace: true }]}
                  {...errors.itemProps(`workHistory.${i}.organisation`)}
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item
                  name={[row.name, "position"]}
                  label={t("profile.resumePosition")}
                  rules={[{ ...required(t("profile.resumePosition")), whitespace: true }]}
                  {...errors.itemProps(`workHistory.${i}.position`)}
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item
                  name={[row.name, "grassroots"]}
                  label={t("profile.resumeGrassroots")}
                  initialValue={false}
                  {...errors.itemProps(`workHistory.${i}.grassroots`)}
                >
                  <Radio.Group
                    options={[
                      { value: true, label: t("profile.yes") },
                      { value: false, label: t("profile.no") },
                    ]}
                  />
                </Form.Item>
              </Card>
            ))}
            <Button
              onClick={() => add({ from: "", organisation: "", position: "", grassroots: false })}
              block
              data-testid="resume-add"
            >
              {t("profile.resumeAdd")}
            </Button>
            <Form.ErrorList errors={listErrors} />
            {errors.itemProps("workHistory").help === undefined ? null : (
              <Typography.Text type="danger">{errors.itemProps("workHistory").help}</Typography.Text>
            )}
          </Flex>
        )}
      </Form.List>
    </>
  )
}

/**
 * 家庭主要成员及重要社会关系 (seed 000 附件): one card per person, none required (the printed box then has blank
 * rows to fill by hand), at most 15 (the kernel's limit, also checked by the server).
 */
export const FamilyList = ({ errors }: { readonly errors: Errors }) => {
  const { t } = useTranslation("portal")
  const need = (label: string) => ({
    required: true,
    whitespace: true,
    message: t("profile.required", { field: label }),
  })
  return (
    <>
      <Typography.Paragraph type="secondary">{t("profile.familyHint")}</Typography.Paragraph>
      <Form.List name="family">
        {(rows, { add, remove }) => (
          <Flex vertical gap={12}>
            {rows.map((row, i) => (
              <Card
                key={row.key}
                size="small"
                type="inner"
                data-testid={`family-${i}`}
                title={t("profile.familyRow", { n: i + 1 })}
                extra={
                  <Button type="link" danger onClick={() => remove(row.name)}>
                    {t("profile.resumeRemove")}
                  </Button>
                }
              >
                <Form.Item
                  name={[row.name, "relation"]}
                  label={t("profile.familyRelation")}
                  rules={[need(t("profile.familyRelation"))]}
                  {...errors.itemProps(`family.${i}.relation`)}
                >
                  <AutoComplete options={RELATIONS.map((value) => ({ value }))} maxLength={10} />
                </Form.Item>
                <Form.Item
                  name={[row.name, "name"]}
                  label={t("profile.familyName")}
                  rules={[need(t("profile.familyName"))]}
                  {...errors.itemProps(`family.${i}.name`)}
                >
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item
                  name={[row.name, "birthDate"]}
                  label={t("profile.familyBirthDate")}
                  {...errors.itemProps(`family.${i}.birthDate`)}
                >
                  <Input type="date" />
                </Form.Item>
                <Form.Item
                  name={[row.name, "politicalStatus"]}
                  label={t("profile.familyPolitical")}
                  {...errors.itemProps(`family.${i}.politicalStatus`)}
                >
                  <AutoComplete options={POLITICAL_STATUSES.map((value) => ({ value }))} maxLength={20} />
                </Form.Item>
                <Form.Item
                  name={[row.name, "workUnitAndPost"]}
                  label={t("profile.familyWork")}
                  {...errors.itemProps(`family.${i}.workUnitAndPost`)}
                >
                  <Input maxLength={100} />
                </Form.Item>
              </Card>
            ))}
            {rows.length >= 15 ? null : (
              <Button onClick={() => add({ relation: "", name: "" })} block data-testid="family-add">
                {t("profile.familyAdd")}
              </Button>
            )}
            {errors.itemProps("family").help === undefined ? null : (
              <Typography.Text type="danger">{errors.itemProps("family").help}</Typography.Text>
            )}
          </Flex>
        )}
      </Form.List>
    </>
  )
}
