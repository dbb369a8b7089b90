// Files from the API (exports.*) are saved the same way in both SPAs: the code lives in @cadre/ui.
export { type EncodedFile, fileBlob, saveFile } from "@cadre/ui"
