import { Card, Flex, Tag, Typography } from "antd"
import { actor, CitationLine, Labelled, NoneListed, ParamView, useWords } from "./scheme-view-parts"
import { type Cadence, cadenceWords, code, type Param, ratioWords, type SchemeBody } from "./scheme-words"

/** 考核: the grades, the cycles with who gives the first opinion and who decides, the quotas, and what else is stated. */
export const AssessmentView = ({ scheme: s }: { readonly scheme: SchemeBody }) => {
  const { t, lang } = useWords()
  const cadence = (c: Cadence) => cadenceWords(c, t, lang)
  const a = s.assessment
  const extras = (
    [
      "scoring",
      "survey",
      "reportBack",
      "starRating",
      "fourEvaluations",
      "secretaryTypes",
      "incentives",
    ] as const
  ).filter((k) => a[k] !== undefined)
  return (
    <Card size="small" title={t("sections.assessment")} data-testid="assessment">
      <Labelled label={t("assessment.grades")}>
        <ParamView
          param={a.grades}
          render={(gs) => gs.map((g) => g.label[lang]).join(t("rule.listSeparator"))}
        />
      </Labelled>
      <Labelled label={t("assessment.cycles")}>
        {a.cycles.length === 0 ? (
          <NoneListed />
        ) : (
          a.cycles.map((c) => (
            <div key={c.id} style={{ marginBottom: 6 }}>
              <div>{t("assessment.cycle", { label: c.label[lang], cadence: cadence(c.cadence) })}</div>
              <Typography.Text type="secondary">
                {[
                  c.firstOpinionBy === undefined
                    ? undefined
                    : t("assessment.firstOpinion", { actor: actor(t, c.firstOpinionBy) }),
                  c.decidedBy === undefined
                    ? undefined
                    : t("assessment.decidedBy", { actor: actor(t, c.decidedBy) }),
                  c.reportTo === undefined
                    ? undefined
                    : t("assessment.reportTo", { actor: actor(t, c.reportTo) }),
                ]
                  .filter((x) => x !== undefined)
                  .join(t("rule.separator"))}
              </Typography.Text>
              <div>
                <CitationLine citation={c.citation} />
              </div>
            </div>
          ))
        )}
      </Labelled>
      <Labelled label={t("assessment.quotas")}>
        <ParamView
          param={a.quotas}
          render={(qs) =>
            qs.length === 0 ? (
              <NoneListed />
            ) : (
              <Flex vertical gap={4} component="span">
                {qs.map((q) => (
                  <span key={q.id}>
                    {t(q.bound === "cap" ? "assessment.quotaCap" : "assessment.quotaFloor", {
                      grade: code(t, "grades", q.grade),
                      share: ratioWords(q.share),
                      among: q.countedAmong[lang],
                    })}{" "}
                    <CitationLine citation={q.citation} />
                  </span>
                ))}
              </Flex>
            )
          }
        />
      </Labelled>
      {extras.length === 0 ? null : (
        <Labelled label={t("assessment.extras")}>
          <Flex vertical gap={4}>
            {extras.map((k) => {
              const p = a[k]
              return (
                <div key={k}>
                  <Typography.Text type="secondary">{t(`assessment.extra.${k}`)}：</Typography.Text>
                  {p?._tag === "Cited" ? (
                    <>
                      <Tag color="blue">{t("assessment.stated")}</Tag>
                      <CitationLine citation={p.citation} />
                    </>
                  ) : (
                    <ParamView param={p as Param<unknown> | undefined} render={() => null} />
                  )}
                </div>
              )
            })}
          </Flex>
        </Labelled>
      )}
    </Card>
  )
}
