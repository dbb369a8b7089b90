import { createClient } from "../src/index.js"

/**
 * A signed-in client for the examples: a cookie session (as the SPAs have), for a demo account. Integrators use
 * API tokens instead (`createClient({ url, token })`); staff accounts sign in with their password.
 */
export const signIn = async (
  url: string,
  identifier: string,
  lang: "zh" | "en",
): Promise<ReturnType<typeof createClient>> => {
  let cookie = ""
  const cookieFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers)
    if (cookie !== "") headers.set("cookie", cookie)
    const res = await fetch(input, { ...init, headers })
    const set = res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "")
    if (set.length > 0) cookie = set.join("; ")
    return res
  }
  const client = createClient({ url, fetch: cookieFetch, lang })
  await client.auth.login.mutate({ identifier, password: process.env.DEMO_PASSWORD ?? "Demo-cadre-2026" })
  return client
}
