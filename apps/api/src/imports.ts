import { Readable } from "node:stream"
import {
  importFileKind,
  ImportFileError,
  type ImportLayout,
  REGION_LAYOUT,
  ROSTER_LAYOUT,
  readImportFile,
  UNIT_LAYOUT,
} from "@cadre/exports"
import { describeFailure, type Failure, langFromHeaders, type RouterDeps } from "@cadre/router"
import { type ImportKind, ImportService } from "@cadre/services"
import { Cause, Effect, Exit, Option } from "effect"
import type { Context, Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import type { AppEnv } from "./app.js"
import type { EdgeError } from "./envelope.js"

/** The largest roster file the upload takes (a 100,000-row roster .xlsx is about 6 MB). */
export const MAX_IMPORT_MB = 30

/** The file of each import kind: its upload path (…/template for the template), its layout, its file names. */
const KINDS: ReadonlyArray<{
  readonly kind: ImportKind
  readonly layout: ImportLayout
  readonly template: readonly [zh: string, ascii: string]
}> = [
  { kind: "roster", layout: ROSTER_LAYOUT, template: ["花名册导入模板.xlsx", "roster-template.xlsx"] },
  { kind: "regions", layout: REGION_LAYOUT, template: ["区划导入模板.xlsx", "regions-template.xlsx"] },
  { kind: "units", layout: UNIT_LAYOUT, template: ["单位导入模板.xlsx", "units-template.xlsx"] },
]
const uploadPath = (kind: ImportKind) => `/api/v1/imports/${kind}`

/** Whether a path is a file upload (it takes the larger body limit and multipart instead of JSON). */
export const isImportUpload = (path: string): boolean => KINDS.some((k) => uploadPath(k.kind) === path)

const STATUS: Readonly<Record<string, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/** A download: the bytes with a UTF-8 file name (RFC 6266 filename*). */
const download = (bytes: Uint8Array, fileName: string, ascii: string) =>
  new Response(bytes, {
    headers: {
      "Content-Type": XLSX,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  })

/**
 * The file routes of the imports (issue 14) — roster, regions, units: each its template, the upload (multipart, field `file`, at most
 * {@link MAX_IMPORT_MB} MB; read as a stream into a staged and previewed job), the rows with errors as .xlsx.
 * The caller is resolved as for the procedures (session cookie or API token); the service decides the permission.
 */
export const mountImports = (
  app: Hono<AppEnv>,
  deps: RouterDeps,
  fail: (c: Context<AppEnv>, e: EdgeError) => Response,
  crossSite: (c: Context<AppEnv>) => boolean,
) => {
  const edge = (status: number, tag: string, zh: string, en: string): EdgeError => ({
    status,
    code: Object.entries(STATUS).find(([, s]) => s === status)?.[0] ?? "BAD_REQUEST",
    tag,
    message: { zh, en },
  })
  const unauthorized = edge(401, "Unauthorized", "请先登录", "sign in first")

  /** Run a service call as the caller; a typed failure is answered as the procedures answer it. */
  const run = async <A>(
    c: Context<AppEnv>,
    body: (
      actor: NonNullable<Awaited<ReturnType<RouterDeps["auth"]["resolveActor"]>>>,
    ) => Effect.Effect<A, Failure, ImportService>,
    ok: (a: A) => Response,
  ): Promise<Response> => {
    const actor = await deps.auth.resolveActor(c.req.raw.headers)
    if (actor === null) return fail(c, unauthorized)
    const exit = await deps.runtime.runPromiseExit(body(actor))
    if (Exit.isSuccess(exit)) return ok(exit.value)
    const failure = Cause.failureOption(exit.cause)
    if (Option.isSome(failure)) {
      const d = describeFailure(failure.value)
      return fail(c, edge(STATUS[d.code] ?? 400, failure.value._tag, d.message.zh, d.message.en))
    }
    const defect = Cause.squash(exit.cause)
    if (defect instanceof ImportFileError) return fail(c, edge(400, "ImportFileError", defect.zh, defect.en))
    throw defect
  }

  for (const k of KINDS)
    app.get(`${uploadPath(k.kind)}/template`, (c) =>
      run(
        c,
        (actor) => Effect.flatMap(ImportService, (s) => s.template(actor, k.kind)),
        (bytes) => download(bytes, k.template[0], k.template[1]),
      ),
    )

  app.get("/api/v1/imports/:id/errors.xlsx", (c) =>
    run(
      c,
      (actor) => Effect.flatMap(ImportService, (s) => s.errorsXlsx(actor, c.req.param("id"))),
      (bytes) => download(bytes, "导入错误.xlsx", "import-errors.xlsx"),
    ),
  )

  for (const k of KINDS)
    app.post(
      uploadPath(k.kind),
      bodyLimit({
        maxSize: MAX_IMPORT_MB * 1024 * 1024,
        onError: (c) => {
          c.header("Connection", "close")
          return fail(
            c,
            edge(
              413,
              "PayloadTooLarge",
              `文件超过 ${MAX_IMPORT_MB} MB`,
              `the file is larger than ${MAX_IMPORT_MB} MB`,
            ),
          )
        },
      }),
      async (c) => {
        // A form of another site could send a file with the visitor's cookie: refused as the commands are.
        if (crossSite(c)) return fail(c, edge(403, "CrossSite", "拒绝跨站请求", "cross-site request refused"))
        const lang = langFromHeaders(c.req.raw.headers)
        const noFile = edge(
          400,
          "ImportFileError",
          "请以 multipart/form-data 上传文件（字段名 file）",
          "upload the file as multipart/form-data (field name: file)",
        )
        if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data"))
          return fail(c, noFile)
        let form: FormData
        try {
          form = await c.req.raw.formData()
        } catch {
          return fail(c, noFile)
        }
        const file = form.get("file")
        if (!(file instanceof File)) return fail(c, noFile)
        void lang
        if (file.size === 0)
          return fail(c, edge(400, "ImportFileError", "文件中没有数据行", "the file holds no data rows"))
        let kind: "xlsx" | "csv"
        try {
          kind = importFileKind(file.name, new Uint8Array(await file.slice(0, 8).arrayBuffer()))
        } catch (e) {
          if (e instanceof ImportFileError) return fail(c, edge(400, "ImportFileError", e.zh, e.en))
          throw e
        }
        const stream = Readable.fromWeb(file.stream() as Parameters<typeof Readable.fromWeb>[0])
        return run(
          c,
          (actor) =>
            Effect.flatMap(ImportService, (s) =>
              s.stageFile(
                { actor, requestId: c.get("requestId") },
                file.name,
                readImportFile(stream, kind, k.layout.columns),
                k.kind,
              ),
            ),
          (job) => c.json(job, 201),
        )
      },
    )
}
