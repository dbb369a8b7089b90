import { Either, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { addDays, make } from "../shared/LocalDate.js"
import { text } from "../shared/Text.js"
import {
  admit,
  append,
  type Archive,
  ARCHIVE_KINDS,
  ARCHIVE_TITLE_MAX,
  ArchiveTitle,
  type ArchiveEntry,
  type ArchiveRefused,
  currentVolume,
  entryOrder,
  frozenCount,
  headerOf,
  openArchive,
  reopen,
  reopenHeader,
  seal,
  sealHeader,
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

describe("003 三 一人一档 with a later placement: a new volume, the sealed ones untouched", () => {
  const sealedFile = () =>
    ok(
      seal(
        fill(fresh(), [
          entry("form", "2021-01-15", "registration_form"),
          entry("assess-2021", "2021-12-31", "assessment"),
          entry("exit", "2023-01-15", "placement_change"),
        ]),
        make("2023-01-15"),
        text("期满离任", "left at the end of the term"),
      ),
    )

  it("reopens a sealed file: the sealed volume keeps its entries and seal, new entries follow", () => {
    const before = sealedFile()
    const reopened = ok(reopen(before, make("2025-03-01")))
    expect(reopened.sealed).toBeUndefined()
    expect(reopened.openedOn).toBe("2025-03-01")
    expect(reopened.closedVolumes).toEqual([
      {
        openedOn: "2021-01-15",
        sealed: { on: "2023-01-15", reason: text("期满离任", "left at the end of the term") },
        entryCount: 3,
      },
    ])
    expect(frozenCount(reopened)).toBe(3)
    const a = fill(reopened, [
      entry("assess-2025", "2025-12-31", "assessment"),
      entry("form-2", "2025-03-01", "registration_form"),
    ])
    expect(a.entries.map((e) => e.id)).toEqual(["form", "assess-2021", "exit", "form-2", "assess-2025"])
  })

  it("dispatched again on the day of leaving: a same-day form goes after the sealed exit, never into its volume", () => {
    // By date-then-kind a registration form ranks before a placement change of the same day; the sealed volume
    // still never takes an entry in its midst.
    const a = fill(ok(reopen(sealedFile(), make("2023-01-15"))), [
      entry("form-2", "2023-01-15", "registration_form"),
    ])
    expect(a.entries.map((e) => e.id)).toEqual(["form", "assess-2021", "exit", "form-2"])
  })

  it("refuses an entry dated before the new volume, in both languages, and changes nothing", () => {
    const reopened = ok(reopen(sealedFile(), make("2025-03-01")))
    const r = no(append(reopened, entry("late", "2022-06-30", "report")))
    expect(r.reason).toBe("before_volume")
    expect(r.text.zh).toBe("档案不能修改：材料日期 2022-06-30 早于本卷建档日期 2025-03-01，此前各卷已封存")
    expect(r.text.en).toContain("earlier volumes are sealed")
  })

  it("refuses to reopen an open file, or before the last seal", () => {
    expect(no(reopen(fresh(), make("2025-03-01"))).reason).toBe("not_sealed")
    const r = no(reopen(sealedFile(), make("2023-01-14")))
    expect(r.reason).toBe("before_volume")
    expect(r.text.zh).toContain("早于上一卷封存日期 2023-01-15")
    // On the day of the seal is allowed (left and dispatched again the same day).
    expect(ok(reopen(sealedFile(), make("2023-01-15"))).openedOn).toBe("2023-01-15")
  })

  it("property: across any placements, seals and reopenings, every sealed volume's entries stay exactly as sealed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(entryArb, { maxLength: 8 }), { minLength: 1, maxLength: 5 }),
        fc.array(entryArb, { maxLength: 10 }),
        (volumes, lateTries) => {
          let a = fresh()
          let day = 0
          const sealedPrefixes: Array<ReadonlyArray<ArchiveEntry>> = []
          for (const [i, vol] of volumes.entries()) {
            if (i > 0) a = ok(reopen(a, addDays(make("2021-01-15"), day)))
            for (const x of vol) {
              const e = {
                ...toEntry(x),
                id: `${toEntry(x).id}-v${i}`,
                date: addDays(make("2021-01-15"), day + (x.day % 300)),
              }
              const r = append(a, e)
              if (Either.isRight(r)) a = r.right
            }
            day += 400
            a = ok(seal(a, addDays(make("2021-01-15"), day), text("离任", "left")))
            sealedPrefixes.push(structuredClone(a.entries))
            // Whatever is tried on the sealed file, nothing changes.
            for (const x of lateTries) expect(Either.isLeft(append(a, toEntry(x)))).toBe(true)
          }
          // Every volume's entries are a prefix of every later state, unchanged.
          for (const prefix of sealedPrefixes) expect(a.entries.slice(0, prefix.length)).toEqual(prefix)
          expect(a.closedVolumes?.map((v) => v.entryCount) ?? []).toEqual(
            sealedPrefixes.slice(0, -1).map((p) => p.length),
          )
          // And within each volume the date-then-kind order holds.
          const bounds = [0, ...sealedPrefixes.map((p) => p.length)]
          for (let v = 1; v < bounds.length; v++) {
            const part = a.entries.slice(bounds[v - 1], bounds[v])
            for (let k = 1; k < part.length; k++)
              expect(entryOrder(part[k - 1] as ArchiveEntry, part[k] as ArchiveEntry)).toBeLessThanOrEqual(0)
          }
        },
      ),
    )
  })
})

describe("the archive's rules on a header and a tally (entries stored as rows, issue 15)", () => {
  it("decide as on the whole file: seal after the last entry, reopen counts the entries", () => {
    const h = headerOf(openArchive(person(), make("2024-01-01")))
    const tally = { entryCount: 7, lastEntryDate: make("2024-06-30") }
    expect(
      Either.getOrThrow(Either.flip(sealHeader(h, tally, make("2024-06-29"), text("x", "x")))).reason,
    ).toBe("seal_before_entries")
    const sealed = Either.getOrThrow(sealHeader(h, tally, make("2024-07-01"), text("离任", "left")))
    expect(
      Either.getOrThrow(Either.flip(admit(sealed, entry("a", "2024-07-02", "report"), false))).reason,
    ).toBe("sealed")
    const reopened = Either.getOrThrow(reopenHeader(sealed, tally, make("2025-01-01")))
    expect(reopened.closedVolumes?.[0]?.entryCount).toBe(7)
    expect(currentVolume(reopened)).toBe(2)
    expect(Either.isRight(admit(reopened, entry("b", "2025-01-02", "report"), false))).toBe(true)
    expect(
      Either.getOrThrow(Either.flip(admit(reopened, entry("b", "2025-01-02", "report"), true))).reason,
    ).toBe("duplicate_entry")
    expect(
      Either.getOrThrow(Either.flip(admit(reopened, entry("c", "2024-12-31", "report"), false))).reason,
    ).toBe("before_volume")
  })

  it("a hand-filed title is one line of at most 200 characters per language", () => {
    const decode = Schema.decodeUnknownEither(ArchiveTitle)
    expect(Either.isRight(decode({ zh: "表彰", en: "award" }))).toBe(true)
    expect(Either.isLeft(decode({ zh: "长".repeat(ARCHIVE_TITLE_MAX + 1), en: "award" }))).toBe(true)
    expect(Either.isLeft(decode({ zh: " ", en: "award" }))).toBe(true)
  })
})
