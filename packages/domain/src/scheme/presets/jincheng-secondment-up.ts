import type { Preset } from "../Preset.js"
import { jinchengSecondment } from "./jincheng-secondment.js"

/** Seed 004, Jincheng: 上挂 (up secondment). Built from the shared Jincheng rules (jincheng-secondment.ts). */
export const jinchengSecondmentUp: Preset = jinchengSecondment("up")
