import { act, cleanup, render, screen } from "@testing-library/react"
import { theme } from "antd"
import { afterEach, describe, expect, it, vi } from "vitest"
import { createI18n } from "../i18n/create-i18n.js"
import { UiProvider } from "./ui-provider.js"

/** A stand-in for the system's `prefers-reduced-motion` setting that can be flipped while the page is open. */
const fakeReducedMotion = (initially: boolean) => {
  let matches = initially
  const listeners = new Set<() => void>()
  vi.stubGlobal("matchMedia", (query: string) => ({
    get matches() {
      return query === "(prefers-reduced-motion: reduce)" && matches
    },
    media: query,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  }))
  return {
    set: (value: boolean) => {
      matches = value
      for (const listener of listeners) listener()
    },
  }
}

const Motion = () => {
  const { token } = theme.useToken()
  return <p data-testid="motion">{String(token.motion)}</p>
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("UiProvider and reduced motion (WCAG 2.3.3)", () => {
  it("keeps antd's motion when the system has no preference", () => {
    fakeReducedMotion(false)
    render(
      <UiProvider i18n={createI18n()}>
        <Motion />
      </UiProvider>,
    )
    expect(screen.getByTestId("motion").textContent).toBe("true")
  })

  it("turns antd's motion off when the system asks for less, and follows a change while open", () => {
    const system = fakeReducedMotion(true)
    render(
      <UiProvider i18n={createI18n()}>
        <Motion />
      </UiProvider>,
    )
    expect(screen.getByTestId("motion").textContent).toBe("false")
    act(() => system.set(false))
    expect(screen.getByTestId("motion").textContent).toBe("true")
  })
})
