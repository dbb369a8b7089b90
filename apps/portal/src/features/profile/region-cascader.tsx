import { Cascader } from "antd"

/** A district an applicant may choose, with its names from the province down (安徽省, 淮北市, 淮上区). */
export interface RegionChoice {
  readonly regionId: string
  readonly names: ReadonlyArray<string>
}

interface RegionOption {
  readonly value: string
  readonly label: string
  readonly children?: Array<RegionOption>
}

/** Intermediate levels are keyed by their names so far, leaves by the region id (never shown). */
const levelKey = (names: ReadonlyArray<string>): string => `names:${names.join("/")}`

/**
 * The choices as a tree by name (province → city → district): what a cascader shows. A choice without names is
 * a top-level leaf under `fallbackLabel` (the district already on the profile, when no campaign is open there).
 */
export const regionTree = (
  choices: ReadonlyArray<RegionChoice>,
  fallbackLabel: string,
): ReadonlyArray<RegionOption> => {
  const roots: Array<RegionOption> = []
  for (const c of choices) {
    const names = c.names.length === 0 ? [fallbackLabel] : c.names
    let level = roots
    names.forEach((name, i) => {
      const last = i === names.length - 1
      const value = last ? c.regionId : levelKey(names.slice(0, i + 1))
      let node = level.find((o) => o.value === value)
      if (node === undefined) {
        node = last ? { value, label: name } : { value, label: name, children: [] }
        level.push(node)
      }
      level = node.children ?? []
    })
  }
  return roots
}

/** The path of option values down to a region id, or undefined when it is not among the choices. */
export const pathTo = (tree: ReadonlyArray<RegionOption>, regionId: string): Array<string> | undefined => {
  for (const o of tree) {
    if (o.children === undefined) {
      if (o.value === regionId) return [o.value]
    } else {
      const below = pathTo(o.children, regionId)
      if (below !== undefined) return [o.value, ...below]
    }
  }
  return undefined
}

/**
 * 所属区县 picked by name, level by level (GOV.UK asks for places by name, never a code): the form holds the
 * region id, the applicant sees 安徽省 / 淮北市 / 淮上区. Typing filters by any level's name.
 */
export const RegionCascader = ({
  id,
  value,
  onChange,
  choices,
  fallbackLabel,
}: {
  readonly id?: string
  readonly value?: string
  readonly onChange?: (regionId: string | undefined) => void
  readonly choices: ReadonlyArray<RegionChoice>
  readonly fallbackLabel: string
}) => {
  const tree = regionTree(choices, fallbackLabel)
  const path = value === undefined ? undefined : pathTo(tree, value)
  return (
    <Cascader
      {...(id === undefined ? {} : { id })}
      {...(path === undefined ? {} : { value: path })}
      options={tree as Array<RegionOption>}
      onChange={(path) => onChange?.(path === undefined ? undefined : String(path.at(-1)))}
      showSearch={{
        filter: (typed, path) => path.some((o) => String(o.label).includes(typed.trim())),
      }}
      displayRender={(labels) => labels.join(" / ")}
      expandTrigger="click"
      style={{ width: "100%" }}
    />
  )
}
