// Export figures: how long the roster (花名册) takes and how big it is at 1,000 and 10,000 rows, and what one
// registration form (报名表, A4 PDF with the subset CJK font) costs cold and warm. Prints figures; asserts nothing
// about time (tests never do). Run: pnpm bench (here, or at the root through turbo).
import { performance } from "node:perf_hooks"
import { formInput, manyRosterRows, rosterInput } from "../src/fixtures.js"
import { registrationFormPdf, rosterXlsx } from "../src/index.js"

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

const measure = async <A>(run: () => Promise<A>) => {
  const heapBefore = process.memoryUsage().heapUsed
  const rssBefore = process.memoryUsage().rss
  const started = performance.now()
  const result = await run()
  const ms = performance.now() - started
  const after = process.memoryUsage()
  return { result, ms, heapGrowth: after.heapUsed - heapBefore, rssGrowth: after.rss - rssBefore }
}

const ROSTER_TARGET_MS = Number(process.env.ROSTER_TARGET_MS ?? 5_000)
const FORM_TARGET_MS = Number(process.env.FORM_TARGET_MS ?? 1_000)

console.log("exports bench (Node %s, %s)", process.version, process.arch)
for (const n of [1_000, 10_000]) {
  const rows = manyRosterRows(n)
  const { result, ms, heapGrowth, rssGrowth } = await measure(() => rosterXlsx(rosterInput(rows)))
  console.log(
    `花名册 roster ${n.toLocaleString("en")} rows: ${ms.toFixed(0)} ms, ${kb(result.byteLength)}, ` +
      `heap +${mb(heapGrowth)}, rss +${mb(rssGrowth)} — ${(n / (ms / 1000)).toFixed(0)} rows/s` +
      (n === 10_000
        ? ` (target ≤ ${ROSTER_TARGET_MS} ms: ${ms <= ROSTER_TARGET_MS ? "met" : "MISSED"})`
        : ""),
  )
}

const cold = await measure(() => registrationFormPdf(formInput()))
console.log(
  `报名表 registration form, first (font load + subset): ${cold.ms.toFixed(0)} ms, ${kb(cold.result.byteLength)}`,
)
const WARM = 20
const warm = await measure(async () => {
  let bytes = 0
  for (let i = 0; i < WARM; i++) bytes += (await registrationFormPdf(formInput())).byteLength
  return bytes
})
const perForm = warm.ms / WARM
console.log(
  `报名表 registration form, warm: ${perForm.toFixed(0)} ms each over ${WARM}, ` +
    `heap +${mb(warm.heapGrowth)} — target ≤ ${FORM_TARGET_MS} ms: ${perForm <= FORM_TARGET_MS ? "met" : "MISSED"}`,
)
