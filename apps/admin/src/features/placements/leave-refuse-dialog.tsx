import { Form, type FormInstance, Input, Modal } from "antd"
import { useTranslation } from "react-i18next"
import { required } from "./form-helpers"

/** 不予批准: a refusal is sent with its reason, so the form asks for one. */
export const LeaveRefuseDialog = ({
  open,
  form,
  onCancel,
  onRefuse,
}: {
  readonly open: boolean
  /** Owned by the caller, which resets it before opening. */
  readonly form: FormInstance<{ reason: string }>
  readonly onCancel: () => void
  readonly onRefuse: (reason: string) => void
}) => {
  const { t } = useTranslation("placements")
  return (
    <Modal
      open={open}
      title={t("leave.refuseTitle")}
      okText={t("leave.refuse")}
      cancelText={t("actions.cancel")}
      okButtonProps={{ danger: true }}
      onCancel={onCancel}
      onOk={() => {
        void form.validateFields().then(
          ({ reason }) => onRefuse(reason.trim()),
          () => undefined,
        )
      }}
      destroyOnHidden
    >
      <Form form={form} name="refuseLeave" layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t("leave.refuseReason")}
          rules={required(t("leave.refuseReasonRequired"))}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
