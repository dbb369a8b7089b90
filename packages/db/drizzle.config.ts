import { defineConfig } from "drizzle-kit"

// `pnpm db:generate` writes SQL migrations into ./drizzle from the tables in src/schema. The triggers are a custom
// migration (drizzle/0001_triggers.sql) that generate leaves alone.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./drizzle",
})
