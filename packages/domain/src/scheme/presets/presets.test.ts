import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { formatDecodeErrorText } from "../../shared/Decode.js"
import { diff, diffEncoded } from "../Diff.js"
import { decodePreset, loadPreset, type Preset } from "../Preset.js"
import { Scheme, type SchemeEncoded } from "../Scheme.js"
import { PRESETS, presetByKey } from "./index.js"

/** Every `citation` object in an encoded scheme, with the JSON path it sits at. */
const citations = (
  u: unknown,
  path = "",
  out: Array<{ path: string; document: string; clause: string }> = [],
): Array<{ path: string; document: string; clause: string }> => {
  if (Array.isArray(u)) u.forEach((x, i) => void citations(x, `${path}[${i}]`, out))
  else if (typeof u === "object" && u !== null) {
    for (const [k, v] of Object.entries(u)) {
      if (k === "citation" && typeof v === "object" && v !== null && "document" in v && "clause" in v)
        out.push({ path: `${path}.${k}`, document: String(v.document), clause: String(v.clause) })
      citations(v, `${path}.${k}`, out)
    }
  }
  return out
}

/** Every `Cited` parameter in an encoded scheme, with its path. */
const citedParams = (u: unknown, path = "", out: Array<{ path: string; value: unknown }> = []) => {
  if (Array.isArray(u)) u.forEach((x, i) => void citedParams(x, `${path}[${i}]`, out))
  else if (typeof u === "object" && u !== null) {
    if ("_tag" in u && u._tag === "Cited") out.push({ path, value: u })
    for (const [k, v] of Object.entries(u)) citedParams(v, `${path}.${k}`, out)
  }
  return out
}

/** Citations that point at a document the scheme does not list among its sources. */
const unlistedCitations = (s: SchemeEncoded) => {
  const docs = new Set(s.sources.map((d) => d.id))
  return citations(s).filter((c) => !docs.has(c.document))
}

const decoded = (p: Preset): Scheme => {
  const r = decodePreset(p)
  if (Either.isLeft(r)) throw new Error(`${p.key}: ${formatDecodeErrorText(r.left)}`)
  return r.right
}

describe("presets: the list", () => {
  it("has one preset per seed programme (000–004), with unique keys equal to scheme ids", () => {
    const keys = PRESETS.map((p) => p.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const p of PRESETS) expect(p.encoded.id).toBe(p.key)
    expect(new Set(PRESETS.map((p) => p.seed))).toEqual(new Set(["000", "001", "002", "003", "004"]))
    expect(keys).toEqual(
      expect.arrayContaining([
        "guizhou-street-reserve-pool",
        "daan-first-secretary",
        "secretary-team-management",
        "jincheng-secondment-up",
        "jincheng-secondment-down",
        "jincheng-secondment-lateral",
        "jincheng-secondment-external",
        "anqiu-down-secondment",
        "jiangdong-petition-secondment",
        "huaishang-village-posting",
      ]),
    )
    expect(presetByKey("daan-first-secretary")?.seed).toBe("002")
    expect(presetByKey("nope")).toBeUndefined()
  })
})

describe.each(PRESETS.map((p) => [p.key, p] as const))("preset %s", (_key, preset) => {
  it(`${preset.seed}: decodes as a Scheme`, () => {
    const s = decoded(preset)
    expect(s.id).toBe(preset.key)
    expect(s.formatVersion).toBe(1)
  })

  it(`${preset.seed}: encode → JSON.stringify → JSON.parse → decode gives the same scheme`, () => {
    const s = decoded(preset)
    const json: unknown = JSON.parse(JSON.stringify(Schema.encodeSync(Scheme)(s)))
    expect(Schema.decodeUnknownSync(Scheme)(json)).toEqual(s)
    // The preset is written in canonical encoded form (defaults spelled out), so what is stored is what is read.
    expect(json).toEqual(preset.encoded)
  })

  it(`${preset.seed}: diff(preset, preset) is empty`, () => {
    const s = loadPreset(preset)
    expect(diff(s, s)).toEqual([])
  })

  it(`${preset.seed}: every citation (of a Cited value, rule, stage, report…) names a document in sources`, () => {
    expect(unlistedCitations(preset.encoded)).toEqual([])
    // Its own seed is among the sources, and something cites it.
    expect(preset.encoded.sources.map((d) => d.id)).toContain(preset.seed)
    expect(citations(preset.encoded).some((c) => c.document === preset.seed)).toBe(true)
  })

  it(`${preset.seed}: every Cited value carries a citation with a non-empty clause`, () => {
    const cited = citedParams(preset.encoded)
    expect(cited.length).toBeGreaterThan(0)
    for (const { path, value } of cited) {
      const c = (value as { citation?: { document?: unknown; clause?: unknown } }).citation
      expect(typeof c?.document, path).toBe("string")
      expect(typeof c?.clause === "string" && c.clause.trim().length > 0, path).toBe(true)
    }
  })

  it(`${preset.seed}: names and notes are bilingual (zh and en both filled in)`, () => {
    const texts: Array<{ zh: string; en: string }> = []
    const walk = (u: unknown): void => {
      if (Array.isArray(u)) u.forEach(walk)
      else if (typeof u === "object" && u !== null) {
        const o = u as Record<string, unknown>
        if (typeof o.zh === "string" && typeof o.en === "string") texts.push({ zh: o.zh, en: o.en })
        else Object.values(o).forEach(walk)
      }
    }
    walk(preset.encoded)
    expect(texts.length).toBeGreaterThan(0)
    for (const t of texts) {
      expect(t.zh.trim(), JSON.stringify(t)).not.toBe("")
      expect(t.en.trim(), JSON.stringify(t)).not.toBe("")
    }
  })
})

describe("presets: the citation check can fail", () => {
  it("000–004: a Cited value citing a document not in sources is reported, with its path", () => {
    const [p] = PRESETS
    if (p === undefined) throw new Error("no presets")
    const broken: SchemeEncoded = {
      ...p.encoded,
      term: {
        ...p.encoded.term,
        length: {
          _tag: "Cited",
          value: { amount: 1, unit: "year" },
          citation: { document: "999", clause: "一" },
        },
      },
    }
    expect(unlistedCitations(broken)).toEqual([
      { path: ".term.length.citation", document: "999", clause: "一" },
    ])
  })
})

describe("presets: Jincheng's four directions share one set of rules (004 晋城)", () => {
  const keys = ["up", "down", "lateral", "external"].map((d) => `jincheng-secondment-${d}`)
  const schemes = keys.map((k) => {
    const p = presetByKey(k)
    if (p === undefined) throw new Error(`missing ${k}`)
    return p.encoded
  })

  it("004 晋城 挂职方式: one scheme per direction, the kind carries the direction", () => {
    expect(schemes.map((s) => s.kind)).toEqual([
      { _tag: "Secondment", direction: "up" },
      { _tag: "Secondment", direction: "down" },
      { _tag: "Secondment", direction: "lateral" },
      { _tag: "Secondment", direction: "external" },
    ])
  })

  it("004 晋城 条件要求 / 管理考核: eligibility, leave, reports and assessment are identical across directions", () => {
    const [up, ...rest] = schemes
    if (up === undefined) throw new Error("no up")
    for (const s of rest) {
      const changes = diffEncoded(up, s)
      const paths = changes.map((c) => (c._tag === "ParameterChanged" ? c.path : `${c._tag}:${c.ruleId}`))
      // Only identity, naming and the direction-specific provisions differ.
      for (const path of paths)
        expect(path).toMatch(/^(id|kind\.direction|name\.(zh|en)|provisions\[id=[a-z_]+\]\S*)$/)
      expect(paths).toContain("kind.direction")
    }
  })
})
