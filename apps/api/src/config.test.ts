import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { loadConfig } from "./config.js"

const ok = (env: Record<string, string | undefined>) => {
  const result = loadConfig(env)
  if (Either.isLeft(result)) throw new Error(result.left.message)
  return result.right
}

const failure = (env: Record<string, string | undefined>) => {
  const result = loadConfig(env)
  if (Either.isRight(result)) throw new Error(`expected a failure, got ${JSON.stringify(result.right)}`)
  return result.left.message
}

describe("loadConfig", () => {
  it("defaults to 127.0.0.1:3000 with no CORS origins", () => {
    expect(ok({})).toEqual({ port: 3000, host: "127.0.0.1", corsOrigins: [] })
  })

  it("reads PORT, HOST and a comma-separated CORS_ORIGINS, ignoring other variables", () => {
    expect(
      ok({
        PORT: "8080",
        HOST: " 0.0.0.0 ",
        CORS_ORIGINS: "http://localhost:5173, https://a.example",
        PATH: "/bin",
      }),
    ).toEqual({ port: 8080, host: "0.0.0.0", corsOrigins: ["http://localhost:5173", "https://a.example"] })
  })

  it("treats an empty variable as unset", () => {
    expect(ok({ PORT: "", HOST: "" })).toMatchObject({ port: 3000, host: "127.0.0.1" })
  })

  it.each(["abc", "0", "70000", "80.5"])("refuses PORT=%s with a bilingual message", (port) => {
    const message = failure({ PORT: port })
    expect(message).toContain("配置无效")
    expect(message).toContain("Invalid configuration")
    expect(message).toContain("PORT 必须是 1 到 65535 之间的整数 / PORT must be an integer from 1 to 65535")
  })

  it("refuses an origin with a path and names it, reporting every bad variable at once", () => {
    const message = failure({ PORT: "x", CORS_ORIGINS: "http://ok.example,localhost:5173/app" })
    expect(message).toContain("PORT")
    expect(message).toContain('"localhost:5173/app"')
    expect(message).toContain("CORS_ORIGINS 中的来源无效")
  })
})

describe("loadConfig: database and auth", () => {
  it("leaves the database unset (PGlite at the default directory) and reads DATABASE_URL and DATA_DIR", () => {
    expect(ok({}).databaseUrl).toBeUndefined()
    expect(ok({ DATABASE_URL: "postgres://u:p@db:5432/cadre", DATA_DIR: "/var/lib/cadre" })).toMatchObject({
      databaseUrl: "postgres://u:p@db:5432/cadre",
      dataDir: "/var/lib/cadre",
    })
  })

  it("refuses a malformed DATABASE_URL, a short AUTH_SECRET and a bad flag, naming each", () => {
    const message = failure({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short", SECURE_COOKIES: "yes" })
    expect(message).toContain("DATABASE_URL must look like postgres://")
    expect(message).toContain("AUTH_SECRET 至少 32 个字符")
    expect(message).toContain('must be true or false, got "yes"')
  })

  it("reads PUBLIC_URL without a trailing slash and the flags", () => {
    expect(
      ok({
        PUBLIC_URL: "https://api.example.cn/",
        SECURE_COOKIES: "true",
        LOAD_DEMO_DATA: "0",
        TRUST_PROXY: "1",
      }),
    ).toMatchObject({
      publicUrl: "https://api.example.cn",
      secureCookies: true,
      loadDemoData: false,
      trustProxy: true,
    })
    expect(ok({}).trustProxy).toBeUndefined()
  })
})

describe("loadConfig: FIXED_TODAY (demonstrations and browser tests)", () => {
  it("is unset by default (today comes from the clock) and reads a real date", () => {
    expect(ok({}).fixedToday).toBeUndefined()
    expect(ok({ FIXED_TODAY: "2028-02-29" }).fixedToday).toBe("2028-02-29")
  })

  it("refuses a date that does not exist or is not YYYY-MM-DD, in both languages", () => {
    expect(failure({ FIXED_TODAY: "2027-02-29" })).toContain(
      'FIXED_TODAY 应为存在的日期 YYYY-MM-DD："2027-02-29" / FIXED_TODAY must be a real date YYYY-MM-DD, got "2027-02-29"',
    )
    expect(failure({ FIXED_TODAY: "26/11/2026" })).toContain("FIXED_TODAY must be a real date")
  })
})
