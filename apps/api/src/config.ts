import { Either, ParseResult, Schema } from "effect"

const Port = Schema.NumberFromString.pipe(
  Schema.int(),
  Schema.between(1, 65535),
  Schema.annotations({
    message: () => ({
      message: "PORT 必须是 1 到 65535 之间的整数 / PORT must be an integer from 1 to 65535",
      override: true,
    }),
  }),
)

const Host = Schema.Trim.pipe(
  Schema.nonEmptyString(),
  Schema.annotations({
    message: () => ({ message: "HOST 不能为空 / HOST must not be empty", override: true }),
  }),
)

const Origin = Schema.String.pipe(
  Schema.pattern(/^(\*|https?:\/\/[^/\s,]+)$/),
  Schema.annotations({
    message: (issue) => ({
      message: `CORS_ORIGINS 中的来源无效：${JSON.stringify(issue.actual)}，应形如 http://localhost:5173 / invalid origin ${JSON.stringify(issue.actual)} in CORS_ORIGINS, expected e.g. http://localhost:5173`,
      override: true,
    }),
  }),
)

/** A comma-separated list of origins (`http://a.example,https://b.example`) or `*`; empty means no CORS. */
const OriginList = Schema.transform(Schema.String, Schema.Array(Origin), {
  strict: true,
  decode: (raw) =>
    raw
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== ""),
  encode: (origins) => origins.join(","),
})

const DatabaseUrl = Schema.String.pipe(
  Schema.pattern(/^postgres(ql)?:\/\/\S+$/),
  Schema.annotations({
    message: () => ({
      message:
        "DATABASE_URL 应形如 postgres://user:password@host:5432/db / DATABASE_URL must look like postgres://user:password@host:5432/db",
      override: true,
    }),
  }),
)

const DataDir = Schema.Trim.pipe(
  Schema.nonEmptyString(),
  Schema.annotations({
    message: () => ({ message: "DATA_DIR 不能为空 / DATA_DIR must not be empty", override: true }),
  }),
)

const Secret = Schema.String.pipe(
  Schema.minLength(32),
  Schema.annotations({
    message: () => ({
      message: "AUTH_SECRET 至少 32 个字符 / AUTH_SECRET must be at least 32 characters",
      override: true,
    }),
  }),
)

const PublicUrl = Schema.String.pipe(
  Schema.pattern(/^https?:\/\/[^/\s]+\/?$/),
  Schema.annotations({
    message: () => ({
      message: "PUBLIC_URL 应形如 https://api.example.cn / PUBLIC_URL must look like https://api.example.cn",
      override: true,
    }),
  }),
)

const Flag = Schema.Literal("true", "false", "1", "0").pipe(
  Schema.annotations({
    message: (issue) => ({
      message: `应为 true 或 false：${JSON.stringify(issue.actual)} / must be true or false, got ${JSON.stringify(issue.actual)}`,
      override: true,
    }),
  }),
)

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
const FixedToday = Schema.String.pipe(
  Schema.filter((s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
    if (m === null) return false
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
    return d.toISOString().slice(0, 10) === s
  }),
  Schema.annotations({
    message: (issue) => ({
      message: `FIXED_TODAY 应为存在的日期 YYYY-MM-DD：${JSON.stringify(issue.actual)} / FIXED_TODAY must be a real date YYYY-MM-DD, got ${JSON.stringify(issue.actual)}`,
      override: true,
    }),
  }),
)

/** The environment variables the API reads, with their defaults. */
export const EnvConfig = Schema.Struct({
  PORT: Schema.optionalWith(Port, { default: () => 3000 }),
  HOST: Schema.optionalWith(Host, { default: () => "127.0.0.1" }),
  CORS_ORIGINS: Schema.optionalWith(OriginList, { default: () => [] }),
  DATABASE_URL: Schema.optional(DatabaseUrl),
  DATA_DIR: Schema.optional(DataDir),
  AUTH_SECRET: Schema.optional(Secret),
  PUBLIC_URL: Schema.optional(PublicUrl),
  SECURE_COOKIES: Schema.optional(Flag),
  LOAD_DEMO_DATA: Schema.optional(Flag),
  TRUST_PROXY: Schema.optional(Flag),
  FIXED_TODAY: Schema.optional(FixedToday),
})

/** The API's configuration, decoded. */
export interface Config {
  readonly port: number
  readonly host: string
  /** Browser origins allowed to call the API directly (the SPAs normally go through their `/api` proxy). */
  readonly corsOrigins: ReadonlyArray<string>
  /** PostgreSQL connection string; absent → embedded PGlite in `dataDir`. */
  readonly databaseUrl?: string | undefined
  /** PGlite data directory (default `.data/pglite` at the repository root); ignored with `databaseUrl`. */
  readonly dataDir?: string | undefined
  /** Signs session cookies; absent → a random one per start (sessions end on restart; logged as a warning). */
  readonly authSecret?: string | undefined
  /** The API's public URL (cookies, origin checks); default `http://<host>:<port>`. */
  readonly publicUrl?: string | undefined
  /** Mark cookies Secure (serve behind HTTPS). */
  readonly secureCookies?: boolean | undefined
  /** Load the demo regions, schemes, people and accounts into an empty database at start. */
  readonly loadDemoData?: boolean | undefined
  /**
   * Behind a reverse proxy we run: take the client IP (sign-in throttling) from X-Forwarded-For. Otherwise the
   * socket's address is used and the header, which any client can write, is ignored.
   */
  readonly trustProxy?: boolean | undefined
  /**
   * The date the API takes as today, for a demonstration, a training session or the browser tests that must not
   * change with the calendar. Unset (always, in production): today in China from the system clock.
   */
  readonly fixedToday?: string | undefined
}

/** Why the configuration was refused, as text for a person (zh-CN first, then English). */
export class ConfigInvalid {
  readonly _tag = "ConfigInvalid"
  constructor(readonly message: string) {}
}

const flag = (v: "true" | "false" | "1" | "0" | undefined): boolean | undefined =>
  v === undefined ? undefined : v === "true" || v === "1"

/** Reads the configuration from an environment (normally `process.env`); never throws. */
export const loadConfig = (
  env: Readonly<Record<string, string | undefined>>,
): Either.Either<Config, ConfigInvalid> =>
  Schema.decodeUnknownEither(EnvConfig, { errors: "all", onExcessProperty: "ignore" })(
    // An empty variable (PORT=) means "not set", as most shells and .env files intend.
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== "")),
  ).pipe(
    Either.map((decoded) => ({
      port: decoded.PORT,
      host: decoded.HOST,
      corsOrigins: decoded.CORS_ORIGINS,
      databaseUrl: decoded.DATABASE_URL,
      dataDir: decoded.DATA_DIR,
      authSecret: decoded.AUTH_SECRET,
      publicUrl: decoded.PUBLIC_URL?.replace(/\/$/, ""),
      secureCookies: flag(decoded.SECURE_COOKIES),
      loadDemoData: flag(decoded.LOAD_DEMO_DATA),
      trustProxy: flag(decoded.TRUST_PROXY),
      fixedToday: decoded.FIXED_TODAY,
    })),
    Either.mapLeft(
      (error) =>
        new ConfigInvalid(
          `配置无效（环境变量）/ Invalid configuration (environment variables):\n${ParseResult.ArrayFormatter.formatErrorSync(
            error,
          )
            .map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`)
            .join("\n")}`,
        ),
    ),
  )
