/** The pieces a scheme is shown with: citations, parameters (or the document's silence), and the rows they sit in. */
import { useLanguage } from "@cadre/ui"
import { Flex, Tag, Typography } from "antd"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { type Citation, code, type Lang, type Param, type Tr } from "./scheme-words"

/** The schemes namespace's `t`, and the language both as the API's text key and as a locale. */
export const useWords = (): { readonly t: Tr; readonly lang: Lang; readonly language: "zh-CN" | "en" } => {
  const { t } = useTranslation("schemes")
  const language = useLanguage()
  return { t: t as Tr, lang: language === "en" ? "en" : "zh", language }
}

/** "依据：000 一（一）5 “quoted text”": where a provision comes from, with the document's words when given. */
export const CitationLine = ({
  citation,
  title,
}: {
  readonly citation: Citation
  readonly title?: string | undefined
}) => {
  const { t } = useWords()
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="citation">
      <span title={title}>{t("citation", { document: citation.document, clause: citation.clause })}</span>
      {citation.quote === undefined || citation.quote === "" ? null : <> “{citation.quote}”</>}
    </Typography.Text>
  )
}

/** A parameter: its value in words with clause, qualifier and note; or "文件未规定" with the document's silence. */
export const ParamView = <A,>({
  param,
  render,
}: {
  readonly param: Param<A> | undefined
  readonly render: (value: A) => ReactNode
}) => {
  const { t, lang } = useWords()
  if (param === undefined || param._tag === "Unspecified")
    return (
      <Flex wrap gap={4} align="baseline" data-testid="unspecified">
        <Tag>{t("unspecified")}</Tag>
        {param === undefined ? null : <Typography.Text type="secondary">{param.note[lang]}</Typography.Text>}
      </Flex>
    )
  return (
    <Flex vertical gap={2}>
      <div>
        {param.qualifier === undefined ? null : <Tag color="gold">{t(`qualifier.${param.qualifier}`)}</Tag>}
        {render(param.value)}
      </div>
      {param.note === undefined ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {param.note[lang]}
        </Typography.Text>
      )}
      <CitationLine citation={param.citation} />
    </Flex>
  )
}

/** One row of a card, ruled off from the next. */
export const Item = ({ children, testId }: { readonly children: ReactNode; readonly testId?: string }) => (
  <div style={{ borderBottom: "1px solid #f0f0f0", padding: "8px 0", minWidth: 0 }} data-testid={testId}>
    {children}
  </div>
)

/** A row with a bold label above its content. */
export const Labelled = ({ label, children }: { readonly label: string; readonly children: ReactNode }) => (
  <Item>
    <Typography.Text strong>{label}</Typography.Text>
    <div style={{ marginTop: 4 }}>{children}</div>
  </Item>
)

/** "无": a list the scheme leaves empty. */
export const NoneListed = () => {
  const { t } = useWords()
  return <Typography.Text type="secondary">{t("noneListed")}</Typography.Text>
}

/** An actor code in the user's language. */
export const actor = (t: Tr, a: string) => code(t, "actors", a)
