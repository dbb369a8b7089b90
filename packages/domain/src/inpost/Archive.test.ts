import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { addDays, make } from "../shared/LocalDate.js"
import { text } from "../shared/Text.js"
import {
  append,
  type Archive,
  ARCHIVE_KINDS,
  type ArchiveEntry,
  type ArchiveRefused,
  entryOrder,
  openArchive,
  seal,
  sealOnExit,
} from "./Archive.js"
import { decision, drive, person, SCHEMES, yangpuInTerm } from "./fixtures.js"

const entry = (id: string, date: string, kind: ArchiveEntry["kind"]): ArchiveEntry => ({
  id,
  date: make(date),
  kind,
  title: text(id, id),
})
const ok = (r: Either.Either<Archive, ArchiveRefused>): Archive => {
  if (Either.isLeft(r)) throw new Error(r.left.message)
  return r.right
}
const no = (r: Either.Either<Archive, ArchiveRefused>): ArchiveRefused => {
  if (Either.isRight(r)) throw new Error("expected a refusal")
  return r.left
}
const fresh = () => openArchive(person(), make("2021-01-15"))
const fill = (a: Archive, es: ReadonlyArray<ArchiveEntry>) => es.reduce((acc, e) => ok(append(acc, e)), a)

describe("003 三 规范备案管理: one person, one file (一人一档)", () => {
  it("003 三 / 001 五1: entries are ordered by date, then kind, then arrival", () => {
    const a = fill(fresh(), [
      entry("assess-2021", "2021-12-31", "assessment"),
      entry("form", "2020-12-10", "registration_form"),
      entry("report-h2", "2021-12-31", "report"),
      entry("reward", "2021-12-31", "reward"),
      entry("report-h2-b", "2021-12-31", "report"),
      entry("inspection", "2020-12-20", "inspection"),
    ])
    expect(a.entries.map((e) => e.id)).toEqual([
      "form",
      "inspection",
      "report-h2",
      "report-h2-b",
      "assess-2021",
      "reward",
    ])
  })

  it("003 三 离任统一封存: a sealed archive refuses every append, in both languages, and a second seal", () => {
    const sealed = ok(
      seal(
        fill(fresh(), [entry("form", "2020-12-10", "registration_form")]),
        make("2026-01-20"),
        text("期满离任", "left"),
      ),
    )
    const e = no(append(sealed, entry("late", "2026-02-01", "report")))
    expect(e.reason).toBe("sealed")
    expect(e.text).toEqual({
      zh: "档案不能修改：档案已于 2026-01-20 封存（期满离任），只能查阅",
      en: "The archive cannot be changed: the archive was sealed on 2026-01-20 (left) and is read-only",
    })
    expect(no(seal(sealed, make("2026-02-01"), text("再次", "again"))).reason).toBe("sealed")
  })

  it("a duplicate entry id is refused; a seal dated before the last entry is refused", () => {
    const a = fill(fresh(), [
      entry("form", "2020-12-10", "registration_form"),
      entry("r", "2021-06-30", "report"),
    ])
    expect(no(append(a, entry("form", "2022-01-01", "training"))).reason).toBe("duplicate_entry")
    expect(no(seal(a, make("2021-06-29"), text("x", "x"))).reason).toBe("seal_before_entries")
    expect(ok(seal(a, make("2021-06-30"), text("x", "x"))).sealed?.on).toBe("2021-06-30")
  })

  it("003 三 离任统一封存: sealed on the day a recalled cadre's placement ended; an open placement leaves it open", () => {
    const a = fill(fresh(), [entry("form", "2020-12-10", "registration_form")])
    expect(ok(sealOnExit(a, yangpuInTerm()))).toBe(a)
    const recalled = drive(
      yangpuInTerm(),
      [[{ _tag: "Recall", evidence: "x", decision: decision("2023-05-10") }, "2023-05-10"]],
      SCHEMES.yangpu,
    )
    expect(ok(sealOnExit(a, recalled)).sealed).toEqual({ on: "2023-05-10", reason: text("召回", "recalled") })
  })
})

const entryArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }).map((s) => `e-${s}`),
  day: fc.nat(3000),
  kind: fc.constantFrom(...ARCHIVE_KINDS),
})
const toEntry = (x: { id: string; day: number; kind: ArchiveEntry["kind"] }): ArchiveEntry => ({
  id: x.id,
  date: addDays(make("2020-01-01"), x.day),
  kind: x.kind,
  title: text(x.id, x.id),
})

describe("archive: properties (003 三 规范备案管理)", () => {
  it("entries are always in date-then-kind order, and each accepted entry is in it exactly once", () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 40 }), (xs) => {
        let a = fresh()
        const accepted: Array<string> = []
        for (const x of xs) {
          const r = append(a, toEntry(x))
          if (Either.isRight(r)) {
            a = r.right
            accepted.push(x.id)
          } else expect(accepted).toContain(x.id)
        }
        for (let i = 1; i < a.entries.length; i++)
          expect(
            entryOrder(a.entries[i - 1] as ArchiveEntry, a.entries[i] as ArchiveEntry),
          ).toBeLessThanOrEqual(0)
        expect([...a.entries.map((e) => e.id)].sort()).toEqual([...accepted].sort())
      }),
    )
  })

  it("003 三 离任统一封存: a sealed archive never changes, whatever is tried", () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 10 }),
        fc.array(
          fc.oneof(
            entryArb.map((e) => ({ append: e })),
            fc.nat(3000).map((n) => ({ seal: n })),
          ),
          {
            maxLength: 20,
          },
        ),
        (before, attempts) => {
          let a = fresh()
          for (const x of before) {
            const r = append(a, toEntry(x))
            if (Either.isRight(r)) a = r.right
          }
          const sealed = ok(seal(a, make("2029-01-01"), text("离任", "left")))
          const snapshot = structuredClone(sealed)
          for (const t of attempts) {
            const r =
              "append" in t
                ? append(sealed, toEntry(t.append))
                : seal(sealed, addDays(make("2029-01-01"), t.seal), text("x", "x"))
            expect(Either.isLeft(r) && r.left.reason).toBe("sealed")
          }
          expect(sealed).toEqual(snapshot)
        },
      ),
    )
  })
})
