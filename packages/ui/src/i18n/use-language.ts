import { useTranslation } from "react-i18next"
import { type Language, toLanguage } from "./languages.js"

/** The language on screen; the component re-renders when the user switches. */
export const useLanguage = (): Language => toLanguage(useTranslation().i18n.language)
