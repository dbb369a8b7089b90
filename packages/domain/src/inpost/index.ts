/**
 * In post (任职管理), issue 5's kernel part: the placement lifecycle under one scheme version (probation,
 * confirmation, term end, stay-on, recall, adjustment, exit, relations), report obligations generated from the
 * scheme, leave routed by the scheme's tiers, mentoring capacity and training minimums, and the sealed
 * one-person-one-file archive.
 *
 * @since 0.1.0
 */
export * from "./Actors.js"
export * from "./Archive.js"
export * from "./Dates.js"
export * from "./Leave.js"
export * from "./Mentoring.js"
export * from "./Obligations.js"
export * from "./Placement.js"
export * from "./Postings.js"
export * from "./Training.js"
