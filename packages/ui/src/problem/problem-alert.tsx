import { Alert, Button, Typography } from "antd"
import { type CSSProperties, useCallback } from "react"
import { useTranslation } from "react-i18next"
import { toLanguage } from "../i18n/languages.js"
import { useLanguage } from "../i18n/use-language.js"
import { type Bilingual, isInternal, isStale, type Problem, pick, problemText } from "./problem.js"

/** An issue listed in the alert: one the form could not show at a field of its own. */
export interface ProblemAlertIssue {
  /** Already in the language on screen, or both languages (then it follows the switch). */
  readonly message: string | Bilingual
  /** Where it is, in words ("位置：…" under the message); omitted: the message alone. */
  readonly where?: string | undefined
}

/** Props of {@link ProblemAlert}. */
export interface ProblemAlertProps {
  /** Nothing is shown without one. */
  readonly problem: Problem | null | undefined
  /** `data-testid` of the alert; "problem" by default. */
  readonly testId?: string | undefined
  /** Makes the alert closable. */
  readonly onClose?: (() => void) | undefined
  /** For a stale version: a 刷新 / Reload button, which closes the alert (if closable) and calls this. */
  readonly onReload?: (() => void) | undefined
  /** Issues to list under the message (those not placed at a field of the form). */
  readonly issues?: ReadonlyArray<ProblemAlertIssue> | undefined
  /**
   * When to show the request id: "internal" (default) only for a defect on the server (a 500), where people need
   * it to report the problem; "always" for every refusal that has one.
   */
  readonly requestId?: "internal" | "always" | undefined
  /** Replaces the problem's text: for a check made on this side (a body that is not JSON), in the caller's words. */
  readonly title?: string | undefined
  readonly style?: CSSProperties | undefined
}

/**
 * A failed call, explained: the server's words in the language on screen (they follow the switch), or the plain
 * texts for a stale version and an unreachable service; the issues it lists, the request id of a defect, and a
 * reload button for a stale version when the caller offers one.
 */
export const ProblemAlert = ({
  problem,
  testId = "problem",
  onClose,
  onReload,
  issues = [],
  requestId = "internal",
  title,
  style,
}: ProblemAlertProps) => {
  const { t, i18n } = useTranslation("common")
  if (problem === null || problem === undefined) return null
  const language = toLanguage(i18n.language)
  const id =
    problem.kind === "api" && problem.requestId !== null && (requestId === "always" || isInternal(problem))
      ? t("problem.requestId", { id: problem.requestId })
      : undefined
  const description =
    issues.length === 0 ? (
      id
    ) : (
      <div style={{ minWidth: 0, overflowWrap: "anywhere" }}>
        <ul style={{ paddingInlineStart: 18, margin: 0 }}>
          {issues.map((issue, index) => {
            const message = typeof issue.message === "string" ? issue.message : pick(issue.message, language)
            return (
              // The list is replaced whole, never reordered: the position is a stable key.
              <li key={index} data-testid="issue">
                <div>{message}</div>
                {issue.where === undefined ? null : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("problem.issueAt", { where: issue.where })}
                  </Typography.Text>
                )}
              </li>
            )
          })}
        </ul>
        {id === undefined ? null : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {id}
          </Typography.Text>
        )}
      </div>
    )
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      {...(style === undefined ? {} : { style })}
      {...(onClose === undefined ? {} : { closable: { onClose } })}
      title={
        <span style={{ whiteSpace: "normal", wordBreak: "break-word" }}>
          {title ?? problemText(problem, language)}
        </span>
      }
      {...(description === undefined ? {} : { description })}
      {...(isStale(problem) && onReload !== undefined
        ? {
            action: (
              <Button
                size="small"
                onClick={() => {
                  onClose?.()
                  onReload()
                }}
              >
                {t("problem.reload")}
              </Button>
            ),
          }
        : {})}
    />
  )
}

/** `problemText` in the language on screen, for places that show the text alone (a failed load, a hint). */
export const useProblemText = (): ((problem: Problem) => string) => {
  const language = useLanguage()
  return useCallback((problem: Problem) => problemText(problem, language), [language])
}
