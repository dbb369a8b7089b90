import { TRPCError } from "@trpc/server"
import type { SchemaAST as AST } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { KERNEL_INPUT, type KernelInput } from "./input.js"
import { appRouter } from "./root.js"
import { type Harness, makeHarness, tagOf } from "./test-support.js"
import type { ErrorData, Meta } from "./trpc.js"

/**
 * Issue 15, "inputs never crash": EVERY procedure of `appRouter`, called with hostile inputs — NUL bytes, lone
 * surrogates, 100,000-character strings, values nested thousands deep, wrong types, dates that do not exist or lie
 * far outside the calendar, unknown keys — by a powerful caller (an org dept admin of a district) and by nobody,
 * answers with a mapped error or a result: never INTERNAL_SERVER_ERROR, never a thrown non-tRPC error.
 *
 * Inputs follow each procedure's own input Schema (its keys, literals, arrays and unions, on the encoded side) so
 * that they get past the first check and reach the repositories, with hostile values woven in at every level.
 * One database per shard; RUNS_SIGNED_IN + RUNS_ANONYMOUS ≥ 200 inputs per procedure.
 *
 * The procedures are dealt to SHARDS test files (fuzz-<n>.integration.test.ts), so that vitest's workers share
 * the work: one file of 30,000 calls held a worker for six minutes while the other sat idle. On PostgreSQL (the
 * suite's second half, TEST_DATABASE_URL) each procedure gets a quarter of the inputs: PGlite already ran the
 * full count through the same parser and planner, and the server half is there for what only a server does
 * (its encodings, its connection pool), which 50 hostile inputs per procedure reach as well as 200.
 */

/** How many files the procedures are dealt to; each file names its shard (0 … SHARDS − 1). */
export const SHARDS = 2
const SCALE = process.env.TEST_DATABASE_URL === undefined ? 1 : 0.25
const RUNS_SIGNED_IN = Math.round(160 * SCALE)
const RUNS_ANONYMOUS = Math.round(40 * SCALE)
const RUNS = RUNS_SIGNED_IN + RUNS_ANONYMOUS

type Procedure = { _def: { meta?: Meta; inputs?: ReadonlyArray<unknown>; type: string } }
const PROCEDURES = appRouter._def.procedures as unknown as Record<string, Procedure>

let h: Harness
let org: Record<string, string>

// —— hostile values ——

/** Any UTF-16 code unit, lone surrogates and NUL included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n))
const ids = ["310110", "310110001", "u-yp-mz", "yangpu-community-secretary", "x", "0", "-1"]
const dates = [
  "99999-01-01",
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "1899-12-31",
  "2201-01-01",
  "2026-06-30",
  "2026-06-30T25:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "-271821-04-20",
  "yesterday",
  "2026-06-30T12:00:00+99:00",
]
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "a\u0000b",
    "\u0000",
    "\ud800",
    "x\udc00",
    "\udbff\udbff",
    "",
    " ",
    "  padded  ",
    "\u202e\u200b",
    "🀄️👨‍👩‍👧",
    "' OR 1=1 --",
    "%00",
    "../../etc/passwd",
    "__proto__",
    "NaN",
    "1e309",
    ...ids,
    ...dates,
  ),
  fc.constantFrom("x".repeat(100_000), "中".repeat(20_000), "\u0000".repeat(1000)),
  fc.string({ unit: codeUnit, maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
)
const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 1.5, 2 ** 31, -(2 ** 31), 2 ** 53 + 2, 1e308, -1e308, 5e-324),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)
const nest = (depth: number, leaf: unknown, asObject: boolean): unknown => {
  let v: unknown = leaf
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v]
  return v
}
const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, true, false),
)
const hostileAny: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileScalar },
  {
    weight: 1,
    // Built on demand (fast-check never prints them): deep and wide values, keys that poison prototypes.
    arbitrary: fc.nat(7).map((i): unknown => {
      switch (i) {
        case 0:
          return nest(5000, "x", false)
        case 1:
          return nest(200, 1, true)
        case 2:
          return Array.from({ length: 20_000 }, (_, n) => n)
        case 3:
          return { "a\u0000": 1 }
        case 4:
          return JSON.parse('{"__proto__": {"polluted": true}}')
        case 5:
          return { constructor: { prototype: { polluted: true } } }
        case 6:
          return []
        default:
          return {}
      }
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
)

/** A value shaped like the encoded side of `ast`, with hostile values at any level. */
const shaped = (ast: AST.AST, depth = 0): fc.Arbitrary<unknown> => {
  if (depth > 6) return hostileAny
  const own = ((): fc.Arbitrary<unknown> => {
    switch (ast._tag) {
      case "TypeLiteral": {
        const record: Record<string, fc.Arbitrary<unknown>> = {}
        for (const p of ast.propertySignatures)
          if (typeof p.name === "string") record[p.name] = shaped(p.type, depth + 1)
        const base = fc.record(record, { requiredKeys: [] })
        return fc.oneof(
          { weight: 5, arbitrary: base },
          {
            weight: 1,
            arbitrary: fc
              .tuple(base, hostileString, hostileAny)
              .map(([o, k, v]) => ({ ...(o as object), [k]: v })),
          },
        )
      }
      case "TupleType": {
        const element = ast.rest[0]?.type ?? ast.elements[0]?.type
        return element === undefined
          ? fc.constant([])
          : fc.array(shaped(element, depth + 1), { maxLength: 4 })
      }
      case "Union":
        return fc.oneof(...ast.types.map((t) => shaped(t, depth + 1)))
      case "Literal":
        return fc.constant(ast.literal)
      case "Enums":
        return fc.constantFrom(...ast.enums.map(([, v]) => v))
      case "Refinement":
        return shaped(ast.from, depth + 1)
      case "Transformation":
        return shaped(ast.from, depth + 1)
      case "Suspend":
        return shaped(ast.f(), depth + 1)
      case "StringKeyword":
      case "TemplateLiteral":
        return hostileString
      case "NumberKeyword":
        return hostileNumber
      case "BooleanKeyword":
        return fc.boolean()
      case "UndefinedKeyword":
        return fc.constant(undefined)
      default:
        return hostileAny
    }
  })()
  return fc.oneof({ weight: 6, arbitrary: own }, { weight: 1, arbitrary: hostileAny })
}

const inputArbitrary = (p: Procedure): fc.Arbitrary<unknown> => {
  const parser = p._def.inputs?.[0] as KernelInput<unknown, unknown> | undefined
  if (parser === undefined || parser[KERNEL_INPUT] !== true) return hostileAny
  return shaped(parser.schema.ast)
}

// —— calling ——

type Caller = ReturnType<Harness["caller"]>
const call = (caller: Caller, path: string, input: unknown): Promise<unknown> => {
  let at: unknown = caller
  for (const key of path.split(".")) at = (at as Record<string, unknown>)[key]
  return (at as (i: unknown) => Promise<unknown>)(input)
}

const preview = (v: unknown): string => {
  let s: string | undefined
  try {
    s = JSON.stringify(v, (_k, x) => (typeof x === "string" && x.length > 40 ? `${x.slice(0, 40)}…` : x))
  } catch {
    s = "(too deep to print)"
  }
  return s === undefined ? String(v) : s.length > 300 ? `${s.slice(0, 300)}…` : s
}

const CJK = /[\u3400-\u9fff]/

/** Issues whose Chinese line names the field in English (no Chinese title): "schemeVersion：必填". */
const untitled = (e: TRPCError): Array<string> => {
  if (tagOf(e) !== "InvalidInput") return []
  const issues = (e.cause as unknown as { issues?: ErrorData["issues"] }).issues ?? []
  return issues
    .map((i) => i.message.zh)
    .filter((zh) => {
      if (zh.includes("不允许的字段")) return false // the caller's own unknown key, named as sent
      const name = zh.split(/[（：]/)[0] ?? ""
      const problem = zh.slice(zh.indexOf("：") + 1)
      return !CJK.test(name) || !CJK.test(problem)
    })
}

interface Found {
  readonly internal: Map<string, string>
  readonly untitled: Map<string, string>
}
const found: Found = { internal: new Map(), untitled: new Map() }
const calls = new Map<string, number>()
let internalAnswers = 0

const probe = async (path: string, headers: Record<string, string>, input: unknown): Promise<void> => {
  calls.set(path, (calls.get(path) ?? 0) + 1)
  try {
    await call(h.caller(headers), path, input)
  } catch (e) {
    if (!(e instanceof TRPCError) || e.code === "INTERNAL_SERVER_ERROR") internalAnswers += 1
    if (!(e instanceof TRPCError)) {
      found.internal.set(path, `${String(e)} ← ${preview(input)}`)
      return
    }
    if (e.code === "INTERNAL_SERVER_ERROR") {
      const logged = h.logs.at(-1)
      found.internal.set(path, `${JSON.stringify(logged?.fields ?? {}).slice(0, 400)} ← ${preview(input)}`)
      return
    }
    for (const zh of untitled(e)) found.untitled.set(`${path}: ${zh.slice(0, 120)}`, preview(input))
  }
}

/** The procedures of one shard: every SHARDS-th of the sorted paths, so the shards together hold them all once. */
export const shardOf = (shard: number): ReadonlyArray<string> =>
  Object.keys(PROCEDURES)
    .sort()
    .filter((_, i) => i % SHARDS === shard)

/** The fuzz suite over one shard's procedures, on its own database. */
export const fuzzShard = (shard: number): void => {
  describe(`fuzz shard ${shard + 1}/${SHARDS}: hostile inputs never answer INTERNAL_SERVER_ERROR (issue 15)`, () => {
    const paths = shardOf(shard)

    beforeAll(async () => {
      h = await makeHarness({ maxFailures: 1_000_000, maxFailuresPerIp: 1_000_000 })
      org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    }, 180_000)
    afterAll(async () => h?.close())

    it("the shards together cover every procedure of appRouter, each once", () => {
      const all = Array.from({ length: SHARDS }, (_, s) => shardOf(s)).flat()
      expect(all.length).toBeGreaterThan(80)
      expect(new Set(all).size).toBe(Object.keys(PROCEDURES).length)
      expect(all.length).toBe(Object.keys(PROCEDURES).length)
    })

    for (const path of paths) {
      const p = PROCEDURES[path] as Procedure
      it(`${path}: ${RUNS_SIGNED_IN} inputs as an org dept admin and ${RUNS_ANONYMOUS} anonymous`, async () => {
        const arb = inputArbitrary(p)
        await fc.assert(
          fc.asyncProperty(arb, (input) => probe(path, org, input)),
          { numRuns: RUNS_SIGNED_IN },
        )
        await fc.assert(
          fc.asyncProperty(arb, (input) => probe(path, {}, input)),
          { numRuns: RUNS_ANONYMOUS },
        )
        expect(calls.get(path)).toBeGreaterThanOrEqual(RUNS)
        expect(found.internal.get(path), `${path} answered INTERNAL_SERVER_ERROR`).toBeUndefined()
      }, 120_000)
    }

    it("no procedure answered 500", () => {
      expect(
        internalAnswers,
        `${internalAnswers} answers were 500, from ${found.internal.size} procedures`,
      ).toBe(0)
      expect([...found.internal.entries()]).toEqual([])
    })

    it("every Chinese input error names the field by its Chinese title and says what is wrong in Chinese", () => {
      expect([...found.untitled.keys()].slice(0, 60)).toEqual([])
    })
  })
}
