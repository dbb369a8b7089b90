/** Log levels, least to most severe. */
export type LogLevel = "debug" | "info" | "warn" | "error"

/** Fields added to one log line. */
export type LogFields = Readonly<Record<string, unknown>>

/** A structured logger: one JSON object per line, for log collectors. */
export interface Logger {
  readonly debug: (msg: string, fields?: LogFields) => void
  readonly info: (msg: string, fields?: LogFields) => void
  readonly warn: (msg: string, fields?: LogFields) => void
  readonly error: (msg: string, fields?: LogFields) => void
}

/** Turns an unknown thrown value into loggable fields (Error objects stringify to `{}` otherwise). */
export const errorFields = (error: unknown): LogFields =>
  error instanceof Error
    ? { error: { name: error.name, message: error.message, stack: error.stack } }
    : { error: String(error) }

/**
 * Makes a logger writing JSON lines (`{"time","level","service","msg",...fields}`) to `write`
 * (stdout by default). The clock is a parameter so tests can pin the time.
 */
export const makeJsonLogger = (
  options: {
    readonly service?: string
    readonly write?: (line: string) => void
    readonly now?: () => Date
  } = {},
): Logger => {
  const service = options.service ?? "cadre-api"
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`))
  const now = options.now ?? (() => new Date())
  const log =
    (level: LogLevel) =>
    (msg: string, fields: LogFields = {}): void =>
      write(JSON.stringify({ time: now().toISOString(), level, service, msg, ...fields }))
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") }
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
