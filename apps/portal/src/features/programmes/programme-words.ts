import type { TFunction } from "i18next"
import type { RouterOutputs } from "@cadre/client"
import { formatDate, type Language } from "@cadre/ui"

/**
 * Plain words for a public programme's dates and clauses, shared by the list and the programme's page. Pure, so
 * that they are tested without a browser.
 */

export type PublicSummary = RouterOutputs["campaigns"]["publicList"][number]
export type PublicDetail = RouterOutputs["campaigns"]["publicGet"]
export type TimetableEntry = PublicDetail["timetable"][number]
export type Clause = TimetableEntry["citation"]

type T = TFunction<"portal">
const pickText = (text: { readonly zh: string; readonly en: string }, language: Language) =>
  language === "en" ? text.en : text.zh

/** "2026年12月18日前" / "by 18 December 2026"; a period "2026年12月21日至2026年12月31日"; or the scheme's note. */
export const whenWords = (e: TimetableEntry | null, t: T, language: Language): string => {
  if (e === null) return t("programmes.noDeadline")
  if (e.date === null) return e.note === null ? t("programmes.undated") : pickText(e.note, language)
  if (e.opens !== null && e.opens !== e.date)
    return t("programmes.between", {
      from: formatDate(e.opens, language),
      to: formatDate(e.date, language),
    })
  return t("programmes.by", { date: formatDate(e.date, language) })
}

/** "依据：《关于……的通知》第二（一）条" — the document's title and the clause as the scheme cites it. */
export const clauseWords = (c: Clause, t: T, language: Language): string =>
  t("programmes.clause", { document: pickText(c.document, language), clause: c.clause })

/** The region as people say it: the names from the province down, "安徽省 淮北市 淮上区". */
export const regionWords = (p: Pick<PublicSummary, "regionNames">): string => p.regionNames.join(" ")
