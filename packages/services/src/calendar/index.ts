/** The working-day calendar: the public face other aggregates use. */
export { WorkCalendar } from "./WorkCalendar.js"
