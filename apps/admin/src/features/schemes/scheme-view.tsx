import { formatDate, useLanguage } from "@cadre/ui"
import { Card, Flex, Tag, Typography } from "antd"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import {
  type Cadence,
  type Citation,
  cadenceWords,
  code,
  deadlineWords,
  durationWords,
  type Lang,
  type Param,
  preferenceWords,
  ratioWords,
  ruleWords,
  type SchemeBody,
  type Tr,
} from "./scheme-words"

const useWords = (): { readonly t: Tr; readonly lang: Lang; readonly language: "zh-CN" | "en" } => {
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

const Item = ({ children, testId }: { readonly children: ReactNode; readonly testId?: string }) => (
  <div style={{ borderBottom: "1px solid #f0f0f0", padding: "8px 0", minWidth: 0 }} data-testid={testId}>
    {children}
  </div>
)

const Labelled = ({ label, children }: { readonly label: string; readonly children: ReactNode }) => (
  <Item>
    <Typography.Text strong>{label}</Typography.Text>
    <div style={{ marginTop: 4 }}>{children}</div>
  </Item>
)

const Empty = () => {
  const { t } = useWords()
  return <Typography.Text type="secondary">{t("noneListed")}</Typography.Text>
}

/** 人选条件 and 不宜/不得 情形: each rule's label, its meaning from the parameters, waivable or not, its clause. */
const Rules = ({
  rules,
  sourceTitle,
}: {
  readonly rules: ReadonlyArray<SchemeBody["eligibility"]["rules"][number]>
  readonly sourceTitle: (document: string) => string | undefined
}) => {
  const { t, lang } = useWords()
  if (rules.length === 0) return <Empty />
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

const actor = (t: Tr, a: string) => code(t, "actors", a)

/** A scheme version in words, part by part, as a district administrator reads it. */
export const SchemeView = ({ scheme: s }: { readonly scheme: SchemeBody }) => {
  const { t, lang, language } = useWords()
  const sourceTitle = (id: string) => s.sources.find((d) => d.id === id)?.title[lang]
  const stageLabel = (id: string) => s.stages.find((x) => x.id === id)?.label[lang] ?? id
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
    <Flex vertical gap={16}>
      <Card size="small" title={t("page.sources")}>
        {s.sources.map((d) => (
          <Item key={d.id}>
            <Typography.Text strong>
              {d.id} {d.title[lang]}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {[d.issuer, d.number, d.issuedOn === undefined ? undefined : formatDate(d.issuedOn, language)]
                  .filter((x) => x !== undefined && x !== "")
                  .join(" · ")}
              </Typography.Text>
            </div>
          </Item>
        ))}
      </Card>

      <Card size="small" title={t("sections.rules")} data-testid="rules">
        <Rules rules={s.eligibility.rules} sourceTitle={sourceTitle} />
      </Card>
      <Card size="small" title={t("sections.exclusions")} data-testid="exclusions">
        <Rules rules={s.eligibility.exclusions} sourceTitle={sourceTitle} />
      </Card>
      <Card size="small" title={t("sections.preferences")} data-testid="preferences">
        {s.eligibility.preferences.length === 0 ? (
          <Empty />
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

      <Card size="small" title={t("sections.term")} data-testid="term">
        <Labelled label={t("term.length")}>
          <ParamView param={s.term.length} render={(d) => durationWords(d, t)} />
        </Labelled>
        <Labelled label={t("term.afterTerm")}>
          <ParamView param={s.term.afterTerm} render={(x) => x[lang]} />
        </Labelled>
        <Labelled label={t("term.probation")}>
          <ParamView
            param={s.term.probation}
            render={(p) => (
              <Flex vertical gap={4}>
                <span>{t("term.probationAs", { role: p.asRole[lang] })}</span>
                <div>
                  <Typography.Text type="secondary">{t("term.probationLength")}：</Typography.Text>
                  <ParamView param={p.length} render={(d) => durationWords(d, t)} />
                </div>
                <span>
                  <Typography.Text type="secondary">{t("term.confirmation")}：</Typography.Text>
                  {p.confirmation[lang]}
                </span>
                {p.otherwise.length === 0 ? null : (
                  <span>
                    {p.otherwise.map((o) => t(`term.otherwise.${o}`)).join(t("rule.listSeparator"))}
                  </span>
                )}
              </Flex>
            )}
          />
        </Labelled>
      </Card>

      <Card size="small" title={t("sections.channels")} data-testid="channels">
        <ParamView
          param={s.channels}
          render={(cs) => (
            <Flex wrap gap={4} component="span">
              {cs.map((c) => (
                <Tag key={c} color="blue">
                  {code(t, "channels", c)}
                </Tag>
              ))}
            </Flex>
          )}
        />
      </Card>

      <Card size="small" title={t("sections.stages")} data-testid="stages">
        {s.stages.length === 0 ? (
          <Empty />
        ) : (
          s.stages.map((st, i) => (
            <Item key={st.id} testId={`stage-${st.id}`}>
              <Typography.Text strong>
                {i + 1}. {st.label[lang]}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary">{t("stage.actor")}：</Typography.Text>
                {actor(t, st.actor)}
                {st.shortlistRatio === undefined || st.shortlistRatio._tag === "Unspecified"
                  ? null
                  : ` · ${t("shortlist", st.shortlistRatio.value)}`}
              </div>
              <Flex gap={4} wrap align="baseline">
                <Typography.Text type="secondary">{t("stage.deadline")}：</Typography.Text>
                <div style={{ minWidth: 0, flex: "1 1 200px" }}>
                  <ParamView param={st.deadline} render={(d) => deadlineWords(d, t, stageLabel)} />
                </div>
              </Flex>
              <CitationLine citation={st.citation} />
            </Item>
          ))
        )}
      </Card>

      <Card size="small" title={t("sections.reports")} data-testid="reports">
        {s.reports.length === 0 ? (
          <Empty />
        ) : (
          s.reports.map((r) => (
            <Item key={r.id} testId={`report-${r.id}`}>
              <div>
                {actor(t, r.from)} → {actor(t, r.to)}：{r.subject[lang]}
              </div>
              <ParamView param={r.cadence} render={(c) => cadence(c)} />
            </Item>
          ))
        )}
      </Card>

      <Card size="small" title={t("sections.leave")} data-testid="leave">
        <ParamView
          param={s.leave}
          render={(tiers) => (
            <Flex vertical gap={2} component="span">
              {tiers.map((tier, i) => (
                <span key={i}>
                  {tier.upToDays === undefined
                    ? t("leaveTierLonger", { approver: actor(t, tier.approver) })
                    : t("leaveTier", { days: tier.upToDays, approver: actor(t, tier.approver) })}
                  {tier.fileWith === undefined ? "" : t("leaveFile", { actor: actor(t, tier.fileWith) })}
                </span>
              ))}
            </Flex>
          )}
        />
      </Card>

      <Card size="small" title={t("sections.inPost")} data-testid="in-post">
        <Labelled label={t("inPost.relations")}>
          <ParamView
            param={s.relations}
            render={(r) =>
              (["party", "administrative", "pay"] as const)
                .filter((k) => r[k] !== undefined)
                .map((k) =>
                  t("inPost.relation", {
                    which: code(t, "relations", k),
                    rule: code(t, "relationRules", r[k] ?? ""),
                  }),
                )
                .join(t("rule.separator"))
            }
          />
        </Labelled>
        <Labelled label={t("inPost.mentor")}>
          <ParamView
            param={s.mentorCapacity}
            render={(m) =>
              m.min === undefined
                ? t("inPost.mentorMax", { max: m.max })
                : t("inPost.mentorRange", { min: m.min, max: m.max })
            }
          />
        </Labelled>
        <Labelled label={t("inPost.training")}>
          <ParamView
            param={s.training}
            render={(ts) =>
              ts
                .map((x) =>
                  t("inPost.trainingItem", {
                    label: x.label[lang],
                    per: code(t, "per", x.per),
                    count: x.atLeast,
                    kind: code(t, "trainingKinds", x.kind),
                  }),
                )
                .join(t("rule.separator"))
            }
          />
        </Labelled>
      </Card>

      <Card size="small" title={t("sections.assessment")} data-testid="assessment">
        <Labelled label={t("assessment.grades")}>
          <ParamView
            param={a.grades}
            render={(gs) => gs.map((g) => g.label[lang]).join(t("rule.listSeparator"))}
          />
        </Labelled>
        <Labelled label={t("assessment.cycles")}>
          {a.cycles.length === 0 ? (
            <Empty />
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
                <Empty />
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

      <Card size="small" title={t("sections.recall")} data-testid="recall">
        <Labelled label={t("recall.triggers")}>
          {s.recall.triggers.length === 0 ? (
            <Empty />
          ) : (
            s.recall.triggers.map((r) => (
              <div key={r.id} style={{ marginBottom: 6 }}>
                <div>
                  {t("recall.trigger", { label: r.label[lang], action: t(`recall.actions.${r.action}`) })}
                  {r.decidedBy === undefined ? "" : t("recall.decidedBy", { actor: actor(t, r.decidedBy) })}
                </div>
                <CitationLine citation={r.citation} />
              </div>
            ))
          )}
        </Labelled>
        <Labelled label={t("recall.consequences")}>
          <ParamView
            param={s.recall.consequences}
            render={(cs) =>
              cs.length === 0 ? (
                <Empty />
              ) : (
                <Flex vertical gap={4} component="span">
                  {cs.map((c) => (
                    <span key={c.id}>
                      {c.label[lang]} <CitationLine citation={c.citation} />
                    </span>
                  ))}
                </Flex>
              )
            }
          />
        </Labelled>
      </Card>

      <Card size="small" title={t("sections.pool")} data-testid="pool">
        <ParamView
          param={s.pool}
          render={(p) => (
            <Flex vertical gap={4} component="span">
              <ParamView param={p.minPerCommunity} render={(n) => t("pool.minPerCommunity", { count: n })} />
              <ParamView
                param={p.roles}
                render={(rs) =>
                  t("pool.roles", { list: rs.map((r) => r.label[lang]).join(t("rule.listSeparator")) })
                }
              />
              <ParamView
                param={p.youngShare}
                render={(y) => t("pool.young", { age: y.maxAge, share: ratioWords(y.atLeast) })}
              />
            </Flex>
          )}
        />
      </Card>

      <Card size="small" title={t("sections.provisions")} data-testid="provisions">
        {s.provisions.length === 0 ? (
          <Empty />
        ) : (
          s.provisions.map((p) => (
            <Item key={p.id}>
              <div>{p.text[lang]}</div>
              <CitationLine citation={p.citation} />
            </Item>
          ))
        )}
      </Card>
    </Flex>
  )
}

/** "第1版（已发布，2020年12月9日起生效）". */
export const versionText = (
  v: { readonly version: number; readonly status: "draft" | "published"; readonly effectiveFrom: string },
  t: Tr,
  language: "zh-CN" | "en",
): string =>
  t("versionFull", {
    version: v.version,
    status: t(`status.${v.status}`),
    date: formatDate(v.effectiveFrom, language),
  })
