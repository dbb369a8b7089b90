import { formatDate } from "@cadre/ui"
import { Card, Flex, Tag, Typography } from "antd"
import { CitationLine, Item, NoneListed, ParamView, useWords } from "./scheme-view-parts"
import { preferenceWords, ruleWords, type SchemeBody } from "./scheme-words"

/** 人选条件 and 不宜/不得 情形: each rule's label, its meaning from the parameters, waivable or not, its clause. */
const Rules = ({
  rules,
  sourceTitle,
}: {
  readonly rules: ReadonlyArray<SchemeBody["eligibility"]["rules"][number]>
  readonly sourceTitle: (document: string) => string | undefined
}) => {
  const { t, lang } = useWords()
  if (rules.length === 0) return <NoneListed />
  return (
    <div>
      {rules.map((r) => (
        <Item key={r.id} testId={`rule-${r.id}`}>
          <Flex wrap gap={8} justify="space-between" align="baseline">
            <Typography.Text strong style={{ minWidth: 0 }}>
              {r.label[lang]}
            </Typography.Text>
            {r.waivable ? (
              <Tag color="gold" data-testid="waivable">
                {t("waivable")}
              </Tag>
            ) : (
              <Tag>{t("notWaivable")}</Tag>
            )}
          </Flex>
          <div data-testid="meaning">{ruleWords(r, t, lang)}</div>
          <CitationLine citation={r.citation} title={sourceTitle(r.citation.document)} />
        </Item>
      ))}
    </div>
  )
}

/** Who may apply: the rules, the exclusions, 优先条件, and 年龄、党龄计算基准日 (the date ages are counted to). */
export const EligibilityView = ({ scheme: s }: { readonly scheme: SchemeBody }) => {
  const { t, lang, language } = useWords()
  const sourceTitle = (id: string) => s.sources.find((d) => d.id === id)?.title[lang]
  const stageLabel = (id: string) => s.stages.find((x) => x.id === id)?.label[lang] ?? id
  return (
    <>
      <Card size="small" title={t("sections.rules")} data-testid="rules">
        <Rules rules={s.eligibility.rules} sourceTitle={sourceTitle} />
      </Card>
      <Card size="small" title={t("sections.exclusions")} data-testid="exclusions">
        <Rules rules={s.eligibility.exclusions} sourceTitle={sourceTitle} />
      </Card>
      <Card size="small" title={t("sections.preferences")} data-testid="preferences">
        {s.eligibility.preferences.length === 0 ? (
          <NoneListed />
        ) : (
          s.eligibility.preferences.map((p) => (
            <Item key={p.id} testId={`preference-${p.id}`}>
              <Flex wrap gap={8} justify="space-between" align="baseline">
                <Typography.Text strong style={{ minWidth: 0 }}>
                  {p.label[lang]}
                </Typography.Text>
                <Tag color="blue">{t("weight", { weight: p.weight })}</Tag>
              </Flex>
              <div>{preferenceWords(p, t)}</div>
              <CitationLine citation={p.citation} title={sourceTitle(p.citation.document)} />
            </Item>
          ))
        )}
      </Card>
      <Card size="small" title={t("sections.referenceDate")} data-testid="reference-date">
        <ParamView
          param={s.eligibility.referenceDate}
          render={(r) =>
            r._tag === "StageDeadline"
              ? t("referenceDate.StageDeadline", { stage: stageLabel(r.stageId) })
              : r._tag === "FixedDate"
                ? formatDate(r.date, language)
                : t("referenceDate.SetByCampaign")
          }
        />
      </Card>
    </>
  )
}
