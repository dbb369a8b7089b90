import { describe, expect, it } from "vitest"
import { scrubLogText } from "./service.js"

describe("better-auth's log messages, scrubbed for our JSON log", () => {
  it("drop colours, line breaks, e-mail addresses and everything of a failed query", () => {
    const esc = String.fromCharCode(27)
    const raw = `${esc}[31mERROR${esc}[0m ${esc}[1m[Better Auth]:${esc}[0m User alice@example.org not found\n  at line 2`
    expect(scrubLogText(raw)).toBe("ERROR [Better Auth]: User (e-mail) not found at line 2")
    expect(
      scrubLogText(
        'Failed to create user DrizzleQueryError: Failed query: insert into "user" ("email") values ($1)\nparams: bob@example.org',
      ),
    ).toBe("Failed to create user DrizzleQueryError: (query withheld)")
    expect(scrubLogText("x".repeat(1000))).toHaveLength(300)
  })
})
