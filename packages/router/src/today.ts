import type { LocalDate } from "@cadre/domain"
import type { Context } from "./context.js"

/**
 * Today's date in China (Asia/Shanghai): the one clock every procedure reads. The kernel never reads a clock,
 * so each move is given its date from here; the composition root may fix it (FIXED_TODAY for demos and browser
 * tests, a movable clock for tests that run a campaign over months) through `deps.today`.
 */
export const todayOf = (ctx: Pick<Context, "deps">): LocalDate.LocalDate =>
  (ctx.deps.today?.() ?? chinaToday()) as LocalDate.LocalDate

const chinaToday = (): string =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date())
