import { apiTokens, auditLog, makeIdempotencyStore, makeTestDatabase, posts, schemes, user } from "@cadre/db"
import { newToken } from "@cadre/router"
import { and, eq } from "drizzle-orm"
import type { Hono } from "hono"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type AppEnv, buildApp } from "./app.js"
import { silentLogger } from "./logger.js"
import { DEFAULT_DEMO_PASSWORD, loadDemo, makeServices, type Services } from "./services.js"

/**
 * Issue 15: an integrator retries a command whose answer was lost; with the same Idempotency-Key the command runs
 * once (one row, one audit row) and the retry gets the first answer.
 */

let services: Services
let app: Hono<AppEnv>
const tokens: Record<string, string> = {}

const tokenFor = async (email: string): Promise<string> => {
  const [u] = await services.handle.db.select({ id: user.id }).from(user).where(eq(user.email, email))
  if (u === undefined) throw new Error(`no demo account ${email}`)
  const { token, hash, prefix } = newToken()
  await services.handle.db
    .insert(apiTokens)
    .values({ id: crypto.randomUUID(), userId: u.id, name: "idempotency test", tokenHash: hash, prefix })
  return token
}

beforeAll(async () => {
  services = await makeServices({
    handle: await makeTestDatabase(),
    config: { host: "127.0.0.1", port: 0, authSecret: "integration-secret-integration-secret-01" },
    logger: silentLogger,
  })
  await loadDemo(services, DEFAULT_DEMO_PASSWORD)
  app = buildApp({
    version: "test",
    trpc: services.deps,
    idempotency: makeIdempotencyStore(services.handle.db),
  })
  tokens.org = await tokenFor("yangpu.org@demo.example.org")
  tokens.api = await tokenFor("yangpu.api@demo.example.org")
}, 180_000)
afterAll(async () => services?.close())

const post = (path: string, token: string, body: unknown, key?: string) =>
  app.request(path, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      ...(key === undefined ? {} : { "idempotency-key": key }),
    },
    body: JSON.stringify(body),
  })

const postRows = (title: string) =>
  services.handle.db.select({ id: posts.id }).from(posts).where(eq(posts.title, title))
const auditRows = (action: string, entityIds: ReadonlyArray<string>) =>
  Promise.all(
    entityIds.map((id) =>
      services.handle.db
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.entityId, id))),
    ),
  ).then((r) => r.flat())

describe("Idempotency-Key", () => {
  it("a retried posts.create (tRPC) after a lost answer creates one row and one audit row, and answers the first answer", async () => {
    const body = { regionId: "310110001001", title: "幂等测试岗位一" }
    const first = await post("/trpc/posts.create", tokens.org as string, body, "retry-post-0001")
    expect(first.status).toBe(200)
    const firstBody = await first.text()
    // The answer is lost; the integrator sends the same request again, twice.
    for (let i = 0; i < 2; i++) {
      const again = await post("/trpc/posts.create", tokens.org as string, body, "retry-post-0001")
      expect(again.status).toBe(200)
      expect(again.headers.get("idempotency-replayed")).toBe("true")
      expect(await again.text()).toBe(firstBody)
    }
    const rows = await postRows("幂等测试岗位一")
    expect(rows).toHaveLength(1)
    expect(
      await auditRows(
        "post.create",
        rows.map((r) => r.id),
      ),
    ).toHaveLength(1)
    // Without a key, the same body is a new command (a second post).
    expect((await post("/trpc/posts.create", tokens.org as string, body)).status).toBe(200)
    expect(await postRows("幂等测试岗位一")).toHaveLength(2)
  })

  it("a retried schemes.createFromPreset (REST) makes one version; the key with another request is refused (422)", async () => {
    const count = async () =>
      (
        await services.handle.db
          .select({ v: schemes.version })
          .from(schemes)
          .where(eq(schemes.schemeId, "yangpu-community-secretary"))
      ).length
    const before = await count()
    const body = { presetKey: "yangpu-community-secretary" }
    const first = await post("/api/v1/schemes.createFromPreset", tokens.api as string, body, "rest-key-1")
    expect(first.status).toBe(200)
    const again = await post("/api/v1/schemes.createFromPreset", tokens.api as string, body, "rest-key-1")
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(await first.json())
    expect(await count()).toBe(before + 1)
    const other = await post(
      "/api/v1/schemes.createFromPreset",
      tokens.api as string,
      { presetKey: "yangpu-community-secretary", effectiveFrom: "2027-01-01" },
      "rest-key-1",
    )
    expect(other.status).toBe(422)
    const e = (await other.json()) as {
      error: { data: { tag: string; message: { zh: string; en: string } } }
    }
    expect(e.error.data.tag).toBe("IdempotencyKeyReused")
    expect(e.error.data.message.zh).toContain("幂等键")
    expect(e.error.data.message.en).toContain("different request")
    expect(await count()).toBe(before + 1)
    // Another account's same key is its own.
    const byOrg = await post("/api/v1/schemes.createFromPreset", tokens.org as string, body, "rest-key-1")
    expect(byOrg.headers.get("idempotency-replayed")).toBeNull()
  })

  it("of concurrent duplicates one runs; the others wait their turn or are told it is in progress (409)", async () => {
    const body = { regionId: "310110001001", title: "幂等测试岗位并发" }
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => post("/trpc/posts.create", tokens.org as string, body, "burst-key-1")),
    )
    for (const a of answers) expect([200, 409]).toContain(a.status)
    const busy = answers.filter((a) => a.status === 409)
    for (const b of busy) {
      const e = (await b.json()) as { error: { data: { tag: string; message: { zh: string } } } }
      expect(e.error.data.tag).toBe("IdempotencyKeyInProgress")
      expect(e.error.data.message.zh).toContain("处理中")
    }
    expect(await postRows("幂等测试岗位并发")).toHaveLength(1)
  })

  it("refuses a malformed key before anything runs, in both languages", async () => {
    const bad = await post(
      "/trpc/posts.create",
      tokens.org as string,
      { regionId: "310110001001", title: "幂等测试岗位坏键" },
      "has space",
    )
    expect(bad.status).toBe(400)
    const e = (await bad.json()) as { error: { data: { tag: string; message: { zh: string; en: string } } } }
    expect(e.error.data.tag).toBe("IdempotencyKeyInvalid")
    expect(e.error.data.message.en).toContain("Idempotency-Key")
    expect(
      (
        await post(
          "/trpc/posts.create",
          tokens.org as string,
          { regionId: "310110001001", title: "x" },
          "k".repeat(129),
        )
      ).status,
    ).toBe(400)
    expect(await postRows("幂等测试岗位坏键")).toHaveLength(0)
  })
})
