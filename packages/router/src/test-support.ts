import {
  apiTokens,
  type DatabaseHandle,
  demoIdNumber,
  makeSeededTestDatabase,
  makeTestDatabase,
  people,
  type TestSeed,
} from "@cadre/db"
import { loadDemoData } from "@cadre/services"
import { type Access, Person } from "@cadre/domain"
import { TRPCError } from "@trpc/server"
import { applicationLayer } from "@cadre/services"
import { ManagedRuntime, Schema } from "effect"
import { makeAuthService } from "./auth/service.js"
import { newToken } from "./auth/tokens.js"
import { createContext, type RouterDeps, type RouterLogger } from "./context.js"
import { appRouter } from "./root.js"
import { createCallerFactory, type ErrorData } from "./trpc.js"

/** Test harness: a fresh database with the demo data, the real router, callers with real credentials. */

const createCaller = createCallerFactory(appRouter)

export interface LogLine {
  readonly level: string
  readonly msg: string
  readonly fields: Readonly<Record<string, unknown>>
}

export const DEMO_PASSWORD = "Demo-cadre-2026"

export interface Harness {
  readonly handle: DatabaseHandle
  readonly deps: RouterDeps
  readonly logs: Array<LogLine>
  /** A caller with these request headers (cookies, Authorization, x-lang), from `clientIp` if given. */
  readonly caller: (headers?: Record<string, string>, clientIp?: string) => ReturnType<typeof createCaller>
  /** A caller whose context's response headers can be inspected (Set-Cookie). */
  readonly callerWithResponse: (
    headers?: Record<string, string>,
    clientIp?: string,
  ) => {
    readonly caller: ReturnType<typeof createCaller>
    readonly resHeaders: Headers
  }
  /** Create an account with a role and scope and return `Authorization` headers for a fresh API token. */
  readonly actorHeaders: (spec: {
    readonly role: Access.Role
    readonly regionId?: string | null
    readonly unitId?: string | null
    readonly email?: string
    readonly name?: string
  }) => Promise<Record<string, string>>
  /** Set the date the router takes as today (moves record it; notices and deadlines compare against it). */
  readonly setToday: (date: string) => void
  readonly close: () => Promise<void>
}

let counter = 0

/**
 * The run's demo-data seed (src/test-global-setup.ts), unless CADRE_TEST_SEED=off asks for the demo data to be
 * loaded afresh into every harness's database (what the seed copies; the same rows either way).
 */
const demoSeed = async (): Promise<TestSeed | undefined> => {
  if (process.env.CADRE_TEST_SEED === "off") return undefined
  // Outside vitest (a bench under tsx) there is no seed, and importing vitest there throws: imported only inside.
  if (process.env.VITEST === undefined) return undefined
  const { inject } = await import("vitest")
  try {
    return inject("cadreDemoSeed")
  } catch {
    return undefined // outside a vitest worker
  }
}

export const makeHarness = async (
  options: {
    readonly maxFailures?: number
    readonly maxFailuresPerIp?: number
    /** The auth service's clock (lockout, throttling). */
    readonly now?: () => Date
  } = {},
): Promise<Harness> => {
  const seed = await demoSeed()
  const handle =
    seed === undefined
      ? await makeTestDatabase()
      : await makeSeededTestDatabase(seed, (db) => loadDemoData(db))
  if (seed === undefined) await loadDemoData(handle.db)
  const logs: Array<LogLine> = []
  const logger: RouterLogger = {
    info: (msg, fields = {}) => logs.push({ level: "info", msg, fields }),
    warn: (msg, fields = {}) => logs.push({ level: "warn", msg, fields }),
    error: (msg, fields = {}) => logs.push({ level: "error", msg, fields }),
  }
  const auth = makeAuthService({
    db: handle.db,
    secret: "test-secret-test-secret-test-secret-0123",
    baseURL: "http://localhost:3000",
    logger,
    ...(options.maxFailures === undefined ? {} : { maxFailures: options.maxFailures }),
    ...(options.maxFailuresPerIp === undefined ? {} : { maxFailuresPerIp: options.maxFailuresPerIp }),
    ...(options.now === undefined ? {} : { now: options.now }),
  })
  const runtime = ManagedRuntime.make(applicationLayer(handle))
  let today: string | undefined
  const deps: RouterDeps = {
    runtime,
    auth,
    logger,
    today: () => today ?? new Date().toISOString().slice(0, 10),
  }
  const callerWithResponse = (headers: Record<string, string> = {}, clientIp?: string) => {
    const resHeaders = new Headers()
    return {
      caller: createCaller(createContext({ deps, headers: new Headers(headers), resHeaders, clientIp })),
      resHeaders,
    }
  }
  return {
    handle,
    deps,
    logs,
    caller: (headers, clientIp) => callerWithResponse(headers, clientIp).caller,
    callerWithResponse,
    actorHeaders: async (spec) => {
      counter += 1
      const { accountId } = await auth.provisionAccount({
        email: spec.email ?? `actor-${counter}-${Date.now()}@test.example.org`,
        name: spec.name ?? `Test ${spec.role}`,
        password: DEMO_PASSWORD,
        role: spec.role,
        regionId: spec.regionId ?? null,
        unitId: spec.unitId ?? null,
      })
      const { token, hash, prefix } = newToken()
      await handle.db
        .insert(apiTokens)
        .values({ id: crypto.randomUUID(), userId: accountId, name: "test", tokenHash: hash, prefix })
      return { authorization: `Bearer ${token}` }
    },
    setToday: (date) => {
      today = date
    },
    close: async () => {
      await runtime.dispose()
      await handle.close()
    },
  }
}

/** The TRPCError a call fails with (the test fails if it succeeds or throws something else). */
/** The last code the log mail sender "sent" to `email` (the default sender writes it to the log). */
export const mailedCode = (h: Pick<Harness, "logs">, email: string): string => {
  const to = email.trim().toLowerCase()
  const line = h.logs.findLast((l) => l.msg.startsWith("e-mail verification code") && l.fields.email === to)
  if (line === undefined) throw new Error(`no code was mailed to ${to}`)
  return String(line.fields.code)
}

/**
 * Register an applicant by e-mail as a person does: ask for a code, read it from the mail, register (which signs
 * in: `resHeaders` holds the session cookie). The registration comes from `ip` when given; the code request never
 * counts against it.
 */
export const registerByEmail = async (
  h: Harness,
  input: { readonly email: string; readonly password: string; readonly name: string },
  options: { readonly headers?: Record<string, string>; readonly ip?: string } = {},
) => {
  await h.caller().auth.requestEmailCode({ email: input.email })
  const { caller, resHeaders } = h.callerWithResponse(options.headers ?? {}, options.ip)
  const signedIn = await caller.auth.registerEmail({ ...input, code: mailedCode(h, input.email) })
  return { ...signedIn, resHeaders }
}

export const failure = async (p: Promise<unknown>): Promise<TRPCError> => {
  try {
    await p
  } catch (e) {
    if (e instanceof TRPCError) return e
    throw e
  }
  throw new Error("expected the call to fail")
}

/** The failure's tag (IllegalMove, StaleVersion, QuotaRefused…) as the error formatter sends it. */
export const tagOf = (e: TRPCError): string => (e.cause as unknown as { tag?: string } | undefined)?.tag ?? ""

/** The failure's message in both languages. */
export const textOf = (e: TRPCError): ErrorData["message"] =>
  (e.cause as unknown as { text: ErrorData["message"] }).text

/**
 * Insert a staff-entered person (as demo people are: a full Party member since a year after `joined`, a bachelor,
 * a civil servant) in `regionId`, with a valid ID number for `address`, decoded through the kernel's Profile so a
 * bad fixture fails here. `sequence` (odd: male) makes the ID number and phone unique. Returns the id.
 */
export const insertPerson = async (
  handle: DatabaseHandle,
  p: {
    readonly id: string
    readonly regionId: string
    readonly address: string
    readonly name: string
    readonly birthDate: string
    readonly sequence: number
    readonly phone: string
    readonly joined: string
  },
): Promise<string> => {
  const joinedYear = Number(p.joined.slice(0, 4))
  const encoded: Person.ProfileEncoded = {
    id: p.id,
    name: p.name,
    sex: "male",
    birthDate: p.birthDate,
    idNumber: demoIdNumber(p.address, p.birthDate, p.sequence),
    phone: p.phone,
    party: { _tag: "Full", joined: p.joined, fullMemberSince: `${joinedYear + 1}${p.joined.slice(4)}` },
    education: [{ level: "bachelor", fullTime: true }],
    employment: "civil_servant",
    currentUnit: "某机关",
    currentPosition: "科员",
    workHistory: [],
    conduct: [],
    attestations: [],
  }
  const { id, idNumber, phone, ...rest } = Schema.encodeSync(Person.Profile)(
    Schema.decodeSync(Person.Profile)(encoded),
  )
  await handle.db
    .insert(people)
    .values({ id, regionId: p.regionId, idNumber, phone: phone ?? null, name: p.name, profile: rest })
  return id
}

type ActMove = Parameters<ReturnType<Harness["caller"]>["applications"]["act"]>[0]["move"]

/**
 * Demo 001 (贵州 street reserve pool): the street takes a nominee whose 公示 has run and whose joint review is on
 * file through the inspection (today 2026-12-01), ready for the street's decision (001 四（二）1–3). Answers the
 * nominee's listing and `act`, which moves it on as the street, keeping its version.
 */
export const guizhouNomineeInspected = async (h: Harness, street: Record<string, string>) => {
  const page = await h
    .caller(street)
    .applications.list({ campaignId: "demo-guizhou-2026", state: "joint_review" })
  const found = page.items.find((a) => a.application.records.joint_review !== undefined)
  if (found === undefined) throw new Error("the demo has a nominee with a joint review on file")
  const cur = { id: found.id, version: found.version }
  const act = async (move: ActMove) => {
    const r = await h
      .caller(street)
      .applications.act({ applicationId: cur.id, expectedVersion: cur.version, move })
    cur.version = r.version
    return r
  }
  h.setToday("2026-12-01")
  await act({ _tag: "Advance", from: "joint_review", to: "inspection" })
  await act({
    _tag: "Record",
    record: {
      _tag: "Inspection",
      team: ["街道组织委员"],
      date: "2026-12-01",
      findings: { politics: "好", ability: "好", service: "好", standing: "好" },
    },
  })
  return { found, cur, act }
}
