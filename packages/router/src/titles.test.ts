import { Decode } from "@cadre/domain"
import type { SchemaAST as AST } from "effect"
import { describe, expect, it } from "vitest"
import { KERNEL_INPUT, type KernelInput } from "./input.js"
import { appRouter } from "./root.js"

/**
 * Issue 15: every Chinese input error names the field by its Chinese title, never by its English key
 * ("schemeVersion：必填"). Walk the input Schema of every procedure and ask, for every property it can hold, the
 * name a decode error would give it.
 */

type Procedure = { _def: { inputs?: ReadonlyArray<unknown> } }
const PROCEDURES = appRouter._def.procedures as unknown as Record<string, Procedure>
const CJK = /[\u3400-\u9fff]/

/** Every path to a named property in `ast` (records' free keys are the caller's, not fields). */
const fieldPaths = (ast: AST.AST): Array<Array<PropertyKey>> => {
  const out: Array<Array<PropertyKey>> = []
  const seen = new Set<AST.AST>()
  const walk = (node: AST.AST, path: Array<PropertyKey>): void => {
    if (seen.has(node) || path.length > 12) return
    seen.add(node)
    switch (node._tag) {
      case "TypeLiteral":
        for (const p of node.propertySignatures) {
          out.push([...path, p.name])
          walk(p.type, [...path, p.name])
        }
        for (const i of node.indexSignatures) walk(i.type, [...path, "key"])
        return
      case "TupleType":
        for (const [n, e] of node.elements.entries()) walk(e.type, [...path, n])
        for (const r of node.rest) walk(r.type, [...path, 0])
        return
      case "Union":
        for (const t of node.types) walk(t, path)
        return
      case "Refinement":
        walk(node.from, path)
        return
      case "Transformation":
        walk(node.from, path)
        walk(node.to, path)
        return
      case "Suspend":
        walk(node.f(), path)
        return
      default:
        return
    }
  }
  walk(ast, [])
  return out
}

describe("every field of every procedure's input has a Chinese title", () => {
  it("no decode error names a field by its English key", () => {
    const untitled = new Set<string>()
    for (const [path, p] of Object.entries(PROCEDURES)) {
      const parser = p._def.inputs?.[0] as KernelInput<unknown, unknown> | undefined
      if (parser === undefined || parser[KERNEL_INPUT] !== true) continue
      const ast = parser.schema.ast
      for (const at of fieldPaths(ast)) {
        const field = Decode.fieldAt(ast, at)
        if (!CJK.test(field.zh)) untitled.add(`${path}: ${at.map(String).join(".")} → ${field.zh}`)
      }
    }
    expect([...untitled]).toEqual([])
  })
})
