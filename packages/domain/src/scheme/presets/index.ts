/**
 * The preset registry: every preset, and a look-up by key.
 *
 * @since 0.1.0
 */

import type { Preset } from "../Preset.js"
import { anqiuDownSecondment } from "./anqiu-down-secondment.js"
import { daanFirstSecretary } from "./daan-first-secretary.js"
import { guizhouStreetReservePool } from "./guizhou-street-reserve-pool.js"
import { hangzhouKeyProjectSecondment } from "./hangzhou-key-project-secondment.js"
import { huaishangVillagePosting } from "./huaishang-village-posting.js"
import { jiangdongPetitionSecondment } from "./jiangdong-petition-secondment.js"
import { jinchengSecondmentDown } from "./jincheng-secondment-down.js"
import { jinchengSecondmentExternal } from "./jincheng-secondment-external.js"
import { jinchengSecondmentLateral } from "./jincheng-secondment-lateral.js"
import { jinchengSecondmentUp } from "./jincheng-secondment-up.js"
import { secretaryTeamManagement } from "./secretary-team-management.js"
import { yangpuCommunitySecretary } from "./yangpu-community-secretary.js"

/**
 * Every preset, one per seed region and programme. Add a line when you add a preset file.
 *
 * @category constants
 * @since 0.1.0
 */
export const PRESETS: ReadonlyArray<Preset> = [
  yangpuCommunitySecretary,
  guizhouStreetReservePool,
  daanFirstSecretary,
  secretaryTeamManagement,
  jinchengSecondmentUp,
  jinchengSecondmentDown,
  jinchengSecondmentLateral,
  jinchengSecondmentExternal,
  anqiuDownSecondment,
  jiangdongPetitionSecondment,
  huaishangVillagePosting,
  hangzhouKeyProjectSecondment,
]

/**
 * A preset by key.
 *
 * @category getters
 * @since 0.1.0
 */
export const presetByKey = (key: string): Preset | undefined => PRESETS.find((p) => p.key === key)

export {
  anqiuDownSecondment,
  daanFirstSecretary,
  guizhouStreetReservePool,
  hangzhouKeyProjectSecondment,
  huaishangVillagePosting,
  jiangdongPetitionSecondment,
  jinchengSecondmentDown,
  jinchengSecondmentExternal,
  jinchengSecondmentLateral,
  jinchengSecondmentUp,
  secretaryTeamManagement,
  yangpuCommunitySecretary,
}
