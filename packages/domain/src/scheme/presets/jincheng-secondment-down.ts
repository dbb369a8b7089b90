import type { Preset } from "../Preset.js"
import { jinchengSecondment } from "./jincheng-secondment.js"

/** Seed 004, Jincheng: 下挂 (down secondment). Built from the shared Jincheng rules (jincheng-secondment.ts). */
export const jinchengSecondmentDown: Preset = jinchengSecondment("down")
