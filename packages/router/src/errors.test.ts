import { DatabaseError, staleVersion } from "@cadre/db"
import { LocalDate, Scheme } from "@cadre/domain"
import { Effect, Layer, ManagedRuntime } from "effect"
import { describe, expect, it } from "vitest"
import { runEffect, type Services } from "./context.js"
import { describeFailure, type Failure, FAILURE_TAGS, isFailure } from "./errors.js"
import { type ErrorData, failureToTRPC } from "./trpc.js"

describe("error mapping", () => {
  it("the kernel's VersionNotSuccessor is a CONFLICT with its bilingual message split", () => {
    const e = new Scheme.VersionNotSuccessor({
      schemeId: "s",
      reason: "version_not_higher",
      latestVersion: 2,
      latestEffectiveFrom: LocalDate.make("2021-12-01"),
      attemptedVersion: 2,
      attemptedEffectiveFrom: LocalDate.make("2022-01-01"),
    })
    const d = describeFailure(e)
    expect(d.code).toBe("CONFLICT")
    expect(d.message.zh).toBe("新版本号 2 须大于现行最新版本 2")
    expect(d.message.en).toBe("version 2 must be higher than the latest version 2 of s")
  })
  it("issue 13: NoVersionInForce is a CONFLICT in both languages, standing at the field of the act's date", () => {
    const e = new Scheme.NoVersionInForce({
      schemeId: "s",
      date: LocalDate.make("2017-04-17"),
      first: { version: 1, effectiveFrom: LocalDate.make("2017-04-18") },
      field: "move.decision.date",
    })
    const d = describeFailure(e)
    expect(d.code).toBe("CONFLICT")
    expect(d.message).toEqual({
      zh: "2017-04-17 方案 s 尚无施行的版本（v1 自 2017-04-18 起施行）",
      en: "no version of scheme s is in force on 2017-04-17 (v1 takes effect on 2017-04-18)",
    })
    const sent = failureToTRPC(e, "zh")
    expect(sent.code).toBe("CONFLICT")
    expect((sent.cause as unknown as { issues: ErrorData["issues"] }).issues).toEqual([
      { path: ["move", "decision", "date"], message: d.message },
    ])
    expect(FAILURE_TAGS.has("NoVersionInForce")).toBe(true)
  })
  it("the database's optimistic-lock StaleVersion is a CONFLICT with its own {zh, en} message", () => {
    const e = staleVersion("region", "r1", 1, 2)
    const d = describeFailure(e)
    expect(d.code).toBe("CONFLICT")
    expect(d.message).toEqual(e.message)
    expect(d.message.en).toContain("your version 1, current 2")
  })
  it("both tags are recognised as mapped failures at run time, anything else is not", () => {
    expect(FAILURE_TAGS.has("VersionNotSuccessor")).toBe(true)
    expect(FAILURE_TAGS.has("StaleVersion")).toBe(true)
    expect(isFailure(staleVersion("unit", "u", 1, 3))).toBe(true)
    expect(isFailure({ _tag: "CorruptRow" })).toBe(false)
  })
  it("an infrastructure fault is never a mapped failure: runEffect answers it as a defect, typed or not", async () => {
    const fault = new DatabaseError({ operation: "test", cause: new Error("connection reset") })
    expect(isFailure(fault)).toBe(false)
    const runtime = ManagedRuntime.make(Layer.empty) as unknown as ManagedRuntime.ManagedRuntime<
      Services,
      never
    >
    try {
      expect((await runEffect(runtime, Effect.die(fault)))._tag).toBe("defect")
      const smuggled = Effect.fail(fault) as unknown as Effect.Effect<never, Failure>
      const ran = await runEffect(runtime, smuggled)
      expect(ran._tag).toBe("defect")
      expect(ran._tag === "defect" && String(ran.cause)).toContain("connection reset")
    } finally {
      await runtime.dispose()
    }
  })
})

describe("docs/api.md's error table", () => {
  it("lists every tag a procedure can answer", async () => {
    const { readFile } = await import("node:fs/promises")
    const doc = await readFile(new URL("../../../docs/api.md", import.meta.url), "utf8")
    const table = doc.slice(doc.indexOf("| tag | HTTP / code | when |"))
    const rows = table.slice(0, table.indexOf("\n\n"))
    const missing = [...FAILURE_TAGS].filter((tag) => !rows.includes(`\`${tag}\``))
    expect(missing).toEqual([])
  })
})
