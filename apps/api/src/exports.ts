import { PassThrough, Readable } from "node:stream"
import { describeFailure, type Failure, type RouterDeps, todayOf } from "@cadre/router"
import { EXPORT_JOB_THRESHOLD, type ExportKind, ExportService, EXPORT_KINDS } from "@cadre/services"
import { Cause, Effect, Exit, Option } from "effect"
import type { Context, Hono } from "hono"
import type { AppEnv } from "./app.js"
import type { EdgeError } from "./envelope.js"
import type { Logger } from "./logger.js"

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

const STATUS: Readonly<Record<string, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
}

/** The headers of a file download: the UTF-8 name RFC 5987-encoded (`filename*`), an ASCII stand-in beside it. */
export const downloadHeaders = (fileName: string, ascii: string, size?: number): Record<string, string> => ({
  "Content-Type": XLSX,
  "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  "Cache-Control": "no-store",
  ...(size === undefined ? {} : { "Content-Length": String(size) }),
})

/**
 * The file routes of the campaign exports (issue 19 §4; docs/adr/0010-export-jobs.md):
 * - `GET /api/v1/exports/campaigns/:id/roster.xlsx` and `…/arrangement.xlsx`: the 花名册 / 安排表 streamed as it
 *   is read (keyset batches into exceljs's streaming writer); over the job threshold 409 (start a job with
 *   exports.start);
 * - `GET /api/v1/exports/jobs/:id/file`: a finished job's file, piece by piece from the database.
 * The caller is resolved as for the procedures (session cookie or API token); the service checks `campaign.read`,
 * the campaign's visibility and scopes the rows (phones masked); each streamed export writes one audit row. A
 * browser's cross-site request is refused, as commands are.
 */
export const mountExports = (
  app: Hono<AppEnv>,
  deps: RouterDeps,
  fail: (c: Context<AppEnv>, e: EdgeError) => Response,
  crossSite: (c: Context<AppEnv>) => boolean,
  logger?: Logger,
) => {
  const edge = (status: number, tag: string, zh: string, en: string): EdgeError => ({
    status,
    code: Object.entries(STATUS).find(([, s]) => s === status)?.[0] ?? "BAD_REQUEST",
    tag,
    message: { zh, en },
  })

  /** Run a service call as the caller; a typed failure is answered as the procedures answer it. */
  const run = async <A>(
    c: Context<AppEnv>,
    body: (
      actor: NonNullable<Awaited<ReturnType<RouterDeps["auth"]["resolveActor"]>>>,
    ) => Effect.Effect<A, Failure, ExportService>,
    ok: (a: A) => Response,
  ): Promise<Response> => {
    if (crossSite(c)) return fail(c, edge(403, "CrossSite", "拒绝跨站请求", "cross-site request refused"))
    const actor = await deps.auth.resolveActor(c.req.raw.headers)
    if (actor === null) return fail(c, edge(401, "Unauthorized", "请先登录", "sign in first"))
    const exit = await deps.runtime.runPromiseExit(body(actor))
    if (Exit.isSuccess(exit)) return ok(exit.value)
    const failure = Cause.failureOption(exit.cause)
    if (Option.isSome(failure)) {
      const d = describeFailure(failure.value)
      return fail(c, edge(STATUS[d.code] ?? 400, failure.value._tag, d.message.zh, d.message.en))
    }
    throw Cause.squash(exit.cause)
  }

  const streamed = (c: Context<AppEnv>, kind: ExportKind) =>
    run(
      c,
      (actor) =>
        Effect.flatMap(ExportService, (s) =>
          s.stream(
            { actor, requestId: c.get("requestId") },
            { campaignId: c.req.param("id") ?? "", kind, today: todayOf({ deps }) },
            deps.exportJobThreshold ?? EXPORT_JOB_THRESHOLD,
          ),
        ),
      (p) => {
        const out = new PassThrough()
        p.write(out).catch((error: unknown) => {
          // The status line is sent: a fault mid-file can only cut the download short (the zip is then unreadable).
          logger?.error("export stream failed", { requestId: c.get("requestId"), error: String(error) })
          out.destroy(error instanceof Error ? error : new Error(String(error)))
        })
        return new Response(Readable.toWeb(out) as ReadableStream, {
          headers: downloadHeaders(p.fileName, p.asciiName),
        })
      },
    )

  for (const kind of EXPORT_KINDS)
    app.get(`/api/v1/exports/campaigns/:id/${kind}.xlsx`, (c) => streamed(c, kind))

  app.get("/api/v1/exports/jobs/:id/file", (c) =>
    run(
      c,
      (actor) => Effect.flatMap(ExportService, (s) => s.download(actor, c.req.param("id"))),
      (f) =>
        new Response(Readable.toWeb(Readable.from(f.chunks)) as ReadableStream, {
          headers: downloadHeaders(f.fileName, f.asciiName, f.size),
        }),
    ),
  )
}
