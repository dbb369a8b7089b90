import { unitTestConfig } from "@cadre/vitest-config"
import { defineConfig } from "vitest/config"

// The demo data every harness starts from is loaded once per run (src/test-global-setup.ts) and copied per file.
// (vitest's worker RPC timeout — "Timeout calling onTaskUpdate" after every test passed, when PGlite held a
// worker's thread past 60 s on a loaded machine — is fixed by patches/vitest@3.2.7.patch, a backport of vitest 4's
// fix, so an unhandled error fails this suite again like any other.)
export default defineConfig(unitTestConfig({ globalSetup: ["./src/test-global-setup.ts"] }))
