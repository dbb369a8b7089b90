import type { Lang, Text } from "@cadre/domain"

/**
 * The caller's language: `x-lang` wins (the SPAs send the language the user picked), then the first
 * Accept-Language entry that is Chinese or English, then Chinese (the platform's default, zh-CN first).
 */
export const langFromHeaders = (headers: Headers): Lang => {
  const explicit = headers.get("x-lang")?.trim().toLowerCase()
  if (explicit?.startsWith("en") === true) return "en"
  if (explicit?.startsWith("zh") === true) return "zh"
  const accept = headers.get("accept-language")
  if (accept !== null) {
    const ranked = accept
      .split(",")
      .map((part, index) => {
        const [tag = "", ...params] = part.trim().toLowerCase().split(";")
        const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="))
        const weight = q === undefined ? 1 : Number(q.slice(2))
        return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index }
      })
      .filter((entry) => entry.weight > 0)
      .sort((a, b) => b.weight - a.weight || a.index - b.index)
    for (const { tag } of ranked) {
      if (tag.startsWith("zh")) return "zh"
      if (tag.startsWith("en")) return "en"
    }
  }
  return "zh"
}

/** Pick one language out of a bilingual text. */
export const pick = (text: Text, lang: Lang): string => text[lang]
