import { type CadreClient, createClient } from "@cadre/client"
import { toLanguage } from "@cadre/ui"
import { createContext, type ReactNode, useContext, useMemo } from "react"
import { useTranslation } from "react-i18next"

/** Where the SPA reaches tRPC: `/api` is proxied to the API (vite preview, dev, the production proxy). */
export const apiUrl = "/api/trpc"

const ApiContext = createContext<CadreClient | undefined>(undefined)

/** Props of {@link ApiProvider}: tests pass a `fetch` that answers like the API. */
export interface ApiProviderProps {
  readonly fetch?: typeof fetch
  readonly children?: ReactNode
}

/**
 * The typed client for the pages. Same origin, so the browser sends the session cookie by itself; the client is
 * recreated when the language changes so that `message` (the single-language one) follows it too.
 */
export const ApiProvider = ({ fetch, children }: ApiProviderProps) => {
  const { i18n } = useTranslation()
  const lang = toLanguage(i18n.language) === "en" ? "en" : "zh"
  const client = useMemo(
    () => createClient({ url: apiUrl, lang, ...(fetch === undefined ? {} : { fetch }) }),
    [lang, fetch],
  )
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>
}

/** The API client; only inside {@link ApiProvider}. */
export const useApi = (): CadreClient => {
  const client = useContext(ApiContext)
  if (client === undefined) throw new Error("useApi outside ApiProvider")
  return client
}
