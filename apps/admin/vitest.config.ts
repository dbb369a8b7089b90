import { unitTestConfig } from "@cadre/vitest-config"
import { defineConfig } from "vitest/config"

export default defineConfig(unitTestConfig({ environment: "happy-dom", setupFiles: ["./vitest.setup.ts"] }))
