// The kernel's import rule, enforced in `pnpm lint` (and so in CI): packages/domain/src may import only
// `effect` (and its sub-paths) and its own files. No node:*, no other npm package, no other workspace package.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-imports-only-effect",
      comment:
        "packages/domain is pure: it may import only `effect` and its own modules (see docs/architecture.md).",
      severity: "error",
      from: { path: "^src/" },
      to: {
        pathNot: ["^src/", "node_modules/effect/", "node_modules/\\.pnpm/effect@"],
      },
    },
    {
      name: "no-node-builtins-in-domain",
      comment: "No I/O in the kernel: node built-ins are forbidden.",
      severity: "error",
      from: { path: "^src/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
}
