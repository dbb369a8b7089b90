import type { Socket } from "node:net"
import { serve } from "@hono/node-server"
import type { Hono } from "hono"
import { EDGE, rawAnswer } from "./envelope.js"

/** The most a request's line and headers may take together: Node's default, stated (a URL over it: 431). */
export const MAX_HEADER_BYTES = 16 * 1024

/**
 * Serve the app on Node's HTTP server. Requests Node's parser refuses before Hono sees them (a URL or headers over
 * MAX_HEADER_BYTES, a malformed request line) get the API's bilingual envelope and security headers instead of
 * Node's empty 431/400.
 */
// biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its environment type
export const serveApp = (app: Hono<any>, options: { readonly port: number; readonly hostname: string }) => {
  const server = serve({
    fetch: app.fetch,
    port: options.port,
    hostname: options.hostname,
    serverOptions: { maxHeaderSize: MAX_HEADER_BYTES },
  })
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (error.code === "ECONNRESET" && socket.bytesWritten === 0)) {
      socket.destroy()
      return
    }
    const answer =
      error.code === "HPE_HEADER_OVERFLOW"
        ? rawAnswer(EDGE.headersTooLarge)
        : rawAnswer({
            ...EDGE.notFound,
            status: 400,
            code: "BAD_REQUEST",
            tag: "BadRequest",
            message: {
              zh: "请求格式不正确",
              en: "Malformed request",
            },
          })
    socket.end(answer)
  })
  return server
}
