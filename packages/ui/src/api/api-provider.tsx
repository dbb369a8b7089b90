import { type CadreClient, createClient } from "@cadre/client"
import { createContext, type ReactNode, useContext, useMemo } from "react"
import type { Language } from "../i18n/languages.js"
import { useLanguage } from "../i18n/use-language.js"
import { langOf } from "../problem/problem.js"

/** Where the SPAs reach tRPC: `/api` is proxied to the API (vite preview, dev, the production proxy). */
export const apiUrl = "/api/trpc"

/**
 * A client whose error messages (the single-language `message`) are in `language`. Same origin, so the browser
 * sends the session cookie by itself. Without `fetch`, the global one is looked up at call time, so tests may
 * stub it (`vi.stubGlobal("fetch", …)`) after the client was made.
 */
export const makeClient = (language: Language, fetch?: typeof globalThis.fetch): CadreClient =>
  createClient({
    url: apiUrl,
    lang: langOf(language),
    fetch: fetch ?? ((input, init) => globalThis.fetch(input, { ...init, credentials: "same-origin" })),
  })

const ApiContext = createContext<CadreClient | undefined>(undefined)

/** Props of {@link ApiProvider}: tests may pass a `fetch` that answers like the API. */
export interface ApiProviderProps {
  readonly fetch?: typeof globalThis.fetch | undefined
  readonly children?: ReactNode
}

/** The typed client for the pages, recreated when the language changes so that its `message` follows it. */
export const ApiProvider = ({ fetch, children }: ApiProviderProps) => {
  const language = useLanguage()
  const client = useMemo(() => makeClient(language, fetch), [language, fetch])
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>
}

/** The API client; only inside {@link ApiProvider}. */
export const useApi = (): CadreClient => {
  const client = useContext(ApiContext)
  if (client === undefined) throw new Error("useApi outside ApiProvider")
  return client
}
