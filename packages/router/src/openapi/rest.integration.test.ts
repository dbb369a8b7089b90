import { Either, Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createContext } from "../context.js"
import { type Harness, makeHarness } from "../test-support.js"
import { DESCRIPTIONS } from "./descriptions.js"
import { ErrorBody, exampleOf, integratorOperations, type RestOperation } from "./document.js"
import { callRest } from "./rest.js"

let h: Harness
let integrator: Record<string, string>

beforeAll(async () => {
  h = await makeHarness()
  integrator = await h.actorHeaders({ role: "integrator", regionId: "310110" })
}, 120_000)

afterAll(async () => {
  await h?.close()
})

const op = (procedure: string): RestOperation => {
  const found = integratorOperations().find((o) => o.procedure === procedure)
  if (found === undefined) throw new Error(`no operation ${procedure}`)
  return found
}

const ctx = (headers: Record<string, string>) =>
  createContext({ deps: h.deps, headers: new Headers(headers), requestId: "rest-test" })

describe("callRest", () => {
  it("answers what the caller answers, and an answer with a declared Schema decodes with it", async () => {
    const people = await h.caller(integrator).profiles.list({ limit: 1 })
    const personId = people.items[0]?.id
    expect(personId).toBeDefined()
    const input = { schemeId: "yangpu-community-secretary", personId, referenceDate: "2026-06-30" }
    const answer = await callRest(ctx(integrator), op("eligibility.check"), input)
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual(await h.caller(integrator).eligibility.check(input as never))
    const output = DESCRIPTIONS["eligibility.check"]?.output
    if (output === undefined) throw new Error("eligibility.check declares no output Schema")
    const decoded = Schema.decodeUnknownEither(output, { onExcessProperty: "error" })(answer.body)
    expect(Either.isRight(decoded) ? "ok" : String(decoded.left)).toBe("ok")
  })

  it("runs each query's example without a defect (at most a mapped failure)", async () => {
    for (const o of integratorOperations().filter((x) => x.type === "query")) {
      const answer = await callRest(ctx(integrator), o, exampleOf(o))
      expect(answer.status, o.procedure).toBeLessThan(500)
      if (answer.status !== 200) {
        const decoded = Schema.decodeUnknownEither(ErrorBody, { onExcessProperty: "error" })(answer.body)
        expect(Either.isRight(decoded), o.procedure).toBe(true)
      }
    }
  }, 120_000)

  it("answers a refusal with the error body and status tRPC's HTTP handler gives", async () => {
    const none = await callRest(ctx({ "x-lang": "en" }), op("schemes.list"), {})
    expect(none.status).toBe(401)
    expect(none.body).toMatchObject({
      error: {
        message: "Please sign in (or send a valid API token)",
        data: { code: "UNAUTHORIZED", httpStatus: 401, tag: "Unauthenticated", path: "schemes.list" },
      },
    })
    const bad = await callRest(ctx(integrator), op("schemes.get"), { schemeId: "x", version: 0 })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({
      error: { data: { tag: "InvalidInput", requestId: "rest-test", issues: [{ path: ["version"] }] } },
    })
  })
})
