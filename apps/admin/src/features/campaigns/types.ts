import type { RouterInputs, RouterOutputs } from "@cadre/client"

export type Campaign = RouterOutputs["campaigns"]["get"]
export type Schedule = RouterOutputs["campaigns"]["schedule"]
export type ApplicationRow = RouterOutputs["applications"]["list"]["items"][number]
export type Step = Campaign["path"]["steps"][number]
/** A move as applications.act takes it. */
export type Move = RouterInputs["applications"]["act"]["move"]
export type StepRecord = Extract<Move, { _tag: "Record" }>["record"]
export type Post = RouterOutputs["posts"]["list"]["items"][number]
