export * as LocalDate from "./shared/LocalDate.js"
