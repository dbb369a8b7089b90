/**
 * An integrator's session with the cadre-dispatch API, end to end:
 *   1. authenticate with an API token (CADRE_TOKEN), or — demo step — sign in as the demo org dept admin and
 *      issue a token to the demo integrator account;
 *   2. list the region's schemes;
 *   3. publish a new version of one (a copy of the latest, taking effect after it);
 *   4. check a person's eligibility under it and print the explained verdict.
 *
 *   CADRE_URL=http://127.0.0.1:3000/trpc CADRE_TOKEN=cdr_… pnpm --filter @cadre/client example
 *
 * Without CADRE_TOKEN the server must hold the demo data (LOAD_DEMO_DATA=true); DEMO_PASSWORD as on the server.
 */
import { createClient, errorDetails } from "../src/index.js"
import { signIn } from "./session.js"

const url = process.env.CADRE_URL ?? "http://127.0.0.1:3000/trpc"
const lang = process.env.CADRE_LANG === "en" ? "en" : "zh"
const SCHEME_ID = process.env.CADRE_SCHEME ?? "yangpu-community-secretary"

/** Demo step: sign in as the demo org dept admin (cookie session) and issue a token to the demo integrator. */
const demoToken = async (): Promise<string> => {
  const admin = await signIn(url, "yangpu.org@demo.example.org", lang)
  // Accounts come a page at a time (issue 19): the integrators of the scope fit on the first.
  const accounts = await admin.accounts.list.query({ role: "integrator" })
  const integrator = accounts.items[0]
  if (integrator === undefined) throw new Error("no integrator account in the demo data")
  const issued = await admin.accounts.issueToken.mutate({ accountId: integrator.accountId, name: "example" })
  console.log(`demo: issued token ${issued.prefix}… to ${integrator.email}`)
  return issued.token
}

const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

const main = async (): Promise<void> => {
  const token = process.env.CADRE_TOKEN ?? (await demoToken())
  const api = createClient({ url, token, lang })

  const me = await api.auth.me.query()
  console.log(`signed in as ${me.displayName} (${me.role}, scope ${me.scopePath})`)

  // 2. The region's schemes.
  const schemes = await api.schemes.list.query({})
  console.log(`\n${schemes.length} scheme version(s) visible:`)
  for (const s of schemes)
    console.log(`  ${s.schemeId} v${s.version} ${s.status} from ${s.effectiveFrom} — ${s.name[lang]}`)

  // 3. A new version of one: copy the latest, take effect after it (and not before today), publish.
  const versions = schemes.filter((s) => s.schemeId === SCHEME_ID)
  const latest = versions.reduce((a, b) => (b.version > a.version ? b : a))
  const today = new Date().toISOString().slice(0, 10)
  const effectiveFrom = [addDays(latest.effectiveFrom, 1), today].sort().at(-1) ?? today
  const draft = await api.schemes.createVersion.mutate({
    schemeId: SCHEME_ID,
    fromVersion: latest.version,
    effectiveFrom,
  })
  const published = await api.schemes.publish.mutate({
    schemeId: SCHEME_ID,
    version: draft.scheme.version,
    expectedRowVersion: draft.rowVersion,
  })
  console.log(
    `\npublished ${SCHEME_ID} v${published.scheme.version}, in force from ${published.scheme.effectiveFrom}`,
  )
  const diff = await api.schemes.diff.query({
    schemeId: SCHEME_ID,
    fromVersion: latest.version,
    toVersion: published.scheme.version,
  })
  console.log(`changes against v${latest.version}: ${diff.changes.map((c) => c._tag).join(", ") || "none"}`)

  // 4. A person's eligibility under the new version, explained.
  const {
    items: [person],
  } = await api.profiles.list.query({ limit: 1 })
  if (person === undefined) throw new Error("no person visible to this account")
  const verdict = await api.eligibility.check.query({
    schemeId: SCHEME_ID,
    version: published.scheme.version,
    personId: person.id,
    referenceDate: effectiveFrom,
  })
  console.log(`\n${person.name} (${person.idNumberMasked}) on ${verdict.referenceDate}: ${verdict.outcome}`)
  for (const f of verdict.findings)
    console.log(
      `  [${f.status}] ${f.label[lang]}: ${f.message[lang]} (${f.citation.document} ${f.citation.clause})`,
    )
}

main().catch((error: unknown) => {
  const details = errorDetails(error)
  console.error(
    details === undefined ? error : `${details.tag}: ${details.message[lang]} (request ${details.requestId})`,
  )
  process.exit(1)
})
