/**
 * docs/schemes.md is the integrator's reference for the scheme format (issue 20 item 1: "an integrator configuring
 * a new district today had to read presets and kernel source to find the shapes"). This test keeps it whole: it
 * walks the Scheme Schema and fails when a `_tag` of any of its tagged unions, or a value of any of its closed
 * string enumerations, or a well-known conduct-record kind is not named (in backticks) in the doc; and it decodes
 * every JSON example of the doc with the Schema its fence names (```json decodes=Rule), so an example that drifts
 * from the format fails here.
 *
 * @since 0.1.0
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Either, Schema, SchemaAST as AST } from "effect"
import { describe, expect, it } from "vitest"
import * as Eligibility from "../eligibility/index.js"
import * as Cited from "../shared/Cited.js"
import * as SchemeModule from "./Scheme.js"
import { Scheme } from "./Scheme.js"

const DOC = fileURLToPath(new URL("../../../../docs/schemes.md", import.meta.url))
const doc = readFileSync(DOC, "utf8")

/** What the Schema offers a scheme writer to choose from, found by walking its AST. */
interface Choices {
  /** `_tag` values of the tagged unions and tagged structs, with the path where they occur. */
  readonly tags: Map<string, string>
  /** String literals of closed enumerations (actors, grades, units…), with the path where they occur. */
  readonly literals: Map<string, string>
}

const choicesOf = (root: AST.AST): Choices => {
  const tags = new Map<string, string>()
  const literals = new Map<string, string>()
  const seen = new Set<AST.AST>()
  const walk = (ast: AST.AST, path: string): void => {
    if (seen.has(ast)) return
    seen.add(ast)
    switch (ast._tag) {
      case "Transformation":
        walk(ast.from, path)
        walk(ast.to, path)
        return
      case "Refinement":
        walk(ast.from, path)
        return
      case "Suspend":
        walk(ast.f(), path)
        return
      case "Union":
        for (const t of ast.types) walk(t, path)
        return
      case "TupleType":
        for (const e of ast.elements) walk(e.type, `${path}[]`)
        for (const r of ast.rest) walk(r.type, `${path}[]`)
        return
      case "TypeLiteral":
        for (const p of ast.propertySignatures) {
          const name = String(p.name)
          if (name === "_tag" && AST.isLiteral(p.type) && typeof p.type.literal === "string") {
            if (!tags.has(p.type.literal)) tags.set(p.type.literal, path || "(root)")
          } else walk(p.type, `${path}.${name}`)
        }
        return
      case "Literal":
        if (typeof ast.literal === "string" && !literals.has(ast.literal)) literals.set(ast.literal, path)
        return
      default:
        return
    }
  }
  walk(root, "")
  return { tags, literals }
}

/** The values `text` does not name, in backticks or as a JSON string. */
const missingFrom = (text: string, values: Iterable<string>): ReadonlyArray<string> =>
  [...values].filter((v) => !text.includes(`\`${v}\``) && !text.includes(`"${v}"`))

/** The schemas an example may name: every Schema the scheme module and the eligibility registry export. */
const SCHEMAS = new Map<string, Schema.Schema.Any>(
  [...Object.entries(SchemeModule), ...Object.entries(Eligibility), ...Object.entries(Cited)].flatMap(
    ([k, v]) => (Schema.isSchema(v) ? [[k, v as Schema.Schema.Any] as const] : []),
  ),
)

const schemaNamed = (name: string): Schema.Schema.Any | undefined => {
  const param = /^Param\((\w+)\)$/.exec(name)
  if (param?.[1] !== undefined) {
    const inner = SCHEMAS.get(param[1])
    return inner === undefined ? undefined : (Cited.Param(inner) as unknown as Schema.Schema.Any)
  }
  return SCHEMAS.get(name)
}

interface Example {
  readonly line: number
  readonly info: string
  readonly body: string
}

/** Every fenced JSON block of the doc (```json / ```jsonc), with its info string and its first line. */
const examples = (text: string): ReadonlyArray<Example> => {
  const out: Array<Example> = []
  const fence = /^```(jsonc?)([^\n]*)\n([\s\S]*?)^```/gm
  for (const m of text.matchAll(fence)) {
    out.push({
      line: text.slice(0, m.index).split("\n").length,
      info: `${m[1]}${m[2] ?? ""}`.trim(),
      body: m[3] ?? "",
    })
  }
  return out
}

/** Why an example does not hold (invalid JSON, an unknown schema, a decoding error), or undefined. */
const exampleProblem = (b: Example): string | undefined => {
  let json: unknown
  try {
    json = JSON.parse(b.body)
  } catch (e) {
    return `not JSON: ${String(e)}`
  }
  const name = /decodes=(\S+)/.exec(b.info)?.[1]
  if (name === undefined) return b.info === "json output" ? undefined : "names no schema"
  const schema = schemaNamed(name)
  if (schema === undefined) return `no schema named ${name}`
  const decoded = Schema.decodeUnknownEither(schema as Schema.Schema<unknown, unknown>)(json)
  return Either.isLeft(decoded) ? decoded.left.message : undefined
}

describe("docs/schemes.md covers the scheme format (issue 20 item 1)", () => {
  const { tags, literals } = choicesOf(Scheme.ast)

  it("finds the unions it must cover", () => {
    // The walk reaches every section: a sample from each (rules, stages, cadence, recall, incentives, kinds).
    for (const t of ["AgeRange", "HasTag", "StageDeadline", "InPeriod", "OnEvent", "SurveyRate", "Judged"])
      expect(tags.has(t), t).toBe(true)
    for (const l of ["org_dept", "incompetent", "that_year", "calendar_year", "handover"])
      expect(literals.has(l), l).toBe(true)
  })

  it("names every _tag of the Schema's unions", () => {
    const missing = new Set(missingFrom(doc, tags.keys()))
    expect([...tags].filter(([t]) => missing.has(t)).map(([t, at]) => `${t} (at ${at})`)).toEqual([])
  })

  it("names every value of the Schema's closed enumerations", () => {
    const missing = new Set(missingFrom(doc, literals.keys()))
    expect([...literals].filter(([l]) => missing.has(l)).map(([l, at]) => `${l} (at ${at})`)).toEqual([])
  })

  it("names the conduct-record kinds the seeds use", () => {
    expect(missingFrom(doc, Object.values(Eligibility.CONDUCT_KINDS))).toEqual([])
  })

  const blocks = examples(doc)

  it("has examples, each naming the Schema it decodes with (or marked as output)", () => {
    expect(blocks.length).toBeGreaterThan(20)
    const unnamed = blocks.filter((b) => !/^json (decodes=\S+|output)$/.test(b.info))
    expect(unnamed.map((b) => `line ${b.line}: \`\`\`${b.info}`)).toEqual([])
  })

  it.each(blocks.map((b) => [b.line, b] as const))("the example at line %i decodes", (_line, b) => {
    expect(exampleProblem(b)).toBeUndefined()
  })

  it("fails on a doc that lacks a tag, and on an example that does not decode", () => {
    expect(missingFrom(doc, ["SetByCampaign", "le"])).toEqual([])
    const without = doc.replaceAll("`SetByCampaign`", "").replaceAll('"SetByCampaign"', "")
    expect(missingFrom(without, ["SetByCampaign", "le"])).toEqual(["SetByCampaign"])
    const rule = (extra: string): Example => ({
      line: 1,
      info: "json decodes=Rule",
      body: `{ "_tag": "LacksGrassrootsExperience", "id": "g", "citation": { "document": "d", "clause": "一" },
               "label": { "zh": "缺乏基层工作经历", "en": "Lacks grassroots work" }, "waivable": false${extra} }`,
    })
    expect(exampleProblem(rule(', "thresholdMonths": 12'))).toBeUndefined()
    expect(exampleProblem(rule(', "thresholdMonths": 0'))).toContain("thresholdMonths")
    expect(exampleProblem(rule(""))).toContain("thresholdMonths")
    expect(exampleProblem({ line: 1, info: "json decodes=Param(Pool)", body: "{ // no" })).toContain(
      "not JSON",
    )
    expect(exampleProblem({ line: 1, info: "json decodes=NoSuchSchema", body: "{}" })).toBe(
      "no schema named NoSuchSchema",
    )
  })
})
