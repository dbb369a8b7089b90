import { createI18n, UiProvider } from "@cadre/ui"
import { cleanup, render, screen } from "@testing-library/react"
import { afterEach, describe, expect, it } from "vitest"
import { adminResources } from "../i18n"
import { KeysetPager, useKeysetPages } from "./keyset-pager"

// Issue 19: a list whose count the API stopped at a cap (totalExact false) says 超过 N 条, never a made-up number.
afterEach(cleanup)

const Pager = (props: { readonly total: number; readonly totalExact?: boolean }) => {
  const pages = useKeysetPages()
  return <KeysetPager pages={pages} nextCursor="c2" {...props} />
}

const show = (props: { readonly total: number; readonly totalExact?: boolean }, language: "zh-CN" | "en") =>
  render(
    <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language })}>
      <Pager {...props} />
    </UiProvider>,
  )

describe("KeysetPager", () => {
  it("counts exactly when the API counted everything", () => {
    show({ total: 37, totalExact: true }, "zh-CN")
    expect(screen.getByTestId("pager").textContent).toContain("共 37 条 · 第 1 页")
  })
  it("says 超过 when the count stopped at the cap, in both languages", () => {
    show({ total: 10000, totalExact: false }, "zh-CN")
    expect(screen.getByTestId("pager").textContent).toContain("超过 10000 条 · 第 1 页")
    cleanup()
    show({ total: 10000, totalExact: false }, "en")
    expect(screen.getByTestId("pager").textContent).toContain("over 10000 · page 1")
  })
  it("an answer without totalExact is an exact count", () => {
    show({ total: 3 }, "zh-CN")
    expect(screen.getByTestId("pager").textContent).toContain("共 3 条")
  })
})
