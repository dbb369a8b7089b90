import { type Bilingual, type FieldOf, fieldIssues, type Problem, pick, problemOf } from "@cadre/ui"
import type { FormItemProps } from "antd"
import { useCallback, useState } from "react"
import { useTranslation } from "react-i18next"

/**
 * A form's server-side errors: issues the server tied to a field appear under that field, the rest (and the
 * general message) above the form. Both languages are kept, so switching language translates them too.
 * `byTag` puts errors whose whole meaning is one field (a weak password, a taken e-mail) under that field.
 */
export const useServerErrors = (fieldOf: FieldOf, byTag: Readonly<Record<string, string>> = {}) => {
  const { i18n } = useTranslation()
  const language = i18n.language === "en" ? "en" : "zh"
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [fields, setFields] = useState<Readonly<Record<string, Bilingual>>>({})

  /** Shows an error; answers the form fields it names (in the order the server gave them). */
  const report = useCallback(
    (error: unknown): ReadonlyArray<string> => {
      const p = problemOf(error)
      if (p.kind !== "api") {
        setProblem(p)
        setFields({})
        return []
      }
      const next: Record<string, Bilingual> = {}
      for (const issue of fieldIssues(p, fieldOf)) next[issue.field] ??= issue.message
      const tagged = byTag[p.tag]
      if (tagged !== undefined && p.issues.length === 0) next[tagged] = p.message
      setFields(next)
      // The summary stays: it names every problem, including those not tied to a field of this form.
      setProblem(p)
      return Object.keys(next)
    },
    [fieldOf, byTag],
  )

  const clear = useCallback(() => {
    setProblem(undefined)
    setFields({})
  }, [])

  /** Forget a field's server error once the user edits it. */
  const touched = useCallback((changed: Readonly<Record<string, unknown>>) => {
    setFields((current) => {
      const keys = Object.keys(changed).filter((k) => k in current)
      if (keys.length === 0) return current
      const next = { ...current }
      for (const k of keys) delete next[k]
      return next
    })
  }, [])

  /** Props for a Form.Item showing its server error, if any. */
  const itemProps = (field: string): Pick<FormItemProps, "validateStatus" | "help"> => {
    const message = fields[field]
    return message === undefined ? {} : { validateStatus: "error", help: pick(message, language) }
  }

  return { problem, report, clear, touched, itemProps, fields }
}
