import type { Preset } from "../Preset.js"
import { jinchengSecondment } from "./jincheng-secondment.js"

/** Seed 004, Jincheng: 平挂 (lateral secondment). Built from the shared Jincheng rules (jincheng-secondment.ts). */
export const jinchengSecondmentLateral: Preset = jinchengSecondment("lateral")
