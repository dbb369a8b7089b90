// axe-core in the page, for the admin's and the portal's accessibility checks (issue 16 item 4, issue 17 item 5).
import { createRequire } from "node:module"

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js")

/** The WCAG rule sets both apps are held to. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

/**
 * @typedef {object} Violation
 * @property {string} id
 * @property {string | null} impact
 * @property {string} help
 * @property {ReadonlyArray<{ target: ReadonlyArray<string>; failureSummary?: string }>} nodes
 */

/**
 * axe-core's serious and critical violations (WCAG 2.1 A and AA) on the page as it is now, one line each naming
 * the rule, the elements and why, so a failing test says what to fix.
 * @param {import("playwright-core").Page} page
 * @returns {Promise<ReadonlyArray<string>>}
 */
export const seriousViolations = async (page) => {
  await page.addScriptTag({ path: axePath })
  /** @type {Violation[]} */
  const violations = await page.evaluate(async (values) => {
    const axe = /** @type {{ axe: { run: (o: unknown) => Promise<{ violations: Violation[] }> } }} */ (
      /** @type {unknown} */ (window)
    ).axe
    const result = await axe.run({ runOnly: { type: "tag", values } })
    return result.violations
  }, WCAG_21_AA)
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")} (${v.nodes[0]?.failureSummary ?? ""})`,
    )
}
