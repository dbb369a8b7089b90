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

/** The environment variables the API reads, with their defaults. */
export const EnvConfig = Schema.Struct({
  PORT: Schema.optionalWith(Port, { default: () => 3000 }),
  HOST: Schema.optionalWith(Host, { default: () => "127.0.0.1" }),
  CORS_ORIGINS: Schema.optionalWith(OriginList, { default: () => [] }),
})

/** The API's configuration, decoded. */
export interface Config {
  readonly port: number
  readonly host: string
  /** Browser origins allowed to call the API directly (the SPAs normally go through their `/api` proxy). */
  readonly corsOrigins: ReadonlyArray<string>
}

/** Why the configuration was refused, as text for a person (zh-CN first, then English). */
export class ConfigInvalid {
  readonly _tag = "ConfigInvalid"
  constructor(readonly message: string) {}
}

/** Reads the configuration from an environment (normally `process.env`); never throws. */
export const loadConfig = (
  env: Readonly<Record<string, string | undefined>>,
): Either.Either<Config, ConfigInvalid> =>
  Schema.decodeUnknownEither(EnvConfig, { errors: "all", onExcessProperty: "ignore" })(
    // An empty variable (PORT=) means "not set", as most shells and .env files intend.
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== "")),
  ).pipe(
    Either.map((decoded) => ({ port: decoded.PORT, host: decoded.HOST, corsOrigins: decoded.CORS_ORIGINS })),
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
