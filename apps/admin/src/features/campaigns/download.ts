// Files from the API (exports.*) are saved the same way in both SPAs: the code lives in @cadre/ui.
import { saveBlob } from "@cadre/ui"

export { type EncodedFile, fileBlob, saveFile } from "@cadre/ui"

/** The SPA reaches the API under /api (Vite's proxy in development, the reverse proxy in production). */
const API = "/api"

/** The file name of a download: Content-Disposition's `filename*` (RFC 5987, UTF-8), else `fallback`. */
export const fileNameOf = (disposition: string | null, fallback: string): string => {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? "")?.[1]
  if (encoded === undefined) return fallback
  try {
    return decodeURIComponent(encoded)
  } catch {
    return fallback
  }
}

/**
 * Save a file from an API file route (`/api/v1/exports/…`, as exports.start and exports.job answer it) with the
 * session cookie; resolves with the name saved under. A refusal rejects with the API's message.
 */
export const downloadFrom = async (path: string, fallback: string): Promise<string> => {
  const res = await fetch(`${API}${path}`, { credentials: "same-origin" })
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
    throw new Error(body?.error?.message ?? `HTTP ${res.status}`)
  }
  const name = fileNameOf(res.headers.get("content-disposition"), fallback)
  saveBlob(await res.blob(), name)
  return name
}
