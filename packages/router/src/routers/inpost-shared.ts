import { LocalDate } from "@cadre/domain"
import { Id } from "./shared.js"

/** Input building blocks the in-post routers (reports, leave, inspections, mentoring, training) share. */

export const PlacementId = Id("任职安排编号 / placement id")
export const Day = (title: string) => LocalDate.LocalDate.annotations({ title })
