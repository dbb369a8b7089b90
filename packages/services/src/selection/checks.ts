import { type Conflict, campaignQueries, conflict, type NotFound, notFound, type Tx } from "@cadre/db"
import { Access, InPost, type LocalDate, type Scheme, Selection } from "@cadre/domain"
import { Effect, Either } from "effect"

/** The checks a campaign's settings pass before they are written (create and update). */

export const STATUS_ZH: Readonly<Record<string, string>> = { draft: "草稿", open: "开放", closed: "已结束" }

const CHANNEL_ZH: Readonly<Record<Scheme.Channel, string>> = {
  self_registration: "个人报名",
  unit_recommendation: "单位推荐",
  organisation_recommendation: "组织推荐",
}

/** At least one channel, and only those the scheme provides (when it cites them). */
export const checkChannels = (
  scheme: Scheme.Scheme,
  channels: ReadonlyArray<Scheme.Channel>,
  schemeId: string,
): Effect.Effect<void, Conflict> => {
  if (channels.length === 0)
    return Effect.fail(
      conflict("campaign", schemeId, "no_channel", {
        zh: "至少开放一个报名（推荐）渠道",
        en: "open at least one channel",
      }),
    )
  if (scheme.channels._tag !== "Cited") return Effect.void
  const allowed = new Set<string>(scheme.channels.value)
  const bad = channels.filter((c) => !allowed.has(c))
  if (bad.length > 0)
    return Effect.fail(
      conflict("campaign", schemeId, "channel_not_in_scheme", {
        zh: `方案未规定以下渠道：${bad.map((c) => CHANNEL_ZH[c]).join("、")}`,
        en: `the scheme does not provide these channels: ${bad.join(", ")}`,
      }),
    )
  return Effect.void
}

/**
 * The deciding body a campaign records is one the scheme's decision stage names (部务会 may stand for the org
 * dept); a scheme that names none leaves it to the campaign (issue 13: a campaign may not contradict its scheme).
 */
export const checkDecidingBody = (
  scheme: Scheme.Scheme,
  body: typeof Selection.DecidingBody.Type,
): Effect.Effect<void, Conflict> => {
  const stages = Selection.derivePath(scheme).steps.find((s) => s.state === "decided")?.stages ?? []
  const named = [...new Set(stages.map((s) => s.actor))]
  if (named.length === 0 || named.some((a) => InPost.decidesAs(a, body))) return Effect.void
  const cited = stages[0]?.citation
  const clause = cited === undefined ? "" : `${cited.document} ${cited.clause}`.trim()
  return Effect.fail(
    conflict("campaign", scheme.id, "deciding_body_not_scheme", {
      zh: `方案规定由${named.map((a) => InPost.ACTOR_LABELS[a].zh).join("、")}研究决定，不能设为${InPost.ACTOR_LABELS[body].zh}${clause === "" ? "" : `（依据：${clause}）`}`,
      en: `the scheme gives the decision to ${named.map((a) => InPost.ACTOR_LABELS[a].en).join(" or ")}, not ${InPost.ACTOR_LABELS[body].en}${clause === "" ? "" : ` (per ${clause})`}`,
    }),
  )
}

/** Deadline adjustments name only the scheme's stages. */
export const checkOverrides = (
  scheme: Scheme.Scheme,
  overrides: Readonly<Record<string, string>>,
): Effect.Effect<void, Conflict> => {
  const ids = new Set(scheme.stages.map((s) => s.id))
  const unknownIds = Object.keys(overrides).filter((k) => !ids.has(k))
  if (unknownIds.length > 0)
    return Effect.fail(
      conflict("campaign", scheme.id, "unknown_stage", {
        zh: `方案中没有这些环节：${unknownIds.join("、")}`,
        en: `the scheme has no such stages: ${unknownIds.join(", ")}`,
      }),
    )
  return Effect.void
}

/**
 * The campaign's reference date is the scheme's rule (issue 13, "dates bite"): the scheme's date when it fixes one
 * (a date, or a stage's deadline in this campaign's timetable) — a different date given is refused with the clause;
 * else the date given, or `current` (the campaign's date so far) when none is given.
 */
export const resolveReferenceDate = (
  scheme: Scheme.Scheme,
  timetable: { readonly startYear: number; readonly overrides: Readonly<Record<string, string>> },
  given: string | undefined,
  current?: string,
): Effect.Effect<string, Conflict> => {
  const schedule = Selection.scheduleOf(scheme, {
    startYear: timetable.startYear,
    overrides: timetable.overrides as Readonly<Record<string, LocalDate.LocalDate>>,
  })
  const entries = Either.isRight(schedule) ? schedule.right.entries : []
  const r = Selection.referenceDateFor(scheme, entries, given as LocalDate.LocalDate | undefined)
  if (Either.isRight(r)) return Effect.succeed(r.right)
  if (r.left.reason === "missing" && current !== undefined) return Effect.succeed(current)
  return Effect.fail(conflict("campaign", scheme.id, `reference_date_${r.left.reason}`, r.left.message))
}

/** Each post lies within the campaign's region and the caller's scope (else it reads as not found). */
export const checkPosts = (
  tx: Tx,
  actor: Access.Actor,
  postIds: ReadonlyArray<string>,
  campaignPath: string,
): Effect.Effect<void, NotFound> =>
  postIds.length === 0
    ? Effect.void
    : Effect.flatMap(campaignQueries.postPaths(tx, postIds), (found) => {
        for (const id of postIds) {
          const path = found.get(id)
          if (path === undefined || !path.startsWith(campaignPath) || !Access.seesRegion(actor, path))
            return Effect.fail(notFound("post", id))
        }
        return Effect.void
      })
