import { prepareTestSeed, type TestSeed } from "@cadre/db"
import type { TestProject } from "vitest/node"

declare module "vitest" {
  export interface ProvidedContext {
    /** The demo data every harness starts from, built once per run (test-support's makeHarness). */
    cadreDemoSeed: TestSeed
  }
}

/**
 * Once per vitest run: a place for the demo-data seed. The first harness that needs it loads the demo data into a
 * fresh database and keeps a copy (a PGlite snapshot file, or a PostgreSQL template database); every later harness
 * starts from that copy instead of loading the demo data again (seconds a file). The teardown removes it.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const { seed, remove } = prepareTestSeed("demo")
  project.provide("cadreDemoSeed", seed)
  return remove
}
