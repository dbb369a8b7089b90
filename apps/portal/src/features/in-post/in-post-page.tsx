import { formatDate, pick, type Problem, ProblemAlert, problemOf, toLanguage, useApi } from "@cadre/ui"
import { App, Button, Card, Descriptions, Empty, Flex, Segmented, Spin, Tag, Typography } from "antd"
import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { onLinkClick } from "../../routes/navigation"
import { RequireSignIn } from "../auth/require-sign-in"
import { defaultPlacement, isServing, type Placement, relationRows } from "./in-post-model"
import { LeaveSection } from "./leave-section"
import { ReportsSection } from "./reports-section"

/**
 * 我的任职: a dispatched cadre's own placement (`placements.mine`, the account linked to the person), the reports
 * the scheme asks of them and their leave. An account with no placement sees where this will appear.
 */
export const InPostPage = () => (
  // antd's App (for `message`) comes with this page's code, not the portal's first page (UiProvider appFrame).
  <App component={false}>
    <RequireSignIn>{() => <InPost />}</RequireSignIn>
  </App>
)

const InPost = () => {
  const { t, i18n } = useTranslation("portal")
  const api = useApi()
  const [placements, setPlacements] = useState<ReadonlyArray<Placement> | undefined>(undefined)
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined)
  const [problem, setProblem] = useState<Problem | undefined>(undefined)

  const load = useCallback(async () => {
    setProblem(undefined)
    try {
      const mine = await api.placements.mine.query()
      setPlacements(mine)
      setSelectedId((current) =>
        current !== undefined && mine.some((p) => p.id === current) ? current : defaultPlacement(mine)?.id,
      )
    } catch (error) {
      setProblem(problemOf(error))
    }
  }, [api])
  useEffect(() => {
    void load()
  }, [load])

  const selected = placements?.find((p) => p.id === selectedId)
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
          {t("inPost.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("inPost.intro")}</Typography.Text>
      </div>
      <ProblemAlert problem={problem} requestId="always" />
      {placements === undefined ? (
        problem === undefined ? (
          <Spin description={t("inPost.loading")} />
        ) : null
      ) : placements.length === 0 || selected === undefined ? (
        <Card size="small">
          <Empty
            data-testid="in-post-empty"
            description={
              <Flex vertical gap={4}>
                <Typography.Text strong>{t("inPost.empty")}</Typography.Text>
                <Typography.Text type="secondary">{t("inPost.emptyHint")}</Typography.Text>
              </Flex>
            }
          >
            <Button href="/applications" onClick={onLinkClick("/applications")}>
              {t("inPost.emptyAction")}
            </Button>
          </Empty>
        </Card>
      ) : (
        <>
          {placements.length > 1 ? (
            <Segmented
              block
              aria-label={t("inPost.choose")}
              value={selected.id}
              onChange={(id) => setSelectedId(String(id))}
              options={placements.map((p) => ({
                value: p.id,
                label: `${p.postTitle} · ${pick(p.stateLabel, i18n.language)}`,
              }))}
            />
          ) : null}
          <PlacementFacts placement={selected} />
          <ReportsSection key={`r-${selected.id}`} placement={selected} />
          <LeaveSection key={`l-${selected.id}`} placement={selected} serving={isServing(selected.state)} />
        </>
      )}
    </Flex>
  )
}

const stateColour = (state: Placement["state"]): string =>
  isServing(state) ? "green" : state === "placed" ? "blue" : state === "recalled" ? "red" : "default"

/** The placement's facts, as the API states them; the term end is the 期满日 (the day the term is served). */
const PlacementFacts = ({ placement: p }: { readonly placement: Placement }) => {
  const { t, i18n } = useTranslation("portal")
  const language = toLanguage(i18n.language)
  const date = (d: string) => formatDate(d, language)
  const relations = relationRows(p.placement)
  const items = [
    { key: "post", label: t("inPost.facts.post"), children: p.postTitle },
    ...(p.hostUnit === null
      ? []
      : [{ key: "hostUnit", label: t("inPost.facts.hostUnit"), children: p.hostUnit.name }]),
    ...(p.dispatchingUnitName === null
      ? []
      : [
          {
            key: "dispatchingUnit",
            label: t("inPost.facts.dispatchingUnit"),
            children: p.dispatchingUnitName,
          },
        ]),
    { key: "region", label: t("inPost.facts.region"), children: p.regionName },
    {
      key: "scheme",
      label: t("inPost.facts.scheme"),
      // The programme's name in words, with the version the placement keeps.
      children: t("inPost.facts.schemeVersion", {
        id: p.schemeName === null ? p.schemeId : pick(p.schemeName, i18n.language),
        version: p.schemeVersion,
      }),
    },
    {
      key: "state",
      label: t("inPost.facts.state"),
      children: (
        <Tag color={stateColour(p.state)} data-testid="placement-state">
          {pick(p.stateLabel, i18n.language)}
        </Tag>
      ),
    },
    { key: "placedOn", label: t("inPost.facts.placedOn"), children: date(p.placedOn) },
    {
      key: "startedOn",
      label: t("inPost.facts.startedOn"),
      children: p.startedOn === null ? t("inPost.facts.notStarted") : date(p.startedOn),
    },
    ...(p.termEnd === null
      ? []
      : [{ key: "termEnd", label: t("inPost.facts.termEnd"), children: date(p.termEnd) }]),
    ...(p.endedOn === null
      ? []
      : [{ key: "endedOn", label: t("inPost.facts.endedOn"), children: date(p.endedOn) }]),
    ...(relations.length === 0
      ? []
      : [
          {
            key: "relations",
            label: t("inPost.facts.relations"),
            children: (
              <Flex vertical gap={2}>
                {relations.map((r) => (
                  <span key={r.relation}>
                    {t("inPost.facts.relationLine", {
                      relation: t(`inPost.facts.relation.${r.relation}`),
                      rule: t(`inPost.facts.${r.rule}`),
                    })}
                    {r.rule !== "moves"
                      ? null
                      : r.movedOn === null
                        ? t("inPost.facts.notMoved")
                        : t("inPost.facts.movedOn", { date: date(r.movedOn) })}
                  </span>
                ))}
              </Flex>
            ),
          },
        ]),
  ]
  return (
    <Card size="small" data-testid="placement-facts">
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {t("inPost.facts.title")}
      </Typography.Title>
      <Descriptions column={1} size="small" items={items} styles={{ label: { whiteSpace: "nowrap" } }} />
    </Card>
  )
}
