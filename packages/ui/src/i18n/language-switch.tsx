import { Button, Flex } from "antd"
import { useTranslation } from "react-i18next"
import { type Language, toLanguage } from "./languages.js"

/** Props of {@link LanguageSwitch}. */
export interface LanguageSwitchProps {
  readonly size?: "small" | "middle" | "large"
}

const LANGUAGES: ReadonlyArray<{ readonly value: Language; readonly label: string }> = [
  { label: "中文", value: "zh-CN" },
  { label: "English", value: "en" },
]

/**
 * Two-way switch 中文 / English. Each label is written in its own language so anyone can find theirs. Two
 * toggle buttons (aria-pressed), not antd's Segmented: that one brings Tooltip and, through it, antd's form
 * context into the first page of both SPAs.
 */
export const LanguageSwitch = ({ size = "middle" }: LanguageSwitchProps) => {
  const { t, i18n } = useTranslation("common")
  const current = toLanguage(i18n.language)
  return (
    <Flex
      role="group"
      aria-label={t("language.label")}
      gap={2}
      style={{ background: "#f5f5f5", borderRadius: 6, padding: 2 }}
    >
      {LANGUAGES.map((l) => (
        <Button
          key={l.value}
          size={size}
          type={current === l.value ? "default" : "text"}
          autoInsertSpace={false}
          aria-pressed={current === l.value}
          lang={l.value}
          onClick={() => {
            if (current !== l.value) void i18n.changeLanguage(l.value)
          }}
        >
          {l.label}
        </Button>
      ))}
    </Flex>
  )
}
