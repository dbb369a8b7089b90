export * from "./IdNumber.js"
export * from "./Mask.js"
export * from "./Profile.js"
