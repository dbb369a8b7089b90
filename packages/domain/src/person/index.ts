/**
 * People (人员): the cadre profile, citizen ID numbers and display masks.
 *
 * @since 0.1.0
 */

export * from "./IdNumber.js"
export * from "./Mask.js"
export * from "./Profile.js"
export * from "./Record.js"
