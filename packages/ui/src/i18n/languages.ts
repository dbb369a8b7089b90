/** The languages the SPAs speak. zh-CN comes first and is the default: the users are Chinese Party organisations. */
export const languages = ["zh-CN", "en"] as const

/** One of {@link languages}. */
export type Language = (typeof languages)[number]

/** The language shown when none was chosen. */
export const defaultLanguage: Language = "zh-CN"

/** Narrows any string (a stored choice, i18next's current language) to a supported {@link Language}. */
export const toLanguage = (value: string | null | undefined): Language => {
  if (value === "en" || value?.startsWith("en-")) return "en"
  return defaultLanguage
}

/** Where the user's choice is remembered between visits (same key for admin and portal). */
export const languageStorageKey = "cadre.language"
