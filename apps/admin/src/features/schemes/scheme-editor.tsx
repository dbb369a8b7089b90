import {
  langOf,
  type Problem,
  ProblemAlert,
  type ProblemAlertIssue,
  problemOf,
  useApi,
  useLanguage,
} from "@cadre/ui"
import { App as AntdApp, Button, Form, Input, InputNumber, Tabs, Typography } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import {
  applyCommonParams,
  type CommonParams,
  code,
  commonParams,
  issueRows,
  type SchemeBody,
  type SchemeRecord,
  type Tr,
} from "./scheme-words"

/**
 * What the server said about a refused save, for `ProblemAlert`: its explanation and, for a bad scheme, each
 * field it names, located in words ("年龄上限（eligibility.rules[8].max）"). `title` replaces the text for a
 * check made here (a body that is not JSON).
 */
export interface Refusal {
  readonly problem: Problem
  readonly issues: ReadonlyArray<ProblemAlertIssue>
  readonly title?: string
}

/** Space under a refusal, above the form it refuses. */
export const refusalStyle = { marginBottom: 12 } as const

/** Turns an error of a scheme mutation into what the user sees, with issues located in `scheme`. */
export const useRefusal = () => {
  const { t } = useTranslation("schemes")
  const lang = langOf(useLanguage())
  return (error: unknown, scheme: unknown): Refusal => {
    const problem = problemOf(error)
    const rows = issueRows(problem.kind === "api" ? problem.issues : [], scheme, t as Tr, lang)
    return {
      problem,
      issues: rows.map((i) => ({
        message: i.message,
        where: i.where === "" ? i.path : `${i.where}（${i.path}）`,
      })),
    }
  }
}

/** Form values as antd keeps them (an emptied number is null). */
type FormValues = {
  readonly effectiveFrom: string
  readonly ages: ReadonlyArray<{ readonly min: number | null; readonly max: number | null }>
  readonly party: ReadonlyArray<{ readonly minYears: number | null }>
  readonly leave: ReadonlyArray<{ readonly upToDays: number | null }>
}

/**
 * Editing a draft: a small form for the parameters changed most (age bounds, Party standing, effective date,
 * leave tier days) and the whole body as JSON. Either is sent with the row version read; the server decodes the
 * scheme and names every field it refuses.
 */
export const DraftEditor = ({
  record,
  onSaved,
  onReload,
}: {
  readonly record: SchemeRecord
  readonly onSaved: () => void
  readonly onReload: () => void
}) => {
  const { t } = useTranslation("schemes")
  const tr = t as Tr
  const api = useApi()
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const { message } = AntdApp.useApp()
  const refusalOf = useRefusal()
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const [busy, setBusy] = useState(false)
  const [json, setJson] = useState(() => JSON.stringify(record.scheme, null, 2))
  const params = commonParams(record.scheme)

  const save = async (scheme: SchemeBody) => {
    setBusy(true)
    setRefusal(null)
    try {
      await api.schemes.updateDraft.mutate({
        schemeId: record.scheme.id,
        version: record.scheme.version,
        expectedRowVersion: record.rowVersion,
        // The server decodes it; the client sends what the user wrote, however wrong.
        scheme: scheme as unknown as Parameters<typeof api.schemes.updateDraft.mutate>[0]["scheme"],
      })
      void message.success(t("edit.saved"))
      onSaved()
    } catch (error) {
      setRefusal(refusalOf(error, scheme))
    } finally {
      setBusy(false)
    }
  }

  const saveForm = (v: FormValues) => {
    const next: CommonParams = {
      effectiveFrom: v.effectiveFrom.trim(),
      ages: params.ages.map((a, i) => ({ ...a, min: v.ages[i]?.min ?? null, max: v.ages[i]?.max ?? null })),
      party: params.party.map((p, i) => ({ ...p, minYears: v.party[i]?.minYears ?? p.minYears })),
      leave: params.leave.map((l, i) => ({ ...l, upToDays: v.leave[i]?.upToDays ?? null })),
    }
    void save(applyCommonParams(record.scheme, next))
  }

  const saveJson = () => {
    let parsed: unknown
    try {
      parsed = JSON.parse(json)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      setRefusal({
        problem: { kind: "unknown", message },
        issues: [],
        title: t("edit.jsonInvalid", { message }),
      })
      return
    }
    void save(parsed as SchemeBody)
  }

  const initialValues: FormValues = {
    effectiveFrom: params.effectiveFrom,
    ages: params.ages.map((a) => ({ min: a.min, max: a.max })),
    party: params.party.map((p) => ({ minYears: p.minYears })),
    leave: params.leave.map((l) => ({ upToDays: l.upToDays })),
  }

  const form = (
    <Form<FormValues>
      layout="vertical"
      initialValues={initialValues}
      onFinish={saveForm}
      style={{ maxWidth: 560 }}
      data-testid="common-form"
    >
      <Form.Item name="effectiveFrom" label={t("edit.effectiveFrom")}>
        <Input placeholder="YYYY-MM-DD" style={{ maxWidth: 200 }} />
      </Form.Item>
      {params.ages.map((a, i) => (
        <div key={a.id}>
          <Typography.Text strong>{t("edit.ageRule", { label: a.label[lang] })}</Typography.Text>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 16, marginTop: 8 }}>
            <Form.Item name={["ages", i, "min"]} label={t("edit.ageMin")}>
              <InputNumber precision={0} />
            </Form.Item>
            <Form.Item name={["ages", i, "max"]} label={t("edit.ageMax")}>
              <InputNumber precision={0} />
            </Form.Item>
          </div>
        </div>
      ))}
      {params.party.map((p, i) => (
        <Form.Item
          key={p.id}
          name={["party", i, "minYears"]}
          label={t("edit.partyYears", { label: p.label[lang] })}
        >
          <InputNumber precision={0} />
        </Form.Item>
      ))}
      {params.leave.map((l, i) => (
        <Form.Item
          key={i}
          name={["leave", i, "upToDays"]}
          label={t("edit.leaveTier", { n: i + 1, approver: code(tr, "actors", l.approver) })}
        >
          <InputNumber precision={0} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={busy} autoInsertSpace={false}>
        {t("edit.save")}
      </Button>
    </Form>
  )

  const jsonEditor = (
    <div>
      <Typography.Paragraph type="secondary">{t("edit.jsonHelp")}</Typography.Paragraph>
      <Input.TextArea
        aria-label={t("edit.json")}
        value={json}
        onChange={(e) => setJson(e.target.value)}
        autoSize={{ minRows: 12, maxRows: 30 }}
        spellCheck={false}
        style={{ fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", fontSize: 12 }}
      />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        loading={busy}
        onClick={saveJson}
        autoInsertSpace={false}
      >
        {t("edit.save")}
      </Button>
    </div>
  )

  return (
    <div data-testid="draft-editor">
      {refusal === null ? null : (
        <ProblemAlert {...refusal} onReload={onReload} testId="save-error" style={refusalStyle} />
      )}
      <Tabs
        items={[
          { key: "common", label: t("edit.common"), children: form },
          { key: "json", label: t("edit.json"), children: jsonEditor },
        ]}
      />
    </div>
  )
}
