import { writeSnapshot } from "./snapshot.js"

// `pnpm build` step: the migrated start snapshot (see snapshot.ts).
const { path, bytes } = await writeSnapshot()
console.log(`PGlite start snapshot: ${path} (${Math.round(bytes / 1024 / 1024)} MB)`)
