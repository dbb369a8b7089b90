import { App as AntdApp, ConfigProvider } from "antd"
import enUS from "antd/locale/en_US"
import zhCN from "antd/locale/zh_CN"
import type { i18n as I18n } from "i18next"
import { type ReactNode, useMemo, useSyncExternalStore } from "react"
import { I18nextProvider, useTranslation } from "react-i18next"
import { toLanguage } from "../i18n/languages.js"
import { cadreTheme } from "./theme.js"

/** Props of {@link UiProvider}. */
export interface UiProviderProps {
  /** The app's i18next instance, from `createI18n`. */
  readonly i18n: I18n
  readonly children?: ReactNode
}

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)"

const subscribeReducedMotion = (onChange: () => void) => {
  if (typeof window === "undefined" || window.matchMedia === undefined) return () => undefined
  const query = window.matchMedia(REDUCED_MOTION)
  query.addEventListener("change", onChange)
  return () => query.removeEventListener("change", onChange)
}

const prefersReducedMotion = () =>
  typeof window !== "undefined" &&
  window.matchMedia !== undefined &&
  window.matchMedia(REDUCED_MOTION).matches

/**
 * Whether the user asked the system for less motion (WCAG 2.3.3). antd then opens dialogs and menus without their
 * zoom and slide, which also keeps a click from landing mid-animation on the mask behind a dialog.
 */
export const useReducedMotion = (): boolean =>
  useSyncExternalStore(subscribeReducedMotion, prefersReducedMotion, () => false)

const AntdConfig = ({ children }: { readonly children?: ReactNode }) => {
  // useTranslation re-renders this on every language change, so antd's own texts follow the switch.
  const { i18n } = useTranslation()
  const locale = toLanguage(i18n.language) === "en" ? enUS : zhCN
  const reducedMotion = useReducedMotion()
  const theme = useMemo(
    () => (reducedMotion ? { ...cadreTheme, token: { ...cadreTheme.token, motion: false } } : cadreTheme),
    [reducedMotion],
  )
  return (
    <ConfigProvider locale={locale} theme={theme}>
      {children}
    </ConfigProvider>
  )
}

/**
 * i18next, antd's theme and antd's locale, without antd's `App` frame. The portal uses this: `App` (for the
 * message, notification and modal hooks) brings Modal and Form into the first page a phone loads (≈ 40 kB gzip),
 * so the portal's pages that use those hooks wrap themselves in `App` and load it with their own code.
 */
export const UiBaseProvider = ({ i18n, children }: UiProviderProps) => (
  <I18nextProvider i18n={i18n}>
    <AntdConfig>{children}</AntdConfig>
  </I18nextProvider>
)

/** Wraps an SPA: i18next, antd's theme and antd's locale (zh_CN or en_US) following the chosen language. */
export const UiProvider = ({ i18n, children }: UiProviderProps) => (
  <UiBaseProvider i18n={i18n}>
    <AntdApp>{children}</AntdApp>
  </UiBaseProvider>
)
