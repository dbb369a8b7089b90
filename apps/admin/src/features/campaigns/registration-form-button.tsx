import { ProblemAlert, problemOf, useApi } from "@cadre/ui"
import { App as AntdApp, Button, Flex } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { saveFile } from "./download"

/**
 * 下载报名表 (000 附件: the form printed on both sides of one A4 sheet, exports.registrationForm): the applicant's
 * form as a PDF from the record. Offered once the application has been screened (the form carries the verdict);
 * the server checks again, and masks the ID number unless the caller may print it whole.
 */
export const RegistrationFormButton = ({ applicationId }: { readonly applicationId: string }) => {
  const { t } = useTranslation("admin")
  const api = useApi()
  const { message } = AntdApp.useApp()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<ReturnType<typeof problemOf> | null>(null)
  return (
    <Flex vertical gap={8} align="start">
      <Button
        size="small"
        loading={busy}
        data-testid="registration-form"
        onClick={() => {
          setBusy(true)
          setProblem(null)
          api.exports.registrationForm
            .mutate({ applicationId })
            .then((file) => {
              saveFile(file)
              void message.success(t("campaign.exported", { filename: file.filename }))
            })
            .catch((error: unknown) => setProblem(problemOf(error)))
            .finally(() => setBusy(false))
        }}
      >
        {t("campaign.registrationForm")}
      </Button>
      <ProblemAlert problem={problem} testId="registration-form-error" />
    </Flex>
  )
}
