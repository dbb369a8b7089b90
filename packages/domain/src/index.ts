/**
 * @cadre/domain — the kernel. Pure: imports only `effect`; no I/O, no clock (every date is an argument).
 * Namespaces, one per concept (see docs/architecture.md).
 *
 * @since 0.1.0
 */
export * as Access from "./access/index.js"
export * as Assessment from "./assessment/index.js"
export * as Calendar from "./calendar/index.js"
export * as Decode from "./shared/Decode.js"
export * as Eligibility from "./eligibility/index.js"
export * as Figures from "./figures/index.js"
export * as InPost from "./inpost/index.js"
export * as LocalDate from "./shared/LocalDate.js"
export * as Person from "./person/index.js"
export * as Pool from "./pool/index.js"
export * as Regions from "./region/index.js"
export * as Scheme from "./scheme/index.js"
export * as Selection from "./selection/index.js"
export * as SelfCheck from "./selfcheck/index.js"
export { Citation, cite, formatCitation } from "./shared/Citation.js"
export { type Cited, cited, isCited, type Param, type Unspecified, unspecified } from "./shared/Cited.js"
export { type Lang, Text, text } from "./shared/Text.js"
