import i18next, { type i18n as I18n } from "i18next"
import { initReactI18next } from "react-i18next"
import { commonEn, commonZhCN } from "./common.js"
import { defaultLanguage, type Language, languageStorageKey, languages, toLanguage } from "./languages.js"

/** A message tree: nested objects whose leaves are strings. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree
}

/** An app's own messages: for each language, namespaces of message trees. */
export type AppResources = Record<Language, Record<string, MessageTree>>

/** Options for {@link createI18n}. */
export interface CreateI18nOptions {
  /** The app's namespaces (e.g. `admin`), merged with the shared `common` namespace. */
  readonly resources?: AppResources
  /** The namespace `t` uses when a key names none. */
  readonly defaultNS?: string
  /** Start in this language instead of the remembered one (tests, server-side). */
  readonly language?: Language
}

const storage = (): Storage | undefined => {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage
  } catch {
    // Private browsing modes may throw on access: then the choice is simply not remembered.
    return undefined
  }
}

/** The language chosen on an earlier visit, or zh-CN. */
export const rememberedLanguage = (): Language => toLanguage(storage()?.getItem(languageStorageKey))

/**
 * Creates a fresh, synchronously initialised i18next instance (one per app, one per test) with zh-CN as the
 * default and fallback. Changing the language remembers it and sets `<html lang>`.
 */
export const createI18n = (options: CreateI18nOptions = {}): I18n => {
  const instance = i18next.createInstance()
  const lng = options.language ?? rememberedLanguage()
  const resources = {
    "zh-CN": { common: commonZhCN, ...options.resources?.["zh-CN"] },
    en: { common: commonEn, ...options.resources?.en },
  }
  instance.use(initReactI18next)
  void instance.init({
    lng,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    resources,
    defaultNS: options.defaultNS ?? "common",
    ns: Object.keys(resources["zh-CN"]),
    interpolation: { escapeValue: false }, // React escapes already.
    initAsync: false,
    showSupportNotice: false, // keep test and browser consoles free of the vendor banner
  })
  const onChange = (next: string): void => {
    storage()?.setItem(languageStorageKey, toLanguage(next))
    if (typeof document !== "undefined") document.documentElement.lang = toLanguage(next)
  }
  instance.on("languageChanged", onChange)
  if (typeof document !== "undefined") document.documentElement.lang = lng
  return instance
}
