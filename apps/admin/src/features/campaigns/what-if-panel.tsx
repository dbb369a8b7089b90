import type { RouterOutputs } from "@cadre/client"
import { formatDate, ProblemAlert, problemOf, useLanguage } from "@cadre/ui"
import { useQuery } from "@tanstack/react-query"
import { Card, Empty, Flex, Grid, List, Select, Spin, Table, Tag, Typography } from "antd"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"

type Campaign = RouterOutputs["campaigns"]["get"]
type WhatIf = RouterOutputs["campaigns"]["whatIf"]
type Change = WhatIf["changes"][number]
type Outcome = "eligible" | "ineligible" | "needs_review"

const directionColor = { better: "green", worse: "red", same: "default" } as const

/**
 * 方案试算 (campaigns.whatIf; issue 16 "what-if re-screen against a draft with the differences"): the campaign's
 * applicants screened against another version of its own scheme, nothing written. The org dept revising a draft
 * sees, before publishing, whose verdict would move and under which clause. Needs campaign.read, eligibility.check
 * and scheme.read (the caller shows it only then).
 */
export const WhatIfPanel = ({ campaign }: { readonly campaign: Campaign }) => {
  const { t } = useTranslation("admin")
  const language = useLanguage()
  const lang = language === "en" ? "en" : "zh"
  const trpc = useTRPC()
  const narrow = Grid.useBreakpoint().md === false
  const [version, setVersion] = useState<number | undefined>(undefined)
  const versions = useQuery(trpc.schemes.list.queryOptions({ schemeId: campaign.schemeId }))
  const others = (versions.data ?? [])
    .filter((v) => v.version !== campaign.schemeVersion)
    .sort((a, b) => b.version - a.version)
  const result = useQuery({
    ...trpc.campaigns.whatIf.queryOptions({
      id: campaign.id,
      schemeId: campaign.schemeId,
      version: version ?? campaign.schemeVersion,
    }),
    enabled: version !== undefined,
  })
  const outcome = (o: Outcome | null | undefined) => t(`campaign.outcomes.${o ?? "none"}`)
  const because = (c: Change) =>
    c.because.map((b) => (b.clause === null ? b.text[lang] : `${b.text[lang]}（${b.clause}）`))
  return (
    <Card title={t("campaign.flow.whatIf.title")} size="small" data-testid="what-if">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("campaign.flow.whatIf.intro")}</Typography.Text>
        {versions.isError ? <ProblemAlert problem={problemOf(versions.error)} /> : null}
        {versions.isSuccess && others.length === 0 ? (
          <Typography.Text>{t("campaign.flow.whatIf.noOther")}</Typography.Text>
        ) : (
          <Flex vertical gap={4} style={{ maxWidth: 420 }}>
            <Typography.Text>{t("campaign.flow.whatIf.version")}</Typography.Text>
            <Select<number>
              aria-label={t("campaign.flow.whatIf.version")}
              placeholder={t("campaign.flow.whatIf.versionPlaceholder")}
              loading={versions.isPending}
              value={version ?? null}
              onChange={setVersion}
              options={others.map((v) => ({
                value: v.version,
                label: t("campaign.flow.whatIf.versionLabel", {
                  version: v.version,
                  status: t(`campaign.flow.whatIf.status.${v.status}`),
                  from: formatDate(v.effectiveFrom, language),
                }),
              }))}
            />
          </Flex>
        )}
        {version === undefined ? null : result.isPending ? (
          <Spin />
        ) : result.isError ? (
          <ProblemAlert problem={problemOf(result.error)} />
        ) : (
          <Flex vertical gap={8} data-testid="what-if-result">
            <Typography.Text strong data-testid="what-if-summary">
              {t("campaign.flow.whatIf.summary", {
                screened: result.data.screened,
                changed: result.data.changes.length,
                unchanged: result.data.unchanged,
              })}
            </Typography.Text>
            <Flex wrap gap={6}>
              {result.data.moves.map((m) => (
                <Tag key={`${m.from ?? "none"}-${m.to ?? "none"}`}>
                  {t("campaign.flow.whatIf.move", {
                    from: outcome(m.from),
                    to: outcome(m.to),
                    count: m.count,
                  })}
                </Tag>
              ))}
            </Flex>
            {result.data.changes.length === 0 ? (
              <Empty description={t("campaign.flow.whatIf.none")} />
            ) : narrow ? (
              <List
                dataSource={[...result.data.changes]}
                pagination={{ pageSize: 10, size: "small" }}
                renderItem={(c) => (
                  <List.Item data-testid="what-if-change">
                    <Flex vertical gap={4}>
                      <Typography.Text strong>{c.person?.name ?? "—"}</Typography.Text>
                      <span>
                        {outcome(c.from)} → {outcome(c.to)}{" "}
                        <Tag color={directionColor[c.direction]}>
                          {t(`campaign.flow.whatIf.direction.${c.direction}`)}
                        </Tag>
                      </span>
                      {because(c).map((line) => (
                        <Typography.Text key={line} type="secondary">
                          {line}
                        </Typography.Text>
                      ))}
                    </Flex>
                  </List.Item>
                )}
              />
            ) : (
              <Table<Change>
                rowKey="applicationId"
                size="small"
                dataSource={[...result.data.changes]}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                rowClassName={() => "what-if-change"}
                columns={[
                  {
                    title: t("campaign.flow.whatIf.person"),
                    key: "person",
                    render: (_, c) => c.person?.name ?? "—",
                  },
                  {
                    title: t("campaign.flow.whatIf.before"),
                    key: "before",
                    render: (_, c) => outcome(c.from),
                  },
                  {
                    title: t("campaign.flow.whatIf.after"),
                    key: "after",
                    render: (_, c) => (
                      <Flex gap={6} wrap>
                        {outcome(c.to)}
                        <Tag color={directionColor[c.direction]}>
                          {t(`campaign.flow.whatIf.direction.${c.direction}`)}
                        </Tag>
                      </Flex>
                    ),
                  },
                  {
                    title: t("campaign.flow.whatIf.because"),
                    key: "because",
                    render: (_, c) => (
                      <Flex vertical gap={2}>
                        {because(c).map((line) => (
                          <span key={line}>{line}</span>
                        ))}
                      </Flex>
                    ),
                  },
                ]}
              />
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  )
}
