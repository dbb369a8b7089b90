import { Access } from "@cadre/domain"
import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { appRouter } from "../root.js"
import type { Meta } from "../trpc.js"
import { DESCRIPTIONS } from "./descriptions.js"
import {
  exampleOf,
  failureStatuses,
  INTEGRATOR_SIGNED_IN,
  integratorOperations,
  openApiDocument,
  queryInput,
  REST_PREFIX,
} from "./document.js"

type Def = { _def: { type: string; meta?: Meta } }
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Def>)
const held = new Set<string>(Access.permissionsOf("integrator"))

/** Counted here from the router's meta and the kernel's matrix, not from document.ts. */
const expected = procedures
  .filter(([path, p]) => {
    const a = p._def.meta?.access
    if (a === undefined) return false
    if ("permission" in a) return held.has(a.permission)
    return "authenticated" in a && INTEGRATOR_SIGNED_IN.includes(path)
  })
  .map(([path, p]) => ({ path, type: p._def.type, access: p._def.meta?.access }))

describe("the OpenAPI document", () => {
  const doc = openApiDocument({ version: "9.9.9" }) as {
    info: { version: string }
    paths: Record<string, Record<string, Record<string, unknown>>>
  }

  it("declares the Idempotency-Key header (and its 422) on every command, and on no query", () => {
    const full = doc as unknown as {
      components: { parameters: Record<string, { name: string; in: string; schema: { pattern: string } }> }
    }
    const param = full.components.parameters.IdempotencyKey
    expect(param?.name).toBe("Idempotency-Key")
    expect(param?.in).toBe("header")
    expect(new RegExp(param?.schema.pattern ?? "").test("7c0e6f2a-3b1d-4f5e-9a8b-1c2d3e4f5a6b")).toBe(true)
    expect(new RegExp(param?.schema.pattern ?? "").test("has space")).toBe(false)
    let commands = 0
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods)) {
        const refs = JSON.stringify(op.parameters ?? [])
        const responses = op.responses as Record<string, unknown>
        if (method === "post") {
          commands += 1
          expect(refs, path).toContain("#/components/parameters/IdempotencyKey")
          expect(responses["422"], path).toBeDefined()
        } else {
          expect(refs, path).not.toContain("IdempotencyKey")
          expect(responses["422"], path).toBeUndefined()
        }
      }
    expect(commands).toBeGreaterThan(5)
  })

  it("has every procedure an integrator holds, by its method, with its declared permission", () => {
    expect(expected.length).toBeGreaterThan(40)
    expect(doc.info.version).toBe("9.9.9")
    for (const e of expected) {
      const item = doc.paths[`${REST_PREFIX}${e.path}`]
      const method = e.type === "query" ? "get" : "post"
      expect(item, e.path).toBeDefined()
      expect(Object.keys(item ?? {}), e.path).toEqual([method])
      expect(item?.[method]?.["x-access"], e.path).toEqual(e.access)
      if (e.access !== undefined && "permission" in e.access)
        expect(item?.[method]?.description, e.path).toContain(`\`${e.access.permission}\``)
    }
    expect(Object.keys(doc.paths).sort()).toEqual(expected.map((e) => `${REST_PREFIX}${e.path}`).sort())
  })

  it("leaves out what an integrator may not call (accounts, audit, public sign-in)", () => {
    for (const path of [
      "accounts.issueToken",
      "audit.query",
      "auth.login",
      "schemes.nothing",
      "campaigns.create",
    ])
      expect(doc.paths[`${REST_PREFIX}${path}`], path).toBeUndefined()
  })

  it("describes every operation in both languages, and nothing else", () => {
    for (const e of expected) {
      const d = DESCRIPTIONS[e.path]
      expect(d, e.path).toBeDefined()
      expect(d?.summary.zh, e.path).toMatch(/[\u4e00-\u9fff]/)
      expect(d?.summary.en, e.path).toMatch(/^[\x20-\x7e…]+$/)
    }
    expect(Object.keys(DESCRIPTIONS).sort()).toEqual(expected.map((e) => e.path).sort())
  })

  it("gives every operation with an input an example that its kernel Schema decodes", () => {
    for (const op of integratorOperations()) {
      if (op.input === undefined) continue
      const decoded = Schema.decodeUnknownEither(op.input, { onExcessProperty: "error" })(exampleOf(op))
      expect(Either.isRight(decoded) ? "ok" : String(decoded.left), op.procedure).toBe("ok")
    }
  })

  it("reads a query's parameters back into the input they encode (strings verbatim, the rest JSON)", () => {
    for (const op of integratorOperations().filter((o) => o.method === "get" && o.input !== undefined)) {
      const example = exampleOf(op) as Record<string, unknown>
      const query = new URLSearchParams()
      for (const p of op.params)
        if (example[p.name] !== undefined)
          query.set(
            p.name,
            p.encoding === "string" ? String(example[p.name]) : JSON.stringify(example[p.name]),
          )
      expect(queryInput(op, query), op.procedure).toEqual(example)
    }
    const check = integratorOperations().find((o) => o.procedure === "eligibility.check")
    if (check === undefined) throw new Error("eligibility.check is not an operation")
    expect(
      queryInput(check, new URLSearchParams("schemeId=42&version=2&referenceDate=2026-06-30&waivers=%5B%5D")),
    ).toEqual({ schemeId: "42", version: 2, referenceDate: "2026-06-30", waivers: [] })
    // Not JSON: passed on as text, for the Schema to refuse by name.
    expect(queryInput(check, new URLSearchParams("version=two"))).toEqual({ version: "two" })
  })

  it("lists each error tag under the HTTP status describeFailure gives it", () => {
    const status = new Map(failureStatuses().map((f) => [f.tag, f.status]))
    expect(status.get("InvalidInput")).toBe(400)
    expect(status.get("Unauthenticated")).toBe(401)
    expect(status.get("Forbidden")).toBe(403)
    expect(status.get("NotFound")).toBe(404)
    expect(status.get("StaleVersion")).toBe(409)
    expect(status.get("CalendarYearUnknown")).toBe(412)
    expect(status.get("Throttled")).toBe(429)
    const responses = (
      openApiDocument({ version: "1" }) as {
        components: { responses: Record<string, { description: string }> }
      }
    ).components.responses
    expect(responses.E404?.description).toContain("`NotFound`")
    expect(responses.E409?.description).toContain("`VersionNotSuccessor`")
    expect(responses.E400?.description).not.toContain("`NotFound`")
  })
})
