import { describe, expect, it } from "vitest"
import { NotFoundPage, resolveRoute } from "./routes.js"

const Home = () => null
const About = () => null

describe("resolveRoute", () => {
  it("finds a page by exact path, ignoring a trailing slash", () => {
    const routes = { "/": Home, "/about": About }
    expect(resolveRoute(routes, "/")).toBe(Home)
    expect(resolveRoute(routes, "/about/")).toBe(About)
  })
  it("falls back to the not-found page", () => {
    expect(resolveRoute({ "/": Home }, "/missing")).toBe(NotFoundPage)
  })
})
