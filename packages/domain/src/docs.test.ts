/**
 * The kernel's documentation convention, checked mechanically: every top-level exported declaration of every
 * source module (tests and preset data aside) is preceded by a JSDoc block carrying `@since` and `@category`,
 * and every module opens with a JSDoc block carrying `@since`.
 *
 * A line-based scanner, on purpose: declarations are top-level `export const|let|function|class|interface|type|
 * enum|namespace|declare …` lines, and the JSDoc must end on the line right above (no blank line between).
 *
 * @since 0.1.0
 */
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const SRC = fileURLToPath(new URL(".", import.meta.url))

/** The categories the kernel uses; a typo or a new one must be added here on purpose. */
const CATEGORIES = new Set([
  "models",
  "schemas",
  "constructors",
  "guards",
  "predicates",
  "combinators",
  "getters",
  "errors",
  "utils",
  "constants",
  "rules",
  "fixtures",
])

const DECLARATION =
  /^export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(const|let|var|function\*?|class|interface|type|enum|namespace|declare)\s+([A-Za-z_$][\w$]*)/

const sourceFiles = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(path)
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.endsWith(".d.ts") ? [path] : []
  })

/** Preset data (scheme/presets/*.ts) is data written from the seed documents; its registry is code. */
const isPresetData = (rel: string): boolean =>
  rel.startsWith("scheme/presets/") && rel !== "scheme/presets/index.ts"

/** The JSDoc block that ends on the line right above `line`, if any. */
const jsDocAbove = (lines: ReadonlyArray<string>, line: number): string | undefined => {
  const end = line - 1
  if (end < 0 || !(lines[end] ?? "").trimEnd().endsWith("*/")) return undefined
  for (let i = end; i >= 0; i--) {
    const l = (lines[i] ?? "").trimStart()
    if (l.startsWith("/**")) return lines.slice(i, end + 1).join("\n")
    if (l.startsWith("/*")) return undefined
  }
  return undefined
}

/** Problems with one module's text; empty when it follows the convention. */
const conventionProblems = (text: string): ReadonlyArray<string> => {
  const lines = text.split("\n")
  const problems: Array<string> = []
  const first = lines.findIndex((l) => l.trim() !== "")
  if (!(lines[first] ?? "").trimStart().startsWith("/**")) problems.push("no module comment at the top")
  else {
    const close = lines.findIndex((l, i) => i >= first && l.includes("*/"))
    const block = lines.slice(first, close + 1).join("\n")
    if (DECLARATION.test(lines[close + 1] ?? "")) problems.push("the top comment belongs to a declaration")
    else if (!/@since\s+\S/.test(block)) problems.push("module comment without @since")
  }
  for (const [i, line] of lines.entries()) {
    const m = DECLARATION.exec(line)
    if (m === null) continue
    const where = `line ${i + 1} (${m[2]})`
    const doc = jsDocAbove(lines, i)
    if (doc === undefined) {
      problems.push(`${where}: no JSDoc`)
      continue
    }
    if (!/@since\s+\d+\.\d+\.\d+/.test(doc)) problems.push(`${where}: no @since`)
    const category = /@category\s+(\S+)/.exec(doc)?.[1]
    if (category === undefined) problems.push(`${where}: no @category`)
    else if (!CATEGORIES.has(category)) problems.push(`${where}: unknown @category ${category}`)
  }
  return problems
}

describe("documentation convention (@since / @category)", () => {
  const files = sourceFiles(SRC)
    .map((path) => relative(SRC, path).replaceAll("\\", "/"))
    .filter((rel) => !isPresetData(rel))
    .sort()

  it("scans the kernel's modules", () => {
    expect(files).toContain("index.ts")
    expect(files).toContain("selection/Transition.ts")
    expect(files.length).toBeGreaterThan(80)
  })

  it.each(files)("%s", (rel) => {
    expect(conventionProblems(readFileSync(join(SRC, rel), "utf8"))).toEqual([])
  })

  it("catches a missing tag, a missing comment and a detached comment", () => {
    const ok =
      "/**\n * M.\n *\n * @since 0.1.0\n */\n\n/**\n * X.\n *\n * @category models\n * @since 0.1.0\n */\nexport type X = 1\n"
    expect(conventionProblems(ok)).toEqual([])
    expect(conventionProblems(ok.replace(" * @category models\n", ""))).toEqual(["line 12 (X): no @category"])
    expect(conventionProblems(ok.replace(" * @since 0.1.0\n */\nexport", " */\nexport"))).toEqual([
      "line 12 (X): no @since",
    ])
    expect(conventionProblems(ok.replace("*/\nexport", "*/\n\nexport"))).toEqual(["line 14 (X): no JSDoc"])
    expect(conventionProblems(ok.replace("@category models", "@category stuff"))).toEqual([
      "line 13 (X): unknown @category stuff",
    ])
    expect(conventionProblems("export const y = 1\n")).toEqual([
      "no module comment at the top",
      "line 1 (y): no JSDoc",
    ])
    expect(conventionProblems(ok.slice(ok.indexOf("/**\n * X.")))).toEqual([
      "the top comment belongs to a declaration",
    ])
  })
})
