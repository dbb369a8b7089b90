/**
 * One person, one file (一人一档): 003 三 规范备案管理 "建立社区党组织书记全周期成长档案，实行“一人一档”……做到新任及时
 * 建档、离任统一封存、变动及时更新"; its contents as 001 五1 lists them (登记表、考察材料、民主推荐情况、年度考核测评情况、
 * 教育培训和奖惩资料) and 004 晋城 管理考核 六是 (登记表、季度工作报告、期满工作总结、年度考核登记表、期满考核鉴定表).
 *
 * Entries are kept in order of date, then kind (the order of ARCHIVE_KINDS), then arrival. Once sealed (on exit:
 * 离任统一封存) the archive is read-only: every append, and a second seal, is refused and changes nothing.
 *
 * A person dispatched again later keeps one file: the new placement `reopen`s it as a new volume (卷). The sealed
 * volumes stay as they were — their entries can never move, change or be joined by an earlier-dated one — and
 * the new volume takes entries dated from its opening on. The seeds are silent on re-dispatch; "一人一档" and
 * "离任统一封存" together read as one file per person with sealed parts, not a second file.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import { PersonId } from "../person/Profile.js"
import { Citation } from "../shared/Citation.js"
import { compare, LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"
import { isClosed, type Placement } from "./Placement.js"

const NonEmpty = Schema.NonEmptyTrimmedString

/**
 * The kinds of material a cadre's archive holds, in display order.
 *
 * @category constants
 * @since 0.1.0
 */
export const ARCHIVE_KINDS = [
  "registration_form", // 登记表 / 报名表
  "inspection", // 考察材料、巡查（查岗）记录
  "recommendation", // 民主推荐、单位推荐
  "placement_change", // 任职、见习、调整等变动
  "report", // 季度工作报告、半年汇报、期满总结
  "assessment", // 年度考核、期满考核鉴定
  "training", // 教育培训
  "reward", // 奖励
  "penalty", // 惩戒
] as const
/**
 * The kind of one archive entry (one value of {@link ARCHIVE_KINDS}).
 *
 * @category schemas
 * @since 0.1.0
 */
export const ArchiveKind = Schema.Literal(...ARCHIVE_KINDS).annotations({
  identifier: "ArchiveKind",
  title: "档案材料类别 / archive entry kind",
})
/**
 * The decoded value of the {@link ArchiveKind} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ArchiveKind = typeof ArchiveKind.Type

/**
 * Display labels of each archive entry kind, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const ARCHIVE_KIND_LABELS: Readonly<Record<ArchiveKind, Text>> = {
  registration_form: { zh: "登记表", en: "registration form" },
  inspection: { zh: "考察、巡查材料", en: "inspection" },
  recommendation: { zh: "推荐情况", en: "recommendation" },
  placement_change: { zh: "任职变动", en: "placement change" },
  report: { zh: "工作报告", en: "report" },
  assessment: { zh: "考核", en: "assessment" },
  training: { zh: "教育培训", en: "training" },
  reward: { zh: "奖励", en: "reward" },
  penalty: { zh: "惩戒", en: "penalty" },
}

/**
 * One item filed in a cadre's archive: its kind, date, title and reference.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ArchiveEntry = Schema.Struct({
  id: NonEmpty,
  date: LocalDate,
  kind: ArchiveKind,
  title: Text,
  /** The record the entry files (a report submission, an assessment, a training record…). */
  ref: Schema.optional(Schema.String),
  citation: Schema.optional(Citation),
}).annotations({ identifier: "ArchiveEntry", title: "档案材料 / archive entry" })
/**
 * The decoded value of the {@link ArchiveEntry} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ArchiveEntry = typeof ArchiveEntry.Type

const Seal = Schema.Struct({ on: LocalDate, reason: Text })

/**
 * A sealed volume: opened on `openedOn`, sealed, holding the archive's first `entryCount` entries in all.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ArchiveVolume = Schema.Struct({
  openedOn: LocalDate,
  sealed: Seal,
  entryCount: Schema.NonNegativeInt,
}).annotations({ identifier: "ArchiveVolume", title: "已封存档案卷 / sealed volume" })
/**
 * The decoded value of the {@link ArchiveVolume} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ArchiveVolume = typeof ArchiveVolume.Type

/**
 * A cadre's archive (一人一档): the current volume's entries, its seal, and the closed volumes.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Archive = Schema.Struct({
  personId: PersonId,
  /** When the current volume was opened (the first placement's date, or the latest reopening). */
  openedOn: LocalDate,
  entries: Schema.Array(ArchiveEntry),
  sealed: Schema.optional(Seal),
  /** Earlier volumes, sealed, oldest first; absent until the archive is reopened. */
  closedVolumes: Schema.optional(Schema.Array(ArchiveVolume)),
}).annotations({ identifier: "PersonArchive", title: "一人一档 / personal archive" })
/**
 * The decoded value of the {@link Archive} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Archive = typeof Archive.Type

/**
 * An archive without its entries: what the store keeps in one row per person (the entries are rows of their own,
 * so filing one never rewrites the file — issue 15). The rules below decide on it and an {@link ArchiveTally}.
 *
 * @category schemas
 * @since 0.2.0
 */
export const ArchiveHeader = Schema.Struct({
  personId: PersonId,
  openedOn: LocalDate,
  sealed: Schema.optional(Seal),
  closedVolumes: Schema.optional(Schema.Array(ArchiveVolume)),
}).annotations({ identifier: "PersonArchiveHeader", title: "一人一档（卷首） / archive header" })
/**
 * The decoded value of the {@link ArchiveHeader} schema.
 *
 * @category models
 * @since 0.2.0
 */
export type ArchiveHeader = typeof ArchiveHeader.Type

/**
 * What the rules need to know of the entries already filed: how many in all, and the latest date among them.
 *
 * @category models
 * @since 0.2.0
 */
export interface ArchiveTally {
  readonly entryCount: number
  readonly lastEntryDate: LocalDate | undefined
}

/**
 * The longest title of an entry filed by hand, per language (a title is a line in a file, not a document).
 *
 * @category constants
 * @since 0.2.0
 */
export const ARCHIVE_TITLE_MAX = 200

const TitleLine = (title: string) =>
  Schema.NonEmptyTrimmedString.pipe(
    Schema.maxLength(ARCHIVE_TITLE_MAX, {
      message: () => `不超过 ${ARCHIVE_TITLE_MAX} 个字符 / at most ${ARCHIVE_TITLE_MAX} characters`,
    }),
  ).annotations({ title })

/**
 * The title of an entry filed by hand: Chinese and English, each one line of at most {@link ARCHIVE_TITLE_MAX}.
 *
 * @category schemas
 * @since 0.2.0
 */
export const ArchiveTitle = Schema.Struct({
  zh: TitleLine("材料名称（中文） / title (Chinese)"),
  en: TitleLine("材料名称（英文） / title (English)"),
}).annotations({ identifier: "ArchiveTitle", title: "材料名称 / title" })

/**
 * The archive's header (everything but the entries).
 *
 * @category getters
 * @since 0.2.0
 */
export const headerOf = (a: Archive): ArchiveHeader => {
  const { entries: _entries, ...header } = a
  return header
}

/**
 * The tally of an archive held whole.
 *
 * @category getters
 * @since 0.2.0
 */
export const tallyOf = (a: Archive): ArchiveTally => ({
  entryCount: a.entries.length,
  lastEntryDate: a.entries.at(-1)?.date,
})

/**
 * The number (1-based) of the volume new entries go into: after the sealed ones.
 *
 * @category getters
 * @since 0.2.0
 */
export const currentVolume = (h: ArchiveHeader): number => (h.closedVolumes?.length ?? 0) + 1

/**
 * Why an archive change is refused (sealed, duplicate entry, not sealed, dated before the volume, …).
 *
 * @category schemas
 * @since 0.1.0
 */
export const ArchiveReason = Schema.Literal(
  "sealed",
  "duplicate_entry",
  "seal_before_entries",
  "not_sealed",
  "before_volume",
)
/**
 * The decoded value of the {@link ArchiveReason} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ArchiveReason = typeof ArchiveReason.Type

/**
 * An archive change refused, with its reason and a bilingual explanation.
 *
 * @category errors
 * @since 0.1.0
 */
export class ArchiveRefused extends Schema.TaggedError<ArchiveRefused>()("ArchiveRefused", {
  reason: ArchiveReason,
  detail: Text,
}) {
  get text(): Text {
    return { zh: `档案不能修改：${this.detail.zh}`, en: `The archive cannot be changed: ${this.detail.en}` }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

const t = (zh: string, en: string): Text => ({ zh, en })
const kindRank = (k: ArchiveKind): number => ARCHIVE_KINDS.indexOf(k)

/**
 * Date, then kind: negative when `a` files before `b`.
 *
 * @category utils
 * @since 0.1.0
 */
export const entryOrder = (a: ArchiveEntry, b: ArchiveEntry): number =>
  compare(a.date, b.date) || kindRank(a.kind) - kindRank(b.kind)

/**
 * A new, empty archive for a person, opened on the given date.
 *
 * @category constructors
 * @since 0.1.0
 */
export const openArchive = (personId: PersonId, openedOn: LocalDate): Archive => ({
  personId,
  openedOn,
  entries: [],
})

const sealedError = (a: ArchiveHeader) =>
  new ArchiveRefused({
    reason: "sealed",
    detail: t(
      `档案已于 ${a.sealed?.on} 封存（${a.sealed?.reason.zh}），只能查阅`,
      `the archive was sealed on ${a.sealed?.on} (${a.sealed?.reason.en}) and is read-only`,
    ),
  })

/**
 * File an entry in its place (after entries of the same date and kind already there).
 *
 * @category rules
 * @since 0.1.0
 */
export const append = (a: Archive, entry: ArchiveEntry): Either.Either<Archive, ArchiveRefused> =>
  Either.map(
    admit(
      headerOf(a),
      entry,
      a.entries.some((e) => e.id === entry.id),
    ),
    () => {
      const frozen = frozenCount(a)
      // Only the open volume's entries are ordered against the new one; sealed volumes never move.
      const found = a.entries.slice(frozen).findIndex((e) => entryOrder(entry, e) < 0)
      const at = found < 0 ? -1 : frozen + found
      const entries =
        at < 0 ? [...a.entries, entry] : [...a.entries.slice(0, at), entry, ...a.entries.slice(at)]
      return { ...a, entries }
    },
  )

/**
 * May `entry` be filed in the archive with this header? Refused when sealed, when an entry with its id is already
 * there (`duplicate`: the store answers that), or when it is dated before the open volume of a reopened file.
 * Where it goes is the store's order: volume, date, kind, arrival.
 *
 * @category rules
 * @since 0.2.0
 */
export const admit = (
  h: ArchiveHeader,
  entry: ArchiveEntry,
  duplicate: boolean,
): Either.Either<void, ArchiveRefused> => {
  if (h.sealed !== undefined) return Either.left(sealedError(h))
  if (duplicate)
    return Either.left(
      new ArchiveRefused({
        reason: "duplicate_entry",
        detail: t(`材料 ${entry.id} 已在档案中`, `entry ${entry.id} is already filed`),
      }),
    )
  if (frozenCount(h) > 0 && compare(entry.date, h.openedOn) < 0)
    return Either.left(
      new ArchiveRefused({
        reason: "before_volume",
        detail: t(
          `材料日期 ${entry.date} 早于本卷建档日期 ${h.openedOn}，此前各卷已封存`,
          `the entry's date ${entry.date} precedes this volume's opening on ${h.openedOn}; earlier volumes are sealed`,
        ),
      }),
    )
  return Either.void
}

/**
 * How many entries belong to sealed volumes (0 before the first reopening).
 *
 * @category getters
 * @since 0.1.0
 */
export const frozenCount = (a: ArchiveHeader): number => a.closedVolumes?.at(-1)?.entryCount ?? 0

/**
 * Open a new volume of a sealed archive on `on` (a later placement of the same person): the sealed volume is kept
 * as it is, with its seal; entries from `on` go into the new one. Refused when the archive is not sealed, or when
 * `on` precedes the seal.
 *
 * @category rules
 * @since 0.1.0
 */
export const reopen = (a: Archive, on: LocalDate): Either.Either<Archive, ArchiveRefused> =>
  Either.map(reopenHeader(headerOf(a), tallyOf(a), on), (h) => ({ ...h, entries: a.entries }))

/**
 * {@link reopen} on a header and its tally: the new header (the entries stay where they are).
 *
 * @category rules
 * @since 0.2.0
 */
export const reopenHeader = (
  a: ArchiveHeader,
  tally: ArchiveTally,
  on: LocalDate,
): Either.Either<ArchiveHeader, ArchiveRefused> => {
  const { sealed, ...rest } = a
  if (sealed === undefined)
    return Either.left(
      new ArchiveRefused({
        reason: "not_sealed",
        detail: t("档案未封存，无需新建档案卷", "the archive is not sealed, so no new volume is needed"),
      }),
    )
  if (compare(on, sealed.on) < 0)
    return Either.left(
      new ArchiveRefused({
        reason: "before_volume",
        detail: t(
          `新卷建档日期 ${on} 早于上一卷封存日期 ${sealed.on}`,
          `a new volume on ${on} would precede the last seal on ${sealed.on}`,
        ),
      }),
    )
  const volume: ArchiveVolume = { openedOn: a.openedOn, sealed, entryCount: tally.entryCount }
  return Either.right({ ...rest, openedOn: on, closedVolumes: [...(a.closedVolumes ?? []), volume] })
}

/**
 * Seal the archive (离任统一封存). Refused if already sealed, or dated before the last entry.
 *
 * @category rules
 * @since 0.1.0
 */
export const seal = (a: Archive, on: LocalDate, reason: Text): Either.Either<Archive, ArchiveRefused> =>
  Either.map(sealHeader(headerOf(a), tallyOf(a), on, reason), (h) => ({ ...h, entries: a.entries }))

/**
 * {@link seal} on a header and its tally: the sealed header.
 *
 * @category rules
 * @since 0.2.0
 */
export const sealHeader = (
  a: ArchiveHeader,
  tally: ArchiveTally,
  on: LocalDate,
  reason: Text,
): Either.Either<ArchiveHeader, ArchiveRefused> => {
  if (a.sealed !== undefined) return Either.left(sealedError(a))
  const last = tally.lastEntryDate
  if (last !== undefined && compare(on, last) < 0)
    return Either.left(
      new ArchiveRefused({
        reason: "seal_before_entries",
        detail: t(
          `封存日期 ${on} 早于最后一份材料（${last}）`,
          `sealing on ${on} precedes the last entry (${last})`,
        ),
      }),
    )
  return Either.right({ ...a, sealed: { on, reason } })
}

const ENDING_LABELS: Readonly<Record<NonNullable<Placement["ending"]>["kind"], Text>> = {
  returned_to_unit: { zh: "返回派出单位", en: "returned to the dispatching unit" },
  adjusted: { zh: "调整", en: "adjusted" },
  recalled: { zh: "召回", en: "recalled" },
  exited: { zh: "期满离任", en: "left at the end of the term" },
}

/**
 * Seal when the placement has ended (returned, adjusted, recalled or exited), on the day it ended.
 *
 * @category rules
 * @since 0.1.0
 */
export const sealOnExit = (a: Archive, p: Placement): Either.Either<Archive, ArchiveRefused> => {
  if (!isClosed(p.state) || p.ending === undefined) return Either.right(a)
  return seal(a, p.ending.date, ENDING_LABELS[p.ending.kind])
}
