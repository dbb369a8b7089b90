import { Checkbox, Flex, Form, type FormInstance, Input, Modal } from "antd"
import { useTranslation } from "react-i18next"
import { required } from "./form-helpers"
import type { Api } from "./use-command"

export interface LeaveForm {
  readonly from: string
  readonly to: string
  readonly startsAfternoon?: boolean
  readonly endsMorning?: boolean
  readonly reason: string
}

/** The request as leave.request takes it; the half-day marks are sent only when ticked. */
export const leaveRequest = (
  placementId: string,
  v: LeaveForm,
): Parameters<Api["leave"]["request"]["mutate"]>[0] => ({
  placementId,
  from: v.from,
  to: v.to,
  ...(v.startsAfternoon === true ? { startsAfternoon: true } : {}),
  ...(v.endsMorning === true ? { endsMorning: true } : {}),
  reason: v.reason.trim(),
})

/** 登记请假 for the cadre: the dates (with half days) and the reason. */
export const LeaveRequestDialog = ({
  open,
  form,
  onCancel,
  onSubmit,
}: {
  readonly open: boolean
  /** Owned by the caller, which resets it before opening. */
  readonly form: FormInstance<LeaveForm>
  readonly onCancel: () => void
  readonly onSubmit: (values: LeaveForm) => Promise<void>
}) => {
  const { t } = useTranslation("placements")
  return (
    <Modal
      open={open}
      title={t("leave.requestTitle")}
      okText={t("actions.submit")}
      cancelText={t("actions.cancel")}
      onCancel={onCancel}
      onOk={() => {
        void form.validateFields().then(onSubmit, () => undefined)
      }}
      destroyOnHidden
    >
      <Form<LeaveForm> form={form} name="requestLeave" layout="vertical" preserve={false}>
        <Flex wrap gap={12}>
          <Form.Item name="from" label={t("leave.from")} rules={required(t("leave.required"))}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="to" label={t("leave.to")} rules={required(t("leave.required"))}>
            <Input type="date" />
          </Form.Item>
        </Flex>
        <Flex wrap gap={12}>
          <Form.Item name="startsAfternoon" valuePropName="checked">
            <Checkbox>{t("leave.startsAfternoon")}</Checkbox>
          </Form.Item>
          <Form.Item name="endsMorning" valuePropName="checked">
            <Checkbox>{t("leave.endsMorning")}</Checkbox>
          </Form.Item>
        </Flex>
        <Form.Item name="reason" label={t("leave.reason")} rules={required(t("leave.required"))}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
