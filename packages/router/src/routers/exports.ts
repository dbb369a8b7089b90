import { WHOLE_PROFILE_ROLES } from "@cadre/db"
import { type Access, Eligibility, LocalDate, Person, Selection } from "@cadre/domain"
import {
  type ArrangementRow,
  arrangementXlsx,
  type RegistrationFormInput,
  type RosterRow,
  registrationFormPdf,
  rosterXlsx,
} from "@cadre/exports"
import { ApplicationService, CampaignService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { Rejected } from "../errors.js"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { Id } from "./shared.js"
import { referenceOf } from "./selection-shared.js"

/**
 * Exports: the campaign roster (花名册) and arrangement table (安排表) as .xlsx, an application's registration form
 * (报名表) as an A4 PDF for double-sided printing (000). Files travel base64-encoded in the JSON answer, with a
 * file name and MIME type, so the typed client and the SPA save them the same way. Each export is audited, and each
 * is a mutation: it runs only by POST with a JSON body, so a plain link or a form on another site cannot make a
 * visitor's browser fetch personal data with their cookie.
 */

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
const PDF = "application/pdf"
const file = (name: string, mime: string, bytes: Uint8Array) => ({
  filename: name,
  mime,
  size: bytes.byteLength,
  base64: Buffer.from(bytes).toString("base64"),
})

const SEX: Readonly<Record<string, string>> = { male: "男", female: "女" }

/** The earliest start in the résumé (its periods need not be in order). */
const earliestStart = (profile: Person.Profile): string | undefined =>
  profile.workHistory.map((w) => w.from as string).sort()[0]
const CHANNEL: Readonly<Record<string, string>> = {
  self_registration: "个人报名",
  unit_recommendation: "单位推荐",
  organisation_recommendation: "组织推荐",
}
const OUTCOME: Readonly<Record<Eligibility.Outcome, string>> = {
  eligible: "符合条件",
  ineligible: "不符合条件",
  needs_review: "待人工审核",
}

const partyOf = (p: Person.Profile): { status: string; joined?: string } =>
  p.party._tag === "NotMember"
    ? { status: "群众" }
    : p.party._tag === "Probationary"
      ? { status: "中共预备党员", joined: p.party.joined }
      : { status: "中共党员", joined: p.party.joined }

const highest = (p: Person.Profile) =>
  [...p.education].sort((a, b) => Person.educationRank(b.level) - Person.educationRank(a.level))[0]

const educationText = (p: Person.Profile): string => {
  const e = highest(p)
  return e === undefined ? "" : `${Eligibility.EDUCATION_LABELS[e.level].zh}${e.fullTime ? "" : "（在职）"}`
}
const rankText = (p: Person.Profile): string =>
  p.rank === undefined ? "" : Eligibility.RANK_LABELS[p.rank.level].zh
const unitAndPost = (p: Person.Profile): string => `${p.currentUnit ?? ""}${p.currentPosition ?? ""}`

/** Masked unless the caller is the applicant or a role that may read whole profiles (printing needs them). */
const mayPrintWhole = (actor: Access.Actor, personId: string): boolean =>
  (actor.role === "applicant" && actor.scope._tag === "SelfScope" && actor.scope.personId === personId) ||
  WHOLE_PROFILE_ROLES.includes(actor.role)

export const exportsRouter = router({
  /** 花名册: one row per application the caller sees, phones masked. */
  roster: procedure
    .permission("campaign.read")
    .input(input(Schema.Struct({ campaignId: Id("批次编号 / campaign id") })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const campaigns = yield* CampaignService
          const applications = yield* ApplicationService
          const { campaign } = yield* campaigns.schemeOf(ctx.actor, i.campaignId)
          const apps = yield* applications.allApplications(ctx.actor, campaign.id)
          const postInfo = yield* campaigns.postsInfo(
            apps.flatMap((a) => (a.application.postId ? [a.application.postId] : [])),
          )
          const rows: Array<RosterRow> = []
          for (const a of apps) {
            const { profile } = yield* applications.profileOf(ctx.actor, a.application.id)
            const party = partyOf(profile)
            const ref = campaign.referenceDate as LocalDate.LocalDate
            rows.push({
              name: profile.name,
              sex: SEX[profile.sex] ?? "",
              birthDate: profile.birthDate,
              age: LocalDate.fullYearsBetween(profile.birthDate, ref),
              ethnicity: profile.ethnicity ?? "",
              politicalStatus: party.status,
              ...(party.joined === undefined ? {} : { partyJoinDate: party.joined }),
              education: educationText(profile),
              workUnitAndPost: unitAndPost(profile),
              rank: rankText(profile),
              channel: CHANNEL[a.application.channel ?? ""] ?? "",
              ...(a.application.recommendation === undefined
                ? {}
                : { recommendingUnit: a.application.recommendation.body }),
              eligibility: a.application.verdict === undefined ? "" : OUTCOME[a.application.verdict.outcome],
              stage: Selection.STATE_LABELS[a.application.state].zh,
              ...(a.application.postId === undefined
                ? {}
                : { intendedPost: postInfo.get(a.application.postId)?.title ?? a.application.postId }),
              phone: a.person.phoneMasked ?? "",
            })
          }
          const bytes = yield* Effect.promise(() =>
            rosterXlsx({ campaignName: campaign.name, ageReferenceDate: campaign.referenceDate, rows }),
          )
          yield* campaigns.auditExport(ctx.cmd, {
            entity: "campaign",
            entityId: campaign.id,
            regionPath: campaign.regionPath,
            what: `roster (${rows.length} rows)`,
          })
          return { ...file(`${campaign.name}-花名册.xlsx`, XLSX, bytes), rows: rows.length }
        }),
      ),
    ),

  /** 安排表: the appointed and reported-in cadres with their posts. */
  arrangement: procedure
    .permission("campaign.read")
    .input(input(Schema.Struct({ campaignId: Id("批次编号 / campaign id") })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const campaigns = yield* CampaignService
          const applications = yield* ApplicationService
          const { campaign } = yield* campaigns.schemeOf(ctx.actor, i.campaignId)
          const apps = (yield* applications.allApplications(ctx.actor, campaign.id)).filter(
            (a) => a.application.state === "appointed" || a.application.state === "reported_in",
          )
          const info = yield* campaigns.postsInfo(
            apps.flatMap((a) => (a.application.postId ? [a.application.postId] : [])),
          )
          const rows: Array<ArrangementRow> = []
          for (const a of apps) {
            const { profile } = yield* applications.profileOf(ctx.actor, a.application.id)
            const post = a.application.postId === undefined ? undefined : info.get(a.application.postId)
            rows.push({
              name: profile.name,
              dispatchingUnitAndPost: unitAndPost(profile),
              street: post?.parentName ?? "",
              community: post?.regionName ?? "",
              post: post?.title ?? "",
              reportDate: a.application.reportedInOn ?? a.application.appointedOn ?? todayOf(ctx),
              ...(a.application.reportedInOn === undefined ? { remarks: "尚未报到" } : {}),
            })
          }
          const bytes = yield* Effect.promise(() =>
            arrangementXlsx({ title: `${campaign.name}安排表`, rows }),
          )
          yield* campaigns.auditExport(ctx.cmd, {
            entity: "campaign",
            entityId: campaign.id,
            regionPath: campaign.regionPath,
            what: `arrangement (${rows.length} rows)`,
          })
          return { ...file(`${campaign.name}-安排表.xlsx`, XLSX, bytes), rows: rows.length }
        }),
      ),
    ),

  /** 报名表 of one application: staff in scope, or the applicant for their own. */
  registrationForm: procedure
    .authenticated()
    .input(input(Schema.Struct({ applicationId: Id("报名记录编号 / application id") })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const { record, profile } = yield* Effect.flatMap(ApplicationService, (r) =>
            r.profileOf(ctx.actor, i.applicationId),
          )
          const app = record.application
          const whole = mayPrintWhole(ctx.actor, profile.id)
          const party = partyOf(profile)
          const verdict = app.verdict
          if (verdict === undefined)
            return yield* Effect.fail(
              new Rejected({ message: { zh: "尚未进行资格比对，不能打印报名表", en: "not screened yet" } }),
            )
          const fullTime = profile.education.find((e) => e.fullTime)
          const inService = profile.education.find((e) => !e.fullTime)
          const edu = (e: Person.Education | undefined) =>
            e === undefined
              ? undefined
              : {
                  degree: Eligibility.EDUCATION_LABELS[e.level].zh,
                  school: [e.institution, e.major].filter(Boolean).join(" "),
                }
          const form: RegistrationFormInput = {
            formTitle: `${record.campaignName}报名表`,
            applicationNo: referenceOf(app.id),
            generatedOn: todayOf(ctx),
            applicant: {
              name: profile.name,
              sex: SEX[profile.sex] ?? "",
              birthDate: profile.birthDate,
              age: LocalDate.fullYearsBetween(profile.birthDate, verdict.referenceDate),
              ethnicity: profile.ethnicity ?? "",
              nativePlace: profile.nativePlace ?? "",
              birthPlace: profile.birthPlace ?? "",
              politicalStatus: party.status,
              ...(party.joined === undefined ? {} : { partyJoinDate: party.joined }),
              // 参加工作时间 as recorded (entered, imported, declared), else the résumé's earliest start.
              workStartDate: profile.workStarted ?? earliestStart(profile) ?? "",
              health: profile.health ?? "",
              employmentCategory: Eligibility.EMPLOYMENT_LABELS[profile.employment].zh,
              rank: rankText(profile),
              ...(edu(fullTime) === undefined ? {} : { fullTimeEducation: edu(fullTime) as never }),
              ...(edu(inService) === undefined ? {} : { inServiceEducation: edu(inService) as never }),
              workUnitAndPost: unitAndPost(profile),
              idNumber: whole ? profile.idNumber : Person.maskIdNumber(profile.idNumber),
              phone:
                profile.phone === undefined ? "" : whole ? profile.phone : Person.maskPhone(profile.phone),
            },
            channel: CHANNEL[app.channel ?? ""] ?? "",
            resume: profile.workHistory.map((w) => ({
              from: w.from,
              ...(w.to === undefined ? {} : { to: w.to }),
              text: `${w.organisation}${w.position}`,
            })),
            rewardsAndPunishments:
              profile.conduct.length === 0
                ? "无"
                : profile.conduct.map((c) => c.description || c.kind).join("；"),
            family: (profile.family ?? []).map((m) => ({
              relation: m.relation,
              name: m.name,
              ...(m.birthDate === undefined ? {} : { birthDate: m.birthDate }),
              politicalStatus: m.politicalStatus ?? "",
              workUnitAndPost: m.workUnitAndPost ?? "",
            })),
            ...(app.recommendation === undefined
              ? {}
              : {
                  recommendation: {
                    unit: app.recommendation.body,
                    opinion: "同意推荐",
                    meeting: app.recommendation.meeting,
                    meetingDate: app.recommendation.meetingDate,
                  },
                }),
            eligibility: {
              outcome: verdict.outcome,
              scheme: `${verdict.schemeId} 第${verdict.schemeVersion}版`,
              referenceDate: verdict.referenceDate,
              items: verdict.findings.flatMap((f) =>
                f.status === "pass"
                  ? []
                  : [
                      {
                        status: f.status,
                        clause: `${f.citation.document} ${f.citation.clause}`,
                        rule: f.label.zh,
                        reason: f.message.zh,
                      },
                    ],
              ),
            },
          }
          const bytes = yield* Effect.tryPromise({
            try: () => registrationFormPdf(form),
            catch: (e) =>
              new Rejected({
                message: {
                  zh: `报名表生成失败：${(e as { zh?: string }).zh ?? String(e)}`,
                  en: `the registration form could not be produced: ${String(e)}`,
                },
              }),
          })
          yield* Effect.flatMap(CampaignService, (r) =>
            r.auditExport(ctx.cmd, {
              entity: "application",
              entityId: app.id,
              regionPath: record.campaignPath,
              what: whole ? "registration form (whole ID number)" : "registration form (masked)",
            }),
          )
          return file(`${profile.name}-报名表.pdf`, PDF, bytes)
        }),
      ),
    ),
})
