import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { openApiDocument } from "@cadre/router"
import type { Hono } from "hono"
import type { AppEnv } from "./app.js"
import { EDGE } from "./envelope.js"
import { IDEMPOTENCY_ERRORS } from "./idempotency.js"

/**
 * `/openapi.json` (the OpenAPI 3.1 document @cadre/router generates from the router and the kernel's Schemas) and
 * `/docs`, a reference page rendered by Swagger UI from its npm package's own bundle, served from here — no CDN,
 * so it works offline and under this API's Content-Security-Policy (docs/adr/0008-openapi.md). Both are public.
 */

/** The Content-Security-Policy of the /docs pages: scripts and styles of this origin only, no inline script. */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Swagger UI sets style attributes from its scripts (React); its stylesheet embeds SVG icons as data: URLs.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ")

/** Whether a request path is one of the /docs pages (they get {@link DOCS_CSP}). */
export const isDocsPath = (path: string): boolean => path === "/docs" || path.startsWith("/docs/")

const require = createRequire(import.meta.url)

/** The files of swagger-ui-dist this page needs, read once, on first use. */
const ASSETS = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
} as const
type Asset = keyof typeof ASSETS

let assets: Map<Asset, string> | undefined
const asset = (name: Asset): string => {
  if (assets === undefined) {
    const dir = dirname(require.resolve("swagger-ui-dist/package.json"))
    assets = new Map(
      (Object.keys(ASSETS) as Array<Asset>).map((n) => [n, readFileSync(join(dir, n), "utf8")] as const),
    )
  }
  return assets.get(name) ?? ""
}

const PAGE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>干部选派平台接口文档 / Cadre-dispatch API reference</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="api-reference"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`

// A file of its own, not an inline script: the page's CSP allows scripts of this origin only.
const INIT = `window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#api-reference",
  deepLinking: true,
  tryItOutEnabled: false,
  validatorUrl: null,
});
`

/** Mount `/openapi.json` and `/docs` on the app. */
export const mountDocs = (app: Hono<AppEnv>, version: string): void => {
  let document: string | undefined
  app.get("/openapi.json", (c) => {
    document ??= JSON.stringify(
      openApiDocument({
        version,
        edge: [...Object.values(EDGE), ...Object.values(IDEMPOTENCY_ERRORS)],
      }),
    )
    return c.body(document, 200, { "Content-Type": "application/json; charset=utf-8" })
  })
  app.get("/docs", (c) => c.html(PAGE))
  app.get("/docs/init.js", (c) => c.body(INIT, 200, { "Content-Type": "text/javascript; charset=utf-8" }))
  for (const name of Object.keys(ASSETS) as Array<Asset>)
    app.get(`/docs/${name}`, (c) => c.body(asset(name), 200, { "Content-Type": ASSETS[name] }))
}
