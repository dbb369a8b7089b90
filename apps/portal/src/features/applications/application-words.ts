import type { RouterOutputs } from "@cadre/client"
import type { TFunction } from "i18next"
import { formatDate, type Language } from "@cadre/ui"

/** Pure helpers of 我的报名, tested without a browser. */

type Application = RouterOutputs["applications"]["mine"][number]
export type Reason = Application["reasons"][number]
export type ReasonKind = Reason["kind"]

/** The applicant may withdraw before the decision (selection.md §2); the server checks it again. */
export const WITHDRAWABLE: ReadonlyArray<Application["state"]> = [
  "draft",
  "submitted",
  "screened",
  "qualification_review",
  "joint_review",
  "inspection",
  "interview",
  "shortlisted",
]

/** The order the groups are shown in: what fails first, then what waits for a reviewer, then a body's move. */
const ORDER: ReadonlyArray<ReasonKind> = ["fail", "review", "move"]

/**
 * The reasons in their groups (issue 17: failing rules and items awaiting a reviewer are never one list), empty
 * groups left out, each group in the server's order.
 */
export const reasonGroups = (
  reasons: ReadonlyArray<Reason>,
): ReadonlyArray<{ readonly kind: ReasonKind; readonly reasons: ReadonlyArray<Reason> }> =>
  ORDER.map((kind) => ({ kind, reasons: reasons.filter((r) => r.kind === kind) })).filter(
    (g) => g.reasons.length > 0,
  )

type Profile = RouterOutputs["profiles"]["mine"]["profile"]
type T = TFunction<"portal">

/** One group of the check-your-answers page: its title and its label/value rows. */
export interface AnswerGroup {
  readonly title: string
  /** The profile's page that asks this group (its "修改" link opens that page: /profile?page=…). */
  readonly page: "basic" | "party" | "education" | "work" | "resume" | "family"
  readonly rows: ReadonlyArray<{ readonly label: string; readonly children: string }>
}

const date = (d: string | undefined, language: Language): string =>
  d === undefined || d === "" ? "" : formatDate(d, language)

/**
 * What the 报名表 will say, grouped as the profile asks it (check your answers before applying). The earliest
 * résumé start is the 参加工作时间; a missing answer reads 未填写 so that it is seen before the form is printed.
 */
export const answerRows = (p: Profile, t: T, language: Language): ReadonlyArray<AnswerGroup> => {
  const none = t("apply.notGiven")
  const or = (s: string | undefined) => (s === undefined || s.trim() === "" ? none : s)
  const party =
    p.party._tag === "NotMember"
      ? t("profile.notMember")
      : p.party._tag === "Probationary"
        ? `${t("profile.probationary")}（${t("profile.joined")} ${date(p.party.joined, language)}）`
        : `${t("profile.full")}（${t("profile.joined")} ${date(p.party.joined, language)}，${t("profile.fullMemberSince")} ${date(p.party.fullMemberSince, language)}）`
  const education = p.education[0]
  const history = [...p.workHistory].sort((a, b) => a.from.localeCompare(b.from))
  return [
    {
      title: t("profile.basic"),
      page: "basic",
      rows: [
        { label: t("profile.name"), children: p.name },
        { label: t("profile.sex"), children: t(`profile.${p.sex}`) },
        { label: t("profile.ethnicity"), children: or(p.ethnicity) },
        { label: t("profile.birthDate"), children: date(p.birthDate, language) },
        { label: t("profile.nativePlace"), children: or(p.nativePlace) },
        { label: t("profile.birthPlace"), children: or(p.birthPlace) },
        { label: t("profile.health"), children: or(p.health) },
        { label: t("profile.idNumber"), children: p.idNumber },
        { label: t("profile.phone"), children: or(p.phone) },
      ],
    },
    {
      title: t("profile.party"),
      page: "party",
      rows: [{ label: t("profile.partyStatus"), children: party }],
    },
    {
      title: t("profile.education"),
      page: "education",
      rows: [
        {
          label: t("profile.educationLevel"),
          children: education === undefined ? none : t(`profile.levels.${education.level}`),
        },
        {
          label: t("profile.fullTime"),
          children: education === undefined ? none : t(education.fullTime ? "profile.yes" : "profile.no"),
        },
      ],
    },
    {
      title: t("profile.work"),
      page: "work",
      rows: [
        { label: t("profile.employment"), children: t(`profile.employments.${p.employment}`) },
        { label: t("profile.currentUnit"), children: or(p.currentUnit) },
        { label: t("profile.currentPosition"), children: or(p.currentPosition) },
        {
          label: t("apply.workStart"),
          children: date(p.workStarted ?? history[0]?.from, language) || none,
        },
      ],
    },
    {
      title: t("profile.resume"),
      page: "resume",
      rows:
        history.length === 0
          ? [{ label: t("profile.resume"), children: none }]
          : history.map((w) => ({
              label: `${date(w.from, language)}—${w.to === undefined ? t("apply.now") : date(w.to, language)}`,
              children: `${w.organisation} ${w.position}`,
            })),
    },
    {
      title: t("profile.familyTitle"),
      page: "family",
      rows:
        (p.family ?? []).length === 0
          ? [{ label: t("profile.familyTitle"), children: t("profile.familyNone") }]
          : (p.family ?? []).map((m) => ({
              label: m.relation,
              children: [m.name, date(m.birthDate, language), m.politicalStatus, m.workUnitAndPost]
                .filter((x) => x !== undefined && x !== "")
                .join(" "),
            })),
    },
  ]
}
