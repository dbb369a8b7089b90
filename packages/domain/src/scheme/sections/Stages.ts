/**
 * The scheme's selection path: the channels a candidate enters by and the stages of the procedure, each with its
 * actor, its deadline and its clause.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Citation } from "../../shared/Citation.js"
import { Param } from "../../shared/Cited.js"
import { Text } from "../../shared/Text.js"
import { Actor, Duration } from "./Basics.js"

/**
 * How a candidate enters a selection: self-registration, unit recommendation or organisation recommendation.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Channel = Schema.Literal(
  "self_registration",
  "unit_recommendation",
  "organisation_recommendation",
).annotations({ identifier: "Channel", title: "报名渠道 / channel of entry" })
/**
 * The decoded value of the {@link Channel} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Channel = typeof Channel.Type

const MonthDay = Schema.Struct({
  month: Schema.Int.pipe(Schema.between(1, 12)),
  day: Schema.Int.pipe(Schema.between(1, 31)),
})

/**
 * When a stage is due, relative to the campaign year (yearOffset 0 = the year the campaign starts, 1 = the
 * next: "明年1月中旬"). "12月18日前" is `ByDate` 12-18: the platform reads "前" as "by the end of that day".
 *
 * @category schemas
 * @since 0.1.0
 */
export const Deadline = Schema.Union(
  Schema.TaggedStruct("ByDate", { ...MonthDay.fields, yearOffset: Schema.Int }),
  /** 上旬 (1–10) / 中旬 (11–20) / 下旬 (21–end) of a month. */
  Schema.TaggedStruct("InPeriod", {
    month: Schema.Int.pipe(Schema.between(1, 12)),
    part: Schema.Literal("early", "mid", "late"),
    yearOffset: Schema.Int,
  }),
  Schema.TaggedStruct("Between", { from: MonthDay, to: MonthDay, yearOffset: Schema.Int }),
  /** Within a duration after another stage ends. */
  Schema.TaggedStruct("After", { stageId: Schema.NonEmptyTrimmedString, within: Duration }),
).annotations({ identifier: "Deadline", title: "时限 / deadline" })
/**
 * The decoded value of the {@link Deadline} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Deadline = typeof Deadline.Type

/**
 * 差额比例: candidates per place, both positive and never fewer candidates than places (issue 13: 0:0 or −2:1
 * let 4 be shortlisted for 1 place).
 *
 * @category schemas
 * @since 0.1.0
 */
export const ShortlistRatio = Schema.Struct({
  candidates: Schema.Int.pipe(Schema.positive()).annotations({ title: "人选数 / candidates" }),
  places: Schema.Int.pipe(Schema.positive()).annotations({ title: "职数 / places" }),
})
  .pipe(
    Schema.filter((r) =>
      r.candidates >= r.places
        ? undefined
        : {
            path: ["candidates"],
            message: `差额比例的人选数不能少于职数（${r.candidates}:${r.places}） / a shortlist ratio has at least as many candidates as places (${r.candidates}:${r.places})`,
          },
    ),
  )
  .annotations({ identifier: "ShortlistRatio", title: "差额比例 / shortlist ratio" })

/**
 * One stage of the selection procedure, with its actor, deadline and citation.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Stage = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  label: Text,
  actor: Actor,
  deadline: Param(Deadline),
  /** Candidates per place at a shortlisting stage (004 Anqiu 1:2 → 2 candidates : 1 place). */
  shortlistRatio: Schema.optional(Param(ShortlistRatio)),
  /**
   * At a joint-review stage: the departments whose opinion it needs (001 四（二）2: 纪检、公安、综治、计生). Leaving
   * joint review needs an opinion from each; a disagreeing one blocks until the deciding body overrides it.
   */
  departments: Schema.optional(
    Schema.NonEmptyArray(Schema.NonEmptyTrimmedString).annotations({
      title: "联审部门 / joint-review departments",
    }),
  ),
  citation: Citation,
}).annotations({ identifier: "Stage", title: "程序环节 / stage" })
/**
 * The decoded value of the {@link Stage} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Stage = typeof Stage.Type

/**
 * How many cadres one batch (one campaign) sends (004 江东 一 "一般每批3人": 3, qualified 一般 — a campaign of another
 * size needs a recorded reason; see selection/Batch.ts).
 *
 * @category schemas
 * @since 0.1.0
 */
export const BatchSize = Schema.Int.pipe(Schema.positive()).annotations({
  identifier: "BatchSize",
  title: "每批人数 / cadres per batch",
})
