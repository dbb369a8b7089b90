import type { Preset } from "../Preset.js"
import { yangpuCommunitySecretary } from "./yangpu-community-secretary.js"

/** Every preset, one per seed region and programme. Add a line when you add a preset file. */
export const PRESETS: ReadonlyArray<Preset> = [yangpuCommunitySecretary]

/** A preset by key. */
export const presetByKey = (key: string): Preset | undefined => PRESETS.find((p) => p.key === key)

export { yangpuCommunitySecretary }
