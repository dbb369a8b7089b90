import { PassThrough } from "node:stream"
import { WHOLE_PROFILE_ROLES } from "@cadre/db"
import { type Access, Eligibility, LocalDate, Person } from "@cadre/domain"
import { type RegistrationFormInput, registrationFormPdf } from "@cadre/exports"
import {
  ApplicationService,
  CampaignService,
  EXPORT_JOB_THRESHOLD,
  EXPORT_KINDS,
  type ExportJobView,
  type ExportKind,
  ExportService,
} from "@cadre/services"
import { Effect, Schema } from "effect"
import { Rejected } from "../errors.js"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { Id } from "./shared.js"
import { referenceOf } from "./selection-shared.js"

/**
 * Exports: the campaign roster (花名册) and arrangement table (安排表) as .xlsx, an application's registration form
 * (报名表) as an A4 PDF for double-sided printing (000). The roster and arrangement are read in keyset batches and
 * streamed (ExportService): `start` answers the URL of the plain HTTP download (apps/api exports.ts) or, over the
 * job threshold, a background job to poll (`job`) and `cancel`. The small base64 forms (`roster`, `arrangement`,
 * refused over the threshold) and the 报名表 travel base64-encoded in the JSON answer, with a file name and MIME
 * type. Each export is audited, and each
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

const partyOf = (p: Person.Profile): { status: string; joined?: string } =>
  p.party._tag === "NotMember"
    ? { status: "群众" }
    : p.party._tag === "Probationary"
      ? { status: "中共预备党员", joined: p.party.joined }
      : { status: "中共党员", joined: p.party.joined }

const rankText = (p: Person.Profile): string =>
  p.rank === undefined ? "" : Eligibility.RANK_LABELS[p.rank.level].zh
const unitAndPost = (p: Person.Profile): string => `${p.currentUnit ?? ""}${p.currentPosition ?? ""}`

/** Masked unless the caller is the applicant or a role that may read whole profiles (printing needs them). */
const mayPrintWhole = (actor: Access.Actor, personId: string): boolean =>
  (actor.role === "applicant" && actor.scope._tag === "SelfScope" && actor.scope.personId === personId) ||
  WHOLE_PROFILE_ROLES.includes(actor.role)

/** The bytes an export writes into a stream (the base64 procedures: small files only). */
const bytesOf = async (write: (out: PassThrough) => Promise<number>): Promise<Uint8Array> => {
  const out = new PassThrough()
  const parts: Buffer[] = []
  out.on("data", (b: Buffer) => parts.push(b))
  const ended = new Promise((resolve, reject) => {
    out.on("end", resolve)
    out.on("error", reject)
  })
  await write(out)
  await ended
  return new Uint8Array(Buffer.concat(parts))
}

const Kind = Schema.Literal(...EXPORT_KINDS).annotations({
  title: "导出类型 / export kind (roster: 花名册; arrangement: 安排表)",
})
const JobId = Id("导出任务编号 / export job id")

/** Where a file is downloaded: the streamed export of a campaign, or a finished job's file. */
export const exportUrl = (campaignId: string, kind: ExportKind): string =>
  `/api/v1/exports/campaigns/${encodeURIComponent(campaignId)}/${kind}.xlsx`
export const exportJobUrl = (jobId: string): string =>
  `/api/v1/exports/jobs/${encodeURIComponent(jobId)}/file`

const withUrl = (job: ExportJobView) => ({ ...job, url: job.status === "done" ? exportJobUrl(job.id) : null })

/** The in-process runner (docs/adr/0010-export-jobs.md): a started job runs on a daemon fiber. */
const runInBackground = (jobId: string) =>
  Effect.flatMap(ExportService, (s) => Effect.forkDaemon(s.runJob(jobId))).pipe(Effect.asVoid)

/** A small roster or arrangement as base64 (over the job threshold: 409, start a job). */
const smallFile = (kind: ExportKind) =>
  procedure
    .permission("campaign.read")
    .input(input(Schema.Struct({ campaignId: Id("批次编号 / campaign id") })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const p = yield* Effect.flatMap(ExportService, (s) =>
            s.stream(
              ctx.cmd,
              { campaignId: i.campaignId, kind, today: todayOf(ctx) },
              ctx.deps.exportJobThreshold ?? EXPORT_JOB_THRESHOLD,
            ),
          )
          const bytes = yield* Effect.promise(() => bytesOf((out) => p.write(out)))
          return { ...file(p.fileName, XLSX, bytes), rows: p.total }
        }),
      ),
    )

export const exportsRouter = router({
  /** 花名册: one row per application the caller sees, phones masked. */
  roster: smallFile("roster"),

  /** 安排表: the appointed and reported-in cadres with their posts. */
  arrangement: smallFile("arrangement"),

  /**
   * Start a roster or arrangement export (issue 19 §4): at most the job threshold, `job` is null and `url` is the
   * file to GET (streamed); over it, a job runs in the background and `job` reports it (poll exports.job).
   */
  start: procedure
    .permission("campaign.read")
    .input(input(Schema.Struct({ campaignId: Id("批次编号 / campaign id"), kind: Kind })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const s = yield* ExportService
          const { total, job } = yield* s.start(
            ctx.cmd,
            { campaignId: i.campaignId, kind: i.kind, today: todayOf(ctx) },
            ctx.deps.exportJobThreshold ?? EXPORT_JOB_THRESHOLD,
          )
          if (job === null) return { total, job: null, url: exportUrl(i.campaignId, i.kind) }
          yield* runInBackground(job.id)
          return { total, job: withUrl(job), url: null }
        }),
      ),
    ),

  /** An export job's progress (done / total, rows per second); `url` once the file is ready. */
  job: procedure
    .permission("campaign.read")
    .input(input(Schema.Struct({ jobId: JobId })))
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.map(
          Effect.flatMap(ExportService, (s) => s.job(ctx.actor, i.jobId)),
          withUrl,
        ),
      ),
    ),

  /** Cancel an export job not yet finished. */
  cancel: procedure
    .permission("campaign.read")
    .input(input(Schema.Struct({ jobId: JobId })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(
        Effect.map(
          Effect.flatMap(ExportService, (s) => s.cancel(ctx.cmd, i.jobId)),
          withUrl,
        ),
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
