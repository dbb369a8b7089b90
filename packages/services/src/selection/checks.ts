import { type Conflict, campaignQueries, conflict, type NotFound, notFound, type Tx } from "@cadre/db"
import { Access, type Scheme } from "@cadre/domain"
import { Effect } from "effect"

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
