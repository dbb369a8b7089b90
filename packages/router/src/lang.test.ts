import { describe, expect, it } from "vitest"
import { describeFailure } from "./errors.js"
import { langFromHeaders } from "./lang.js"
import { WeakPassword } from "./errors.js"

describe("langFromHeaders", () => {
  const lang = (h: Record<string, string>) => langFromHeaders(new Headers(h))
  it("defaults to Chinese", () => expect(lang({})).toBe("zh"))
  it("x-lang wins over Accept-Language", () =>
    expect(lang({ "x-lang": "en", "accept-language": "zh-CN" })).toBe("en"))
  it("takes the highest-weighted Chinese or English entry", () => {
    expect(lang({ "accept-language": "fr-FR, en;q=0.8, zh-CN;q=0.9" })).toBe("zh")
    expect(lang({ "accept-language": "fr-FR, en-GB;q=0.8" })).toBe("en")
    expect(lang({ "accept-language": "fr-FR" })).toBe("zh")
  })
})

describe("describeFailure", () => {
  it("words a weak password with every broken rule, Chinese and English", () => {
    const d = describeFailure(
      new WeakPassword({ problems: [{ zh: "须包含数字", en: "must contain a digit" }] }),
    )
    expect(d).toEqual({
      code: "BAD_REQUEST",
      message: {
        zh: "密码不符合要求：须包含数字",
        en: "Password does not meet the policy: must contain a digit",
      },
    })
  })
})
