/**
 * A scheme's identity: its id, the region that owns it, its programme kind and the documents it is written from.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { LocalDate } from "../../shared/LocalDate.js"
import { Text } from "../../shared/Text.js"

/**
 * A scheme's id: lowercase letters, digits and hyphens.
 *
 * @category schemas
 * @since 0.1.0
 */
export const SchemeId = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9][a-z0-9-]*$/, {
    message: () =>
      "方案编号只能包含小写字母、数字和连字符 / scheme id: lowercase letters, digits and hyphens",
  }),
  Schema.maxLength(80),
  Schema.brand("SchemeId"),
).annotations({ identifier: "SchemeId", title: "方案编号 / scheme id" })
/**
 * The decoded value of the {@link SchemeId} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SchemeId = typeof SchemeId.Type

/**
 * The region that owns the scheme. Same brand name as region/RegionId so the two are interchangeable; kept
 * loose here (any non-empty string, e.g. an administrative division code "310110") to avoid a dependency on the
 * region module's validation.
 *
 * @category schemas
 * @since 0.1.0
 */
export const RegionId = Schema.String.pipe(Schema.minLength(1), Schema.brand("RegionId")).annotations({
  identifier: "SchemeRegionId",
  title: "地区 / region",
})
/**
 * The decoded value of the {@link RegionId} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type RegionId = typeof RegionId.Type

/**
 * The direction of a secondment: up, down, lateral or external.
 *
 * @category schemas
 * @since 0.1.0
 */
export const SecondmentDirection = Schema.Literal("up", "down", "lateral", "external").annotations({
  identifier: "SecondmentDirection",
  title: "挂职方向（上挂/下挂/平挂/外挂） / secondment direction",
})
/**
 * The decoded value of the {@link SecondmentDirection} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SecondmentDirection = typeof SecondmentDirection.Type

/**
 * Programme kinds (POLICIES "Programme kinds").
 *
 * @category schemas
 * @since 0.1.0
 */
export const SchemeKind = Schema.Union(
  /** 选派干部担任居民区党组织书记 (000) */
  Schema.TaggedStruct("CommunitySecretaryDispatch", {}),
  /** 村/社区党组织第一书记 (002, 003) */
  Schema.TaggedStruct("FirstSecretary", {}),
  /** 社区后备干部 (001, 003) */
  Schema.TaggedStruct("ReservePool", {}),
  /** 挂职锻炼 (004) */
  Schema.TaggedStruct("Secondment", { direction: SecondmentDirection }),
  /** 社区党组织书记队伍"选育管评用" (003) */
  Schema.TaggedStruct("CommunitySecretaryTeam", {}),
).annotations({ identifier: "SchemeKind", title: "项目类型 / programme kind" })
/**
 * The decoded value of the {@link SchemeKind} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SchemeKind = typeof SchemeKind.Type

/**
 * A document the scheme's citations point to; `id` is what `Citation.document` holds (e.g. "000").
 *
 * @category schemas
 * @since 0.1.0
 */
export const SourceDocument = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  title: Text,
  issuer: Schema.optional(Schema.String).annotations({ title: "发文机关 / issuer" }),
  /** 文号, as printed (may be incomplete in a draft, e.g. "杨委组〔2020〕  号"). */
  number: Schema.optional(Schema.String).annotations({ title: "文号 / document number" }),
  issuedOn: Schema.optional(LocalDate).annotations({ title: "成文日期 / issued on" }),
}).annotations({ identifier: "SourceDocument", title: "依据文件 / source document" })
/**
 * The decoded value of the {@link SourceDocument} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SourceDocument = typeof SourceDocument.Type
