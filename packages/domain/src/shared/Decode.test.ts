import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  decodeUnknownWithMessages,
  formatDecodeError,
  formatDecodeErrorText,
  formatPath,
  joinDecodeMessages,
  splitBilingual,
} from "./Decode.js"

const Form = Schema.Struct({
  title: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(5)).annotations({ title: "标题 / title" }),
  count: Schema.Number.pipe(Schema.int(), Schema.between(1, 10)).annotations({ title: "人数 / head count" }),
  kind: Schema.Literal("a", "b").annotations({ title: "类别 / kind" }),
  untitled: Schema.optional(Schema.Boolean),
  items: Schema.Array(
    Schema.Struct({
      code: Schema.String.pipe(Schema.pattern(/^\d+$/)).annotations({ title: "代码 / code" }),
    }),
  ).annotations({ title: "明细 / items" }),
  note: Schema.optional(
    Schema.String.pipe(Schema.filter((s) => s !== "bad" || "不能为 bad / must not be bad")),
  ).annotations({ title: "备注 / note" }),
  plain: Schema.optional(Schema.String.pipe(Schema.filter((s) => s.length < 3 || "too long"))),
}).annotations({ title: "表单 / form" })

const good = { title: "ok", count: 3, kind: "a", items: [{ code: "12" }] }
const fail = (input: unknown) => {
  const r = decodeUnknownWithMessages(Form)(input)
  if (Either.isRight(r)) throw new Error("expected a failure")
  return r.left
}
const one = (input: unknown, path: ReadonlyArray<string | number>) => {
  const m = fail(input).find((x) => x.path.join("/") === path.join("/"))
  if (m === undefined) throw new Error(`no message at ${path.join("/")}`)
  return m
}

describe("decodeUnknownWithMessages", () => {
  it("returns the value when the input is valid", () => {
    expect(Either.getOrThrow(decodeUnknownWithMessages(Form)(good))).toEqual(good)
  })

  it("explains built-in filters in both languages", () => {
    expect(one({ ...good, title: "" }, ["title"]).message).toEqual({
      zh: "不能为空",
      en: "must not be empty",
    })
    expect(one({ ...good, title: "abcdefg" }, ["title"]).message).toEqual({
      zh: "不能超过 5 个字符",
      en: "must be at most 5 characters",
    })
    expect(one({ ...good, title: " a" }, ["title"]).message.en).toBe("must not start or end with spaces")
    expect(one({ ...good, count: 11 }, ["count"]).message).toEqual({
      zh: "应在 1 到 10 之间",
      en: "must be between 1 and 10",
    })
    expect(one({ ...good, count: 2.5 }, ["count"]).message.en).toBe("must be an integer")
    expect(one({ ...good, items: [{ code: "x" }] }, ["items", 0, "code"]).message.zh).toBe("格式不正确")
  })

  it("explains type mismatches and lists allowed literals", () => {
    expect(one({ ...good, count: "3" }, ["count"]).message).toEqual({
      zh: "应为数字",
      en: "must be a number",
    })
    expect(one({ ...good, kind: "c" }, ["kind"]).message).toEqual({
      zh: "应为以下之一：a、b",
      en: "must be one of: a, b",
    })
    expect(one({ ...good, items: "x" }, ["items"]).message.en).toBe("must be an array (list)")
  })

  it("uses custom bilingual messages; a message without ' / ' is shown as is", () => {
    expect(one({ ...good, note: "bad" }, ["note"]).message).toEqual({
      zh: "不能为 bad",
      en: "must not be bad",
    })
    expect(one({ ...good, plain: "long" }, ["plain"]).message).toEqual({ zh: "too long", en: "too long" })
  })

  it("falls back to the property key when there is no bilingual title", () => {
    const m = one({ ...good, untitled: "yes" }, ["untitled"])
    expect(m.field).toEqual({ zh: "untitled", en: "untitled" })
    expect(m.text).toBe("untitled：应为是或否（true / false） / untitled: must be true or false")
  })

  it("names the whole input by the schema title when it is not even an object", () => {
    const [m] = fail(null)
    expect(m?.path).toEqual([])
    expect(m?.text).toBe("表单：应为对象 / form: must be an object")
  })

  it("reports excess properties when asked to", () => {
    const r = decodeUnknownWithMessages(Form, { onExcessProperty: "error" })({ ...good, extra: 1 })
    if (Either.isRight(r)) throw new Error("expected a failure")
    expect(r.left[0]?.path).toEqual(["extra"])
    expect(r.left[0]?.message.zh).toBe("不允许的字段")
  })

  it("honours a missing-message annotation", () => {
    const S = Schema.Struct({
      a: Schema.propertySignature(Schema.String).annotations({
        missingMessage: () => "请填写甲 / please fill in A",
      }),
    })
    const r = decodeUnknownWithMessages(S)({})
    expect(Either.isLeft(r) && r.left[0]?.message).toEqual({ zh: "请填写甲", en: "please fill in A" })
  })
})

describe("formatting", () => {
  it("formatDecodeError renders `text` in the language asked for", () => {
    const r = Schema.decodeUnknownEither(Form)({ ...good, kind: "c" })
    if (Either.isRight(r)) throw new Error("expected a failure")
    expect(formatDecodeError(r.left, "zh")[0]?.text).toBe("类别（kind）：应为以下之一：a、b")
    expect(formatDecodeError(r.left, "en")[0]?.text).toBe("kind: must be one of: a, b")
    expect(formatDecodeErrorText(r.left, "en")).toBe("kind: must be one of: a, b")
  })

  it("joinDecodeMessages joins per language, Chinese first when both", () => {
    const ms = fail({ ...good, kind: "c", count: 0 })
    expect(joinDecodeMessages(ms, "zh")).toBe(
      "人数（count）：应在 1 到 10 之间；类别（kind）：应为以下之一：a、b",
    )
    expect(joinDecodeMessages(ms, "en")).toBe(
      "head count (count): must be between 1 and 10; kind: must be one of: a, b",
    )
    expect(joinDecodeMessages(ms)).toBe(`${joinDecodeMessages(ms, "zh")} / ${joinDecodeMessages(ms, "en")}`)
  })

  it("formatPath writes indices in brackets", () => {
    expect(formatPath(["education", 1, "level"])).toBe("education[1].level")
    expect(formatPath([])).toBe("")
  })

  it("splitBilingual splits on the first ' / ' only", () => {
    expect(splitBilingual("是否 / yes / no")).toEqual({ zh: "是否", en: "yes / no" })
    expect(splitBilingual("plain")).toEqual({ zh: "plain", en: "plain" })
  })
})
