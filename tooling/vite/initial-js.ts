import { gzipSync } from "node:zlib"

// The few Rollup shapes the plugin reads, written out so this file needs no `vite` next to it (each app's
// vite.config.ts checks the plugin against Vite's own Plugin type where it is used).
interface OutputChunk {
  readonly type: "chunk"
  readonly fileName: string
  readonly isEntry: boolean
  readonly imports: ReadonlyArray<string>
  readonly code: string
}
type Bundle = Record<string, OutputChunk | { readonly type: "asset" }>
interface PluginContext {
  info(message: string): void
  error(message: string): never
}
interface Plugin {
  readonly name: string
  readonly apply: "build"
  generateBundle(this: PluginContext, options: unknown, bundle: Bundle): void
}

/**
 * Prints the JavaScript a first visit downloads before anything shows — the entry chunk and the chunks it imports
 * statically, gzip-compressed — and fails the build above `budgetKb` (issue 17: a slow phone, ≤ 200 kB). Pages
 * loaded on demand are not counted: they come when their page is opened.
 */
export const initialJs = (budgetKb: number): Plugin => ({
  name: "cadre-initial-js",
  apply: "build",
  generateBundle(_options, bundle) {
    const chunks = new Map(
      Object.values(bundle).flatMap((c) => (c.type === "chunk" ? [[c.fileName, c] as const] : [])),
    )
    const initial = new Set<string>()
    const visit = (name: string) => {
      if (initial.has(name)) return
      initial.add(name)
      for (const next of chunks.get(name)?.imports ?? []) visit(next)
    }
    for (const c of chunks.values()) if (c.isEntry) visit(c.fileName)
    const bytes = [...initial].reduce((sum, name) => sum + gzipSync(chunks.get(name)?.code ?? "").length, 0)
    const kb = bytes / 1024
    this.info(`initial JS: ${kb.toFixed(1)} kB gzip in ${initial.size} file(s) (budget ${budgetKb} kB)`)
    if (kb > budgetKb)
      this.error(
        `initial JS is ${kb.toFixed(1)} kB gzip, over the ${budgetKb} kB budget: load the page that grew on demand`,
      )
  },
})
