import { type CadreClient, createClient, errorDetails } from "@cadre/client"
import { type Language, toLanguage } from "@cadre/ui"
import type { TFunction } from "i18next"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"

/**
 * The typed API client for the SPA. The app and the API share an origin (`/api` is proxied), so the session
 * cookie goes along with every request; error messages come in the language on screen.
 */
export const apiUrl = "/api/trpc"

/** The kernel's language code for a UI language. */
export const langOf = (language: Language): "zh" | "en" => (language === "en" ? "en" : "zh")

/** A client speaking `language`; `fetch` is looked up at call time so tests can stub it. */
export const makeClient = (language: Language): CadreClient =>
  createClient({
    url: apiUrl,
    lang: langOf(language),
    fetch: (input, init) => globalThis.fetch(input, { ...init, credentials: "same-origin" }),
  })

/** The client for the current language, and that language. */
export const useApi = (): { readonly api: CadreClient; readonly language: Language } => {
  const { i18n } = useTranslation()
  const language = toLanguage(i18n.language)
  const api = useMemo(() => makeClient(language), [language])
  return { api, language }
}

/** What went wrong, for people: the server's explanation in their language, or "cannot reach the service". */
export interface Problem {
  readonly tag: string
  readonly text: string
  readonly requestId: string | null
}

export const problemOf = (error: unknown, language: Language, t: TFunction): Problem => {
  const d = errorDetails(error)
  if (d === undefined) return { tag: "Network", text: t("admin:errors.network"), requestId: null }
  // A stale version has a server message too; the user needs to know what to do about it.
  const text = d.tag === "StaleVersion" ? t("admin:errors.stale") : d.message[langOf(language)]
  return { tag: d.tag, text, requestId: d.requestId }
}

/** True when the server says the session is missing or over. */
export const isUnauthenticated = (error: unknown): boolean => errorDetails(error)?.code === "UNAUTHORIZED"
