// The package order, enforced in each package's `pnpm lint` (and so in CI):
//   domain ← calendar ← db ← services ← router ← api;   exports ← services, router;   apps → client, ui, domain.
// A package may import only the workspace packages below it. Inside @cadre/services, an aggregate's folder may
// import another aggregate only through that aggregate's index.ts (its public face) or src/shared/.
const { basename } = require("node:path")

const ORDER = {
  calendar: ["domain"],
  db: ["domain", "calendar"],
  exports: ["domain"],
  services: ["domain", "calendar", "db", "exports"],
  router: ["domain", "calendar", "db", "exports", "services"],
  api: ["domain", "calendar", "db", "exports", "services", "router"],
}
const ALL = [
  "domain",
  "calendar",
  "db",
  "exports",
  "services",
  "router",
  "api",
  "client",
  "ui",
  "admin",
  "portal",
]
const me = basename(process.cwd())
const allowed = ORDER[me] ?? ALL
const forbiddenPackages = ALL.filter((p) => p !== me && !allowed.includes(p))

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "package-order",
      comment: `@cadre/${me} may import only ${allowed.map((p) => `@cadre/${p}`).join(", ")} (docs/architecture.md).`,
      severity: "error",
      from: { path: "^src/" },
      to: {
        path: [
          `(^|/)node_modules/@cadre/(${forbiddenPackages.join("|")})/`,
          `^\\.\\./(${forbiddenPackages.join("|")})/`,
          `^(packages|apps)/(${forbiddenPackages.join("|")})/`,
          `^@cadre/(${forbiddenPackages.join("|")})($|/)`,
        ],
      },
    },
    ...(me !== "services"
      ? []
      : [
          {
            name: "no-sibling-service-internals",
            comment: "A service reaches another aggregate only through its index.ts or src/shared/.",
            severity: "error",
            from: { path: "^src/([^/]+)/" },
            to: { path: "^src/([^/]+)/", pathNot: ["^src/$1/", "^src/shared/", "^src/[^/]+/index\\.ts$"] },
          },
        ]),
    {
      name: "no-unresolvable",
      severity: "error",
      from: { path: "^src/" },
      to: { couldNotResolve: true, pathNot: "^@cadre/" },
    },
    // Type-only cycles (a context type naming the service that builds it) are harmless; value cycles are not.
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
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
