import { randomUUID } from "node:crypto"

/**
 * The one error envelope every answer of the API has, the shape tRPC's errors take on the wire (packages/router's
 * error formatter): `{ error: { code, message, data: { code, httpStatus, tag, message: { zh, en }, requestId,
 * issues } } }`, `message` in the caller's language. Answers that never reach tRPC (404 outside /trpc, 413, 415,
 * 431, a refused cross-site request, a defect) are written here in the same shape.
 */

export interface Bilingual {
  readonly zh: string
  readonly en: string
}

/** An error answer the HTTP layer gives itself. */
export interface EdgeError {
  readonly status: number
  /** tRPC's code key (NOT_FOUND…), or the HTTP name where tRPC has none. */
  readonly code: string
  readonly tag: string
  readonly message: Bilingual
}

// JSON-RPC 2.0 numbers as tRPC uses them (TRPC_ERROR_CODES_BY_KEY); 431 has none in tRPC: BAD_REQUEST's.
const RPC: Readonly<Record<string, number>> = {
  PARSE_ERROR: -32700,
  BAD_REQUEST: -32600,
  INTERNAL_SERVER_ERROR: -32603,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  METHOD_NOT_SUPPORTED: -32005,
  PAYLOAD_TOO_LARGE: -32013,
  UNSUPPORTED_MEDIA_TYPE: -32015,
  REQUEST_HEADER_FIELDS_TOO_LARGE: -32600,
}

export const envelope = (e: EdgeError, lang: "zh" | "en", requestId: string) => ({
  error: {
    code: RPC[e.code] ?? -32600,
    message: e.message[lang],
    data: {
      code: e.code,
      httpStatus: e.status,
      tag: e.tag,
      message: e.message,
      requestId,
      issues: [],
    },
  },
})

export const MAX_BODY_MB = 1

export const EDGE = {
  notFound: {
    status: 404,
    code: "NOT_FOUND",
    tag: "NotFound",
    message: { zh: "接口不存在", en: "No such endpoint" },
  },
  parseError: {
    status: 400,
    code: "PARSE_ERROR",
    tag: "ParseError",
    message: { zh: "请求内容不是有效的 JSON", en: "The request body is not valid JSON" },
  },
  methodNotSupported: {
    status: 405,
    code: "METHOD_NOT_SUPPORTED",
    tag: "MethodNotSupported",
    message: {
      zh: "不支持该请求方法（查询用 GET，操作和导出用 POST）",
      en: "Method not supported (queries by GET, commands and exports by POST)",
    },
  },
  payloadTooLarge: {
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
    tag: "PayloadTooLarge",
    message: {
      zh: `请求内容过大（上限 ${MAX_BODY_MB} MB）`,
      en: `The request is too large (at most ${MAX_BODY_MB} MB)`,
    },
  },
  unsupportedMediaType: {
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
    tag: "UnsupportedMediaType",
    message: {
      zh: "请求内容类型不受支持（应为 application/json）",
      en: "Unsupported content type (send application/json)",
    },
  },
  headersTooLarge: {
    status: 431,
    code: "REQUEST_HEADER_FIELDS_TOO_LARGE",
    tag: "RequestHeadersTooLarge",
    message: {
      zh: "请求地址或请求头过长（合计上限 16 KB）",
      en: "The URL or the request headers are too long (16 KB in all)",
    },
  },
  crossSite: {
    status: 403,
    code: "FORBIDDEN",
    tag: "CrossSiteRequest",
    message: {
      zh: "拒绝来自其他网站的请求（请在本系统页面内操作）",
      en: "Refused: the request comes from another site (use this system's own pages)",
    },
  },
  internal: {
    status: 500,
    code: "INTERNAL_SERVER_ERROR",
    tag: "Internal",
    message: {
      zh: "服务器内部错误，请稍后重试（请提供请求编号以便排查）",
      en: "Internal server error; please try again later (quote the request id when reporting it)",
    },
  },
} as const satisfies Record<string, EdgeError>

/** Headers every answer carries (docs/deploy.md, "Headers and limits"); HSTS is the TLS proxy's to send. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Origin-Agent-Cluster": "?1",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-DNS-Prefetch-Control": "off",
  "X-Download-Options": "noopen",
  "X-Frame-Options": "SAMEORIGIN",
  "X-Permitted-Cross-Domain-Policies": "none",
  "X-XSS-Protection": "0",
  // Every answer may carry personal data (or says whether some exists): never stored by a browser or proxy.
  "Cache-Control": "no-store",
}

/** A complete raw HTTP/1.1 answer, for errors the HTTP parser raises before any request exists (431). */
export const rawAnswer = (e: EdgeError): string => {
  const requestId = randomUUID()
  const body = JSON.stringify(envelope(e, "zh", requestId))
  const reason = e.status === 431 ? "Request Header Fields Too Large" : "Bad Request"
  const headers = {
    ...SECURITY_HEADERS,
    "Content-Type": "application/json; charset=UTF-8",
    "Content-Length": String(Buffer.byteLength(body)),
    "X-Request-Id": requestId,
    Connection: "close",
  }
  return `HTTP/1.1 ${e.status} ${reason}\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n")}\r\n\r\n${body}`
}
