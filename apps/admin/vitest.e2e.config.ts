import { e2eTestConfig } from "@cadre/vitest-config"
import { defineConfig } from "vitest/config"

export default defineConfig(e2eTestConfig())
