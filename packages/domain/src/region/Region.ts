/**
 * Administrative regions and the units that send or receive cadres. The platform is deployed per district
 * (区委组织部) but regions above it are kept so that a city or province can see across districts.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"

/**
 * The alphabet of a region id: letters, digits and inner hyphens, 1–64 characters. A region's path joins its
 * ancestors' ids with "/" and scopes match by prefix (SQL `LIKE`), so an id with "/", "_" or "%" could make two
 * regions share a path and one scope see the other's people (issue 15: `sx/y` and `sx_y`).
 *
 * @category constants
 * @since 0.1.0
 */
export const REGION_ID_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$/

/**
 * Identifier of a region: usually its administrative division code (行政区划代码), else a stable key in
 * {@link REGION_ID_PATTERN}'s safe alphabet.
 *
 * @category schemas
 * @since 0.1.0
 */
export const RegionId = Schema.String.pipe(
  Schema.filter(
    (s) =>
      REGION_ID_PATTERN.test(s) ||
      "区域编号只能由字母、数字和连字符组成（1–64 位，首尾不能是连字符） / a region id is letters, digits and inner hyphens (1–64 characters)",
  ),
  Schema.brand("RegionId"),
).annotations({
  identifier: "RegionId",
  title: "区域编号 / region id",
})
/**
 * The decoded value of the {@link RegionId} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type RegionId = typeof RegionId.Type

/**
 * Identifier of a unit (单位).
 *
 * @category schemas
 * @since 0.1.0
 */
export const UnitId = Schema.NonEmptyTrimmedString.pipe(Schema.brand("UnitId")).annotations({
  identifier: "UnitId",
  title: "单位编号 / unit id",
})
/**
 * The decoded value of the {@link UnitId} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type UnitId = typeof UnitId.Type

/**
 * The ladder of administrative levels, top down:
 * province 省 › city 市 › district 区/县 › street 街道 | township 乡镇 › community 社区 | village 村.
 *
 * @category constants
 * @since 0.1.0
 */
export const REGION_LEVELS = [
  "province",
  "city",
  "district",
  "street",
  "township",
  "community",
  "village",
] as const
/**
 * A region's level (one value of {@link REGION_LEVELS}).
 *
 * @category schemas
 * @since 0.1.0
 */
export const RegionLevel = Schema.Literal(...REGION_LEVELS).annotations({
  identifier: "RegionLevel",
  title: "区域层级 / region level",
})
/**
 * The decoded value of the {@link RegionLevel} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type RegionLevel = typeof RegionLevel.Type

/**
 * Names of the levels for messages.
 *
 * @category constants
 * @since 0.1.0
 */
export const REGION_LEVEL_LABELS: Readonly<
  Record<RegionLevel, { readonly zh: string; readonly en: string }>
> = {
  province: { zh: "省级", en: "province" },
  city: { zh: "市级", en: "city" },
  district: { zh: "区（县）", en: "district" },
  street: { zh: "街道", en: "street" },
  township: { zh: "乡镇", en: "township" },
  community: { zh: "社区", en: "community" },
  village: { zh: "村", en: "village" },
}

/**
 * Rung on the ladder (0 = province); street and township share a rung, so do community and village.
 *
 * @category getters
 * @since 0.1.0
 */
export const levelRank = (level: RegionLevel): number => {
  switch (level) {
    case "province":
      return 0
    case "city":
      return 1
    case "district":
      return 2
    case "street":
    case "township":
      return 3
    case "community":
    case "village":
      return 4
  }
}

/**
 * Which levels may be the parent of a region of a given level. A district may sit directly under a province
 * (the districts of a municipality such as 上海市杨浦区); a street or township must be under a district, a
 * community or village under a street or township. A region without a parent may be of any level: a deployment
 * may start at its own district.
 *
 * @category constants
 * @since 0.1.0
 */
export const ALLOWED_PARENT_LEVELS: Readonly<Record<RegionLevel, ReadonlyArray<RegionLevel>>> = {
  province: [],
  city: ["province"],
  district: ["city", "province"],
  street: ["district"],
  township: ["district"],
  community: ["street", "township"],
  village: ["street", "township"],
}

/**
 * Whether a region of level `child` may sit directly under one of level `parent`.
 *
 * @category predicates
 * @since 0.1.0
 */
export const canBeParentOf = (parent: RegionLevel, child: RegionLevel): boolean =>
  ALLOWED_PARENT_LEVELS[child].includes(parent)

/**
 * An administrative region; `parentId` is absent for the top of a deployment's tree.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Region = Schema.Struct({
  id: RegionId,
  name: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100)).annotations({
    title: "区域名称 / region name",
  }),
  level: RegionLevel,
  parentId: Schema.optional(RegionId).annotations({ title: "上级区域 / parent region" }),
}).annotations({ identifier: "Region", title: "区域 / region" })
/**
 * The decoded value of the {@link Region} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Region = typeof Region.Type

/**
 * What a unit does in the programmes: sends cadres (派出单位), receives them (接收单位), or both.
 *
 * @category schemas
 * @since 0.1.0
 */
export const UnitRole = Schema.Literal("dispatching", "host").annotations({
  identifier: "UnitRole",
  title: "单位角色（派出、接收） / unit role",
})
/**
 * The decoded value of the {@link UnitRole} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type UnitRole = typeof UnitRole.Type

/**
 * The categories of unit, in display order.
 *
 * @category constants
 * @since 0.1.0
 */
export const UNIT_CATEGORIES = [
  "agency", // 机关
  "public_institution", // 事业单位
  "soe", // 国有企业
  "community", // 社区（居民区）
  "village", // 村
  "petition_bureau", // 信访局
  "key_project", // 重点工程
  "township", // 乡镇（街道）
  "other", // 其他
] as const
/**
 * A unit's category (one value of {@link UNIT_CATEGORIES}).
 *
 * @category schemas
 * @since 0.1.0
 */
export const UnitCategory = Schema.Literal(...UNIT_CATEGORIES).annotations({
  identifier: "UnitCategory",
  title: "单位类别 / unit category",
})
/**
 * The decoded value of the {@link UnitCategory} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type UnitCategory = typeof UnitCategory.Type

/**
 * A unit: an organisation located in a region that dispatches and/or hosts cadres.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Unit = Schema.Struct({
  id: UnitId,
  name: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100)).annotations({
    title: "单位名称 / unit name",
  }),
  regionId: RegionId.annotations({ title: "所在区域 / region" }),
  roles: Schema.NonEmptyArray(UnitRole)
    .pipe(
      Schema.filter(
        (roles) => new Set(roles).size === roles.length || "角色不能重复 / roles must not repeat",
      ),
    )
    .annotations({ title: "单位角色 / roles" }),
  category: UnitCategory,
}).annotations({ identifier: "Unit", title: "单位 / unit" })
/**
 * The decoded value of the {@link Unit} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Unit = typeof Unit.Type

/**
 * Whether the unit may send cadres.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isDispatching = (u: Unit): boolean => u.roles.includes("dispatching")
/**
 * Whether the unit may receive cadres.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isHost = (u: Unit): boolean => u.roles.includes("host")

/**
 * Names of the unit categories, for messages, templates and code lists.
 *
 * @category constants
 * @since 0.1.0
 */
export const UNIT_CATEGORY_LABELS: Readonly<
  Record<UnitCategory, { readonly zh: string; readonly en: string }>
> = {
  agency: { zh: "机关", en: "agency" },
  public_institution: { zh: "事业单位", en: "public institution" },
  soe: { zh: "国有企业", en: "state-owned enterprise" },
  community: { zh: "社区（居民区）", en: "community" },
  village: { zh: "村", en: "village" },
  petition_bureau: { zh: "信访局", en: "petition bureau" },
  key_project: { zh: "重点工程", en: "key project" },
  township: { zh: "乡镇（街道）", en: "township (street)" },
  other: { zh: "其他", en: "other" },
}

/**
 * Names of the unit roles: 派出单位 sends cadres, 接收单位 hosts them.
 *
 * @category constants
 * @since 0.1.0
 */
export const UNIT_ROLE_LABELS: Readonly<Record<UnitRole, { readonly zh: string; readonly en: string }>> = {
  dispatching: { zh: "派出", en: "dispatching" },
  host: { zh: "接收", en: "host" },
}
