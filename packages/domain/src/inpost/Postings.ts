/**
 * One posting at a time (issue 15): a person holds at most one appointment — an appointed application not yet
 * ended by its placement, or an open placement — unless the scheme of the new posting allows concurrent postings
 * (`concurrentPostings`, cited). A scheme that says nothing does not allow them: a cadre sent to three places at
 * once blocks three posts and serves none. The storage layer finds what the person holds (under a lock on the
 * person) and asks `checkOnePosting` before an appointment or a placement is made.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import { type Citation, formatCitation } from "../shared/Citation.js"
import type { Param } from "../shared/Cited.js"
import type { Text } from "../shared/Text.js"

/**
 * A posting the person already holds: an appointment in a campaign (not yet placed), or an open placement.
 *
 * @category schemas
 * @since 0.1.0
 */
export const HeldPosting = Schema.Struct({
  kind: Schema.Literal("appointment", "placement"),
  /** The application's or the placement's id. */
  id: Schema.String,
  /** The campaign's name (an appointment) or the post's title (a placement). */
  name: Schema.String,
}).annotations({ identifier: "HeldPosting", title: "已担任的岗位 / posting held" })
/**
 * The decoded value of the {@link HeldPosting} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type HeldPosting = typeof HeldPosting.Type

/**
 * The person already holds a posting and the scheme does not allow another at the same time.
 *
 * @category errors
 * @since 0.1.0
 */
export class PostingHeld extends Schema.TaggedError<PostingHeld>()("PostingHeld", {
  personId: Schema.String,
  held: HeldPosting,
  /** The scheme's clause that forbids concurrent postings; absent when the scheme says nothing (the default). */
  clause: Schema.optional(Schema.String),
}) {
  /** The message in both languages, zh-CN first. */
  get text(): Text {
    const what =
      this.held.kind === "appointment"
        ? {
            zh: `已在批次“${this.held.name}”中被任用（报名 ${this.held.id}）`,
            en: `is already appointed in the campaign "${this.held.name}" (application ${this.held.id})`,
          }
        : {
            zh: `已在岗位“${this.held.name}”任职（任职安排 ${this.held.id}）`,
            en: `already holds the post "${this.held.name}" (placement ${this.held.id})`,
          }
    const rule =
      this.clause === undefined
        ? {
            zh: "方案未允许同时兼任多个岗位（未作规定时一人同一时间只担任一个岗位）",
            en: "the scheme does not allow concurrent postings (when it says nothing, one posting at a time)",
          }
        : {
            zh: `方案不允许同时兼任多个岗位（${this.clause}）`,
            en: `the scheme does not allow concurrent postings (${this.clause})`,
          }
    return {
      zh: `该人员${what.zh}，在其结束前不能再任用或安排任职：${rule.zh}`,
      en: `The person ${what.en}; they cannot be appointed or placed again until it ends: ${rule.en}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * Whether a scheme's `concurrentPostings` parameter allows a person more than one posting at a time: only a cited
 * `true` does; absent or unspecified is "no".
 *
 * @category predicates
 * @since 0.1.0
 */
export const allowsConcurrentPostings = (param: Param<boolean> | undefined): boolean =>
  param !== undefined && param._tag === "Cited" && param.value

/**
 * May the person take a new posting under a scheme whose `concurrentPostings` is `param`, holding `held`? Right
 * when they hold nothing or the scheme allows concurrent postings; else `PostingHeld` naming the first one held.
 *
 * @category predicates
 * @since 0.1.0
 */
export const checkOnePosting = (
  personId: string,
  param: Param<boolean> | undefined,
  held: ReadonlyArray<HeldPosting>,
): Either.Either<void, PostingHeld> => {
  const first = held[0]
  if (first === undefined || allowsConcurrentPostings(param)) return Either.void
  const citation: Citation | undefined = param?._tag === "Cited" ? param.citation : undefined
  return Either.left(
    new PostingHeld({
      personId,
      held: first,
      ...(citation === undefined ? {} : { clause: formatCitation(citation) }),
    }),
  )
}
