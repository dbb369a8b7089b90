import type { Preset } from "../Preset.js"
import { jinchengSecondment } from "./jincheng-secondment.js"

/** Seed 004, Jincheng: 外挂 (external secondment). Built from the shared Jincheng rules (jincheng-secondment.ts). */
export const jinchengSecondmentExternal: Preset = jinchengSecondment("external")
