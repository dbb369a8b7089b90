// Saving a file the API sends back (exports.*) in the browser; both SPAs use it.

/** A file the API sends back (exports.*): its name, MIME type and base64 content. */
export interface EncodedFile {
  readonly filename: string
  readonly mime: string
  readonly base64: string
}

/** Decodes the base64 content into a Blob of the file's type. */
export const fileBlob = (file: EncodedFile): Blob => {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type: file.mime })
}

/** Saves a Blob through the browser's download under `filename` (an exported file, a file route's answer). */
export const saveBlob = (blob: Blob, filename: string): void => {
  const url = URL.createObjectURL(blob)
  const a = document.createElement("a")
  a.href = url
  a.download = filename
  a.style.display = "none"
  document.body.append(a)
  a.click()
  a.remove()
  // Give the browser a moment to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Saves the file through the browser's download, under the server's file name. */
export const saveFile = (file: EncodedFile): void => saveBlob(fileBlob(file), file.filename)
