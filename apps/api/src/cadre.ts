#!/usr/bin/env node
import { runCli } from "./cli.js"

// `cadre <command>` (pnpm --filter @cadre/api cadre <command>, or node apps/api/dist/cadre.js <command>).
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
})
