import { formatDate } from "@cadre/ui"
import { Card, Flex, Tag, Typography } from "antd"
import { AssessmentView } from "./scheme-assessment-view"
import { EligibilityView } from "./scheme-eligibility-view"
import { actor, CitationLine, Item, Labelled, NoneListed, ParamView, useWords } from "./scheme-view-parts"
import {
  type Cadence,
  cadenceWords,
  code,
  deadlineWords,
  durationWords,
  ratioWords,
  type SchemeBody,
  type Tr,
} from "./scheme-words"

/** A scheme version in words, part by part, as a district administrator reads it. */
export const SchemeView = ({ scheme: s }: { readonly scheme: SchemeBody }) => {
  const { t, lang, language } = useWords()
  const stageLabel = (id: string) => s.stages.find((x) => x.id === id)?.label[lang] ?? id
  const cadence = (c: Cadence) => cadenceWords(c, t, lang)
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

      <EligibilityView scheme={s} />

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
          <NoneListed />
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
          <NoneListed />
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

      <AssessmentView scheme={s} />

      <Card size="small" title={t("sections.recall")} data-testid="recall">
        <Labelled label={t("recall.triggers")}>
          {s.recall.triggers.length === 0 ? (
            <NoneListed />
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
                <NoneListed />
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
          <NoneListed />
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
