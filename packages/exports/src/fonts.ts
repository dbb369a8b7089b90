/**
 * The CJK font of the registration form. The machine has no CJK system fonts and the project installs only
 * from the npm registry, so the font comes from a package: `@expo-google-fonts/noto-serif-sc` ships Noto Serif
 * SC (思源宋体, SIL Open Font License 1.1; the package's own code is MIT) as static TrueType files, one per
 * weight. A serif (宋体) face is what Chinese official forms are printed in. pdfkit embeds only the glyphs a
 * document uses (a subset), so a 15 MB font becomes a PDF of some tens of kilobytes.
 */
import { readFile } from "node:fs/promises"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)

const FILES = {
  regular: "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf",
} as const

export type Weight = keyof typeof FILES

/** Absolute path of the TTF of a weight (resolved through node_modules, so it works from src and dist). */
export const fontPath = (weight: Weight): string => require.resolve(FILES[weight])

export interface FormFonts {
  readonly regular: Buffer
  readonly bold: Buffer
}

let cached: Promise<FormFonts> | undefined

/**
 * Both weights, read once per process (about 30 MB held in memory): parsing a document's glyphs is fast, reading
 * the files is what would dominate each call.
 */
export const loadFormFonts = (): Promise<FormFonts> => {
  if (cached === undefined) {
    const loading = Promise.all([readFile(fontPath("regular")), readFile(fontPath("bold"))]).then(
      ([regular, bold]) => ({ regular, bold }),
    )
    // A failed read is not cached: the next call tries again.
    loading.catch(() => {
      cached = undefined
    })
    cached = loading
  }
  return cached
}
