// Shared vitest settings. Unit tests sit beside the code as *.test.ts; browser end-to-end tests live in
// e2e/*.e2e.test.ts and run only through the separate `test:e2e` task (they need a build and Chromium).
/** @param {Partial<import("vitest/node").UserConfig["test"]>} [overrides] */
export const unitTestConfig = (overrides = {}) => ({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    exclude: ["**/node_modules/**", "**/dist/**", "e2e/**"],
    reporters: ["default"],
    // A safety limit, not a speed assertion: the first antd render under happy-dom on a loaded 2-core CI machine
    // can take several seconds.
    testTimeout: 30_000,
    ...overrides,
  },
})

/** @param {Partial<import("vitest/node").UserConfig["test"]>} [overrides] */
export const e2eTestConfig = (overrides = {}) => ({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // expect.poll gives up after 1 s by default: on a loaded 2-core machine a move and the page's re-read can take
    // longer. A limit, not a speed assertion: a wrong value still fails, only later.
    expect: { poll: { timeout: 15_000 } },
    ...overrides,
  },
})
