import { Segmented } from "antd"
import { useTranslation } from "react-i18next"
import { type Language, toLanguage } from "./languages.js"

/** Props of {@link LanguageSwitch}. */
export interface LanguageSwitchProps {
  readonly size?: "small" | "middle" | "large"
}

/** Two-way switch 中文 / English. Each label is written in its own language so anyone can find theirs. */
export const LanguageSwitch = ({ size = "middle" }: LanguageSwitchProps) => {
  const { t, i18n } = useTranslation("common")
  return (
    <Segmented<Language>
      aria-label={t("language.label")}
      size={size}
      value={toLanguage(i18n.language)}
      options={[
        { label: "中文", value: "zh-CN" },
        { label: "English", value: "en" },
      ]}
      onChange={(value) => {
        void i18n.changeLanguage(value)
      }}
    />
  )
}
