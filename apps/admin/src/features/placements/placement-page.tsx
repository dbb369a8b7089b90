import type { RouterOutputs } from "@cadre/client"
import { formatDate, isUnauthenticated, ProblemAlert, problemOf, useApi, useLanguage } from "@cadre/ui"
import {
  Badge,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
} from "antd"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useLoad } from "../../api/use-load"
import { AppShell } from "../../layout/app-shell"
import { Link } from "../../routes/navigation"
import { useSession } from "../../session/session"
import { AssessmentsSection } from "./assessments-section"
import { LeaveSection } from "./leave-section"
import { PlacementActions } from "./placement-actions"
import {
  type ArchiveView,
  chinaToday,
  isClosed,
  isServing,
  mayGrade,
  mayManage,
  type Obligation,
  obligationColor,
  type PlacementDetail,
  type SchemeView,
  stateColor,
  termMark,
} from "./placement-helpers"
import { TermMarkTag } from "./placements-page"

type Lang = "zh" | "en"

/** The placement's facts: person, post, scheme version, dates, probation, the end and full-time duty. */
const Facts = ({ p, today }: { readonly p: PlacementDetail; readonly today: string }) => {
  const { t } = useTranslation("placements")
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  const date = (d: string) => formatDate(d, language)
  const placement = p.placement
  const probation = placement.probation
  const items: DescriptionsProps["items"] = [
    { key: "person", label: t("facts.person"), children: p.person.name },
    {
      key: "id",
      label: t("facts.idNumber"),
      children: <span style={{ fontVariantNumeric: "tabular-nums" }}>{p.person.idNumberMasked}</span>,
    },
    { key: "phone", label: t("facts.phone"), children: p.person.phoneMasked ?? "—" },
    { key: "post", label: t("facts.post"), children: p.postTitle },
    { key: "region", label: t("facts.region"), children: p.regionName },
    {
      key: "scheme",
      label: t("facts.scheme"),
      children: (
        <span data-testid="placement-scheme">
          {/* The scheme by its name and version, never its id (issue 16: names, not codes). */}
          {t("scheme", { scheme: p.schemeName[lang], version: p.schemeVersion })}
        </span>
      ),
    },
    { key: "placedOn", label: t("facts.placedOn"), children: date(p.placedOn) },
    {
      key: "startedOn",
      label: t("facts.startedOn"),
      children: p.startedOn === null ? t("facts.notStarted") : date(p.startedOn),
    },
    {
      key: "termEnd",
      label: t("facts.termEnd"),
      children:
        p.termEnd === null ? (
          "—"
        ) : (
          <Flex gap={4} wrap align="center">
            <span data-testid="placement-term-end">{date(p.termEnd)}</span>
            <TermMarkTag mark={termMark(p, today)} />
          </Flex>
        ),
    },
    ...(placement.terms.length > 1
      ? [
          {
            key: "terms",
            label: t("facts.terms"),
            children: placement.terms
              .map((term) =>
                t("facts.term", { number: term.number, start: date(term.start), end: date(term.end) }),
              )
              .join("；"),
          },
        ]
      : []),
    {
      key: "probation",
      label: t("facts.probation"),
      children: (
        <Flex vertical gap={2} data-testid="placement-probation">
          {probation === undefined ? (
            <span>{t("facts.noProbation")}</span>
          ) : (
            <span>{t("facts.probationAs", { role: probation.asRole[lang] })}</span>
          )}
          {probation?.endsOn === undefined ? null : (
            <span>{t("facts.probationUntil", { date: date(probation.endsOn) })}</span>
          )}
          {placement.confirmation === undefined ? null : (
            <span>
              {t("facts.confirmation", {
                date: date(placement.confirmation.electedOn),
                by: t(`actors.${placement.confirmation.assessment.by}`),
                summary: placement.confirmation.assessment.summary,
              })}
            </span>
          )}
        </Flex>
      ),
    },
    ...(p.ending === null
      ? []
      : [
          {
            key: "ending",
            label: t("facts.ending"),
            children: (
              <Flex vertical gap={2} data-testid="placement-ending">
                <span>
                  {t("facts.endingText", {
                    date: date(p.ending.date),
                    state: p.stateLabel[lang],
                    reason: p.ending.reason,
                  })}
                </span>
                {p.ending.decision === undefined ? null : (
                  <Typography.Text type="secondary">
                    {t("facts.decision", {
                      by: t(`actors.${p.ending.decision.by}`),
                      date: date(p.ending.decision.date),
                    })}
                    {p.ending.decision.reference === undefined ? "" : ` · ${p.ending.decision.reference}`}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
        ]),
    ...(p.admonishments.length === 0
      ? []
      : [
          {
            key: "admonishments",
            label: t("admonish.recorded"),
            children: (
              <Flex vertical gap={6} data-testid="placement-admonishments">
                {p.admonishments.map((a) => (
                  <Flex vertical gap={2} key={`${a.triggerId}|${a.decision.date}|${a.reason}`}>
                    <span>
                      {a.measureLabels.map((m) => m[lang]).join("、")}：{a.reason} <Tag>{a.clause}</Tag>
                    </span>
                    <Typography.Text type="secondary">
                      {t("admonish.decided", {
                        by: t(`actors.${a.decision.by}`),
                        date: date(a.decision.date),
                      })}
                      {a.decision.reference === undefined ? "" : ` · ${a.decision.reference}`}
                    </Typography.Text>
                  </Flex>
                ))}
              </Flex>
            ),
          },
        ]),
    ...(p.fullTime.length === 0
      ? []
      : [
          {
            key: "fullTime",
            label: t("facts.fullTime"),
            children: (
              <Flex vertical gap={2}>
                {p.fullTime.map((f) => (
                  <span key={f.clause + f.text.zh}>
                    {f.text[lang]} <Tag>{f.clause}</Tag>
                  </span>
                ))}
              </Flex>
            ),
          },
        ]),
  ]
  return <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} />
}

/** Which relations move with the post and which stay (000 一（二）1), and when a move was recorded. */
const Relations = ({ p }: { readonly p: PlacementDetail }) => {
  const { t } = useTranslation("placements")
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  if (p.relations.length === 0)
    return <Typography.Text type="secondary">{t("relations.none")}</Typography.Text>
  return (
    <Flex vertical gap={6} data-testid="relations">
      {p.relations.map((r) => (
        <Flex key={r.relation} gap={8} wrap align="center" data-testid={`relation-${r.relation}`}>
          <span style={{ minWidth: 120 }}>{r.label[lang]}</span>
          <Tag color={r.rule === "moves" ? "blue" : "default"}>{t(`relations.${r.rule}`)}</Tag>
          {r.rule === "moves" ? (
            <Typography.Text type={r.movedOn === null ? "warning" : "secondary"}>
              {r.movedOn === null
                ? t("relations.notMoved")
                : t("relations.movedOn", { date: formatDate(r.movedOn, language) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ))}
    </Flex>
  )
}

/** The report obligations generated from the scheme, each with its due date and status (overdue marked). */
const Obligations = ({ rows }: { readonly rows: ReadonlyArray<Obligation> }) => {
  const { t } = useTranslation("placements")
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  const date = (d: string | null) => (d === null ? "—" : formatDate(d, language))
  const columns: TableColumnsType<Obligation> = [
    {
      title: t("obligations.subject"),
      key: "subject",
      render: (_, r) => <div style={{ maxWidth: 260, whiteSpace: "normal" }}>{r.subject[lang]}</div>,
    },
    {
      title: t("obligations.period"),
      key: "period",
      render: (_, r) =>
        r.period === null
          ? r.event === null
            ? "—"
            : r.event[lang]
          : `${date(r.period.from)} – ${date(r.period.to)}`,
    },
    {
      title: t("obligations.due"),
      key: "due",
      render: (_, r) => (r.due === null ? t("obligations.onEvent") : date(r.due)),
    },
    {
      title: t("obligations.status"),
      key: "status",
      render: (_, r) => (
        <Tag color={obligationColor(r.status)} data-testid="obligation-status">
          {t(`obligations.statuses.${r.status}`)}
        </Tag>
      ),
    },
    { title: t("obligations.submittedOn"), key: "submittedOn", render: (_, r) => date(r.submittedOn) },
    {
      title: t("obligations.fromTo"),
      key: "fromTo",
      render: (_, r) => `${t(`actors.${r.from}`)} → ${t(`actors.${r.to}`)}`,
    },
    { title: t("obligations.clause"), key: "clause", render: (_, r) => <Tag>{r.clause}</Tag> },
  ]
  if (rows.length === 0) return <Typography.Text type="secondary">{t("obligations.none")}</Typography.Text>
  return (
    <Table<Obligation>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={[...rows]}
      pagination={false}
      scroll={{ x: "max-content" }}
      data-testid="obligations-table"
    />
  )
}

/** 一人一档: the person's file in filing order, as a timeline; sealed files say so and since when. */
const Archive = ({ archive: first }: { readonly archive: ArchiveView }) => {
  const { t } = useTranslation("placements")
  const api = useApi()
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  // The file reads in pages (a career's file can be long); later pages are appended on request.
  const [archive, setArchive] = useState(first)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreProblem, setMoreProblem] = useState<unknown>(null)
  useEffect(() => setArchive(first), [first])
  const loadMore = async () => {
    if (archive.nextCursor === null) return
    setLoadingMore(true)
    setMoreProblem(null)
    try {
      const next = await api.archive.get.query({ personId: archive.personId, cursor: archive.nextCursor })
      setArchive((cur) => ({ ...next, entries: [...cur.entries, ...next.entries] }))
    } catch (e) {
      setMoreProblem(e)
    } finally {
      setLoadingMore(false)
    }
  }
  return (
    <Flex vertical gap={12}>
      {archive.sealed ? (
        <Flex gap={8} wrap align="center">
          <Tag color="red" data-testid="archive-sealed">
            {t("archive.sealed")}
          </Tag>
          {archive.sealedOn === null ? null : (
            <Typography.Text type="secondary">
              {t("archive.sealedOn", {
                date: formatDate(archive.sealedOn, language),
                reason: archive.sealedReason?.[lang] ?? "",
              })}
            </Typography.Text>
          )}
        </Flex>
      ) : (
        <div>
          <Badge status="success" text={t("archive.open")} />
        </div>
      )}
      {archive.entries.length === 0 ? (
        <Typography.Text type="secondary">{t("archive.none")}</Typography.Text>
      ) : (
        <Timeline
          data-testid="archive-timeline"
          items={archive.entries.map((e) => ({
            key: e.id,
            color: e.kind === "penalty" ? "red" : e.kind === "reward" ? "green" : "blue",
            content: (
              <div data-testid="archive-entry" style={{ whiteSpace: "normal", wordBreak: "break-word" }}>
                <Flex gap={6} wrap align="center">
                  <Typography.Text type="secondary">{formatDate(e.date, language)}</Typography.Text>
                  <Tag>{e.kindLabel[lang]}</Tag>
                </Flex>
                <div>{e.title[lang]}</div>
                {e.clause === null ? null : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.clause}
                  </Typography.Text>
                )}
              </div>
            ),
          }))}
        />
      )}
      {archive.nextCursor === null ? null : (
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary" data-testid="archive-shown">
            {t("archive.shown", { shown: archive.entries.length, total: archive.total })}
          </Typography.Text>
          <Button size="small" loading={loadingMore} onClick={() => void loadMore()}>
            {t("archive.more")}
          </Button>
        </Flex>
      )}
      {moreProblem === null ? null : <ProblemAlert problem={problemOf(moreProblem)} />}
    </Flex>
  )
}

/** Consequences on the person (002 三（二）: no awards that year, no promotion for two years…), each with its period. */
const Consequences = ({ rows }: { readonly rows: PlacementDetail["consequences"] }) => {
  const { t } = useTranslation("placements")
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  if (rows.length === 0) return <Typography.Text type="secondary">{t("consequences.none")}</Typography.Text>
  return (
    <Flex vertical gap={6} data-testid="consequences">
      {rows.map((c) => (
        <Flex key={c.id} gap={8} wrap align="center" data-testid="consequence">
          <Tag color={c.inForce ? "red" : "default"}>
            {c.inForce ? t("consequences.inForce") : t("consequences.lapsed")}
          </Tag>
          <span style={{ whiteSpace: "normal", minWidth: 0, flex: "1 1 240px" }}>{c.text[lang]}</span>
        </Flex>
      ))}
    </Flex>
  )
}

/** 任职详情: the facts, relations, reports, leave, assessment, the archive and consequences, and the moves. */
type AbsenceRow = RouterOutputs["leave"]["absences"][number]

/** 擅自离岗: absences on record, the days over a leave among them (recorded with the late return). */
const Absences = ({ rows }: { readonly rows: ReadonlyArray<AbsenceRow> }) => {
  const { t } = useTranslation("placements")
  const language = useLanguage()
  const date = (d: string) => formatDate(d, language)
  if (rows.length === 0) return null
  return (
    <div data-testid="absences" style={{ marginTop: 12 }}>
      <Typography.Text strong>{t("absences.title")}</Typography.Text>
      <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
        {rows.map((a) => (
          <li key={a.id} style={{ whiteSpace: "normal" }}>
            <Tag color={a.kind === "overstay" ? "orange" : "red"}>{t(`absences.kind.${a.kind}`)}</Tag>
            {a.from === a.to ? date(a.from) : `${date(a.from)} — ${date(a.to)}`} ·{" "}
            {t("absences.days", { days: a.days })}
            {a.note === "" ? null : <Typography.Text type="secondary"> · {a.note}</Typography.Text>}
          </li>
        ))}
      </ul>
    </div>
  )
}

export const PlacementPage = ({ id = "" }: { readonly id?: string }) => {
  const { t } = useTranslation("placements")
  const api = useApi()
  const language = useLanguage()
  const lang: Lang = language === "en" ? "en" : "zh"
  const { session, expired } = useSession()
  const today = useMemo(() => chinaToday(), [])
  const { load, reload } = useLoad(async () => {
    const placement = await api.placements.get.query({ id })
    const [archive, obligations, leave, absences, assessments, scheme] = await Promise.all([
      api.archive.get.query({ personId: placement.personId }),
      api.reports.obligations.query({ placementId: id }),
      // A placement has a handful of requests a year: its first 200 are its whole list in practice.
      api.leave.list.query({ placementId: id, limit: 200 }).then((p) => p.items),
      api.leave.absences.query({ placementId: id }),
      api.assessments.list.query({ placementId: id }),
      // The scheme only fills the forms' defaults (assessor, cycles, triggers, tiers); the page works without it.
      api.schemes.get
        .query({ schemeId: placement.schemeId, version: placement.schemeVersion })
        .then((s): SchemeView | null => s.scheme)
        .catch((): SchemeView | null => null),
    ])
    return { placement, archive, obligations, leave, absences, assessments, scheme }
  }, `${id}|${language}`)
  const failedAuth = load.state === "failed" && isUnauthenticated(load.error)
  useEffect(() => {
    if (failedAuth) expired()
  }, [failedAuth, expired])
  const role = session.status === "signedIn" ? session.me.role : "reviewer"
  const permissions = session.status === "signedIn" ? session.me.permissions : []

  const title = load.state === "done" ? load.data.placement.person.name : t("title")
  return (
    <AppShell title={title}>
      <Link href="/placements">← {t("back")}</Link>
      {load.state === "loading" ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : load.state === "failed" ? (
        <ProblemAlert problem={problemOf(load.error)} style={{ marginTop: 16 }} />
      ) : (
        (() => {
          const { placement: p, archive, obligations, leave, absences, assessments, scheme } = load.data
          const overdue = obligations.filter((o) => o.status === "overdue").length
          const manage = mayManage(permissions)
          return (
            <Flex vertical gap={16}>
              <div>
                <Flex gap={8} wrap align="center" style={{ margin: "12px 0 4px" }}>
                  <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
                    {p.person.name}
                  </Typography.Title>
                  <Tag color={stateColor(p.state)} data-testid="placement-state">
                    {p.stateLabel[lang]}
                  </Tag>
                  {p.confirmed && p.state === "in_term" ? <Tag>{t("confirmed")}</Tag> : null}
                </Flex>
                <Typography.Text type="secondary">
                  {p.postTitle} · {p.regionName}
                </Typography.Text>
              </div>
              <Card title={t("facts.title")} size="small">
                <Facts p={p} today={today} />
              </Card>
              <Card title={t("actions.title")} size="small">
                {isClosed(p.state) ? (
                  <Typography.Text type="secondary">{t("actions.closed")}</Typography.Text>
                ) : !manage ? (
                  <Typography.Text type="secondary">{t("actions.readOnly")}</Typography.Text>
                ) : (
                  <PlacementActions
                    placement={p}
                    scheme={scheme}
                    role={role}
                    today={today}
                    onChanged={reload}
                  />
                )}
              </Card>
              <Card title={t("relations.title")} size="small">
                <Relations p={p} />
              </Card>
              <Card
                title={t("obligations.title")}
                size="small"
                extra={
                  overdue > 0 ? (
                    <Tag color="red" data-testid="obligations-overdue">
                      {t("obligations.overdueCount", { count: overdue })}
                    </Tag>
                  ) : null
                }
              >
                <Obligations rows={obligations} />
              </Card>
              <Card title={t("leave.title")} size="small">
                <LeaveSection
                  placement={p}
                  rows={leave}
                  scheme={scheme}
                  permissions={permissions}
                  canRequest={manage && isServing(p.state)}
                  onChanged={reload}
                />
                <Absences rows={absences} />
              </Card>
              <Card title={t("assessments.title")} size="small">
                <AssessmentsSection
                  placement={p}
                  rows={assessments}
                  scheme={scheme}
                  role={role}
                  canGrade={mayGrade(permissions) && (isServing(p.state) || p.state === "term_ended")}
                  today={today}
                  onChanged={reload}
                />
              </Card>
              <Card title={t("archive.title")} size="small" data-testid="archive">
                <Archive archive={archive} />
              </Card>
              <Card title={t("consequences.title")} size="small">
                <Consequences rows={p.consequences} />
              </Card>
            </Flex>
          )
        })()
      )}
    </AppShell>
  )
}
