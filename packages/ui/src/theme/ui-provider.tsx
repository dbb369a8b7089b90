import { App as AntdApp, ConfigProvider } from "antd"
import enUS from "antd/locale/en_US"
import zhCN from "antd/locale/zh_CN"
import type { i18n as I18n } from "i18next"
import type { ReactNode } from "react"
import { I18nextProvider, useTranslation } from "react-i18next"
import { toLanguage } from "../i18n/languages.js"
import { cadreTheme } from "./theme.js"

/** Props of {@link UiProvider}. */
export interface UiProviderProps {
  /** The app's i18next instance, from `createI18n`. */
  readonly i18n: I18n
  readonly children?: ReactNode
}

const AntdConfig = ({ children }: { readonly children?: ReactNode }) => {
  // useTranslation re-renders this on every language change, so antd's own texts follow the switch.
  const { i18n } = useTranslation()
  const locale = toLanguage(i18n.language) === "en" ? enUS : zhCN
  return (
    <ConfigProvider locale={locale} theme={cadreTheme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  )
}

/** Wraps an SPA: i18next, antd's theme and antd's locale (zh_CN or en_US) following the chosen language. */
export const UiProvider = ({ i18n, children }: UiProviderProps) => (
  <I18nextProvider i18n={i18n}>
    <AntdConfig>{children}</AntdConfig>
  </I18nextProvider>
)
