import {
  type CommandContext,
  type DatabaseHandle,
  demoPeople,
  loadDemoBase,
  makeTestDatabase,
} from "@cadre/db"
import { type Access, Person, type Regions } from "@cadre/domain"
import { Cause, Effect, Exit, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AuditService } from "../audit/index.js"
import { servicesOverDb } from "../layers.js"
import { PersonService } from "../people/index.js"
import { PostService, RegionService, UnitService } from "../regions/index.js"
import { SchemeService } from "../schemes/index.js"

let h: DatabaseHandle
let repos: Awaited<ReturnType<typeof make>>
const make = (d: DatabaseHandle) =>
  Effect.runPromise(
    Effect.all({
      regions: RegionService,
      units: UnitService,
      posts: PostService,
      people: PersonService,
      schemes: SchemeService,
      audit: AuditService,
    }).pipe(Effect.provide(servicesOverDb(d.db))),
  )

beforeAll(async () => {
  h = await makeTestDatabase()
  await loadDemoBase(h.db)
  repos = await make(h)
}, 60_000)
afterAll(async () => {
  await h.close()
})

const YANGPU = "/310000/310110/"
const DINGHAI = "/310000/310110/310110001/"
const PINGLIANG = "/310000/310110/310110002/"

const actor = (role: Access.Role, scopePath: string, accountId = `acct-${role}`): Access.Actor => ({
  accountId,
  role,
  scope:
    role === "applicant"
      ? { _tag: "SelfScope", personId: null }
      : { _tag: "RegionScope", regionId: (scopePath.split("/").at(-2) ?? "x") as Regions.RegionId },
  scopePath,
  displayName: role,
})
const ctx = (a: Access.Actor): CommandContext => ({ actor: a, requestId: "req-test" })

const run = <A, E>(e: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(e)
/** The typed failure of an Effect (fails the test when it succeeds or dies). */
const failure = async <A, E>(e: Effect.Effect<A, E>): Promise<E> => {
  const exit = await Effect.runPromiseExit(e)
  if (Exit.isSuccess(exit)) throw new Error("expected a failure, got success")
  const f = Cause.failureOption(exit.cause)
  if (Option.isNone(f)) throw new Error(`expected a typed failure, got ${Cause.pretty(exit.cause)}`)
  return f.value
}

describe("PersonRepo", () => {
  const applicant = actor("applicant", "", "applicant-account-1")
  const encoded = (idNumber: string) => {
    const base = demoPeople()[0]?.profile
    if (base === undefined) throw new Error("no demo people")
    const { id: _id, ...rest } = base
    return {
      ...rest,
      name: "测试申请人",
      idNumber,
      birthDate: "1990-03-07",
      sex: "male" as const,
      phone: "19900001234",
    }
  }
  const ID = (() => {
    const first17 = "31011019900307123"
    return `${first17}${Person.checkCharacter(first17)}`
  })()

  it("an applicant creates and reads their own profile; staff lists mask the ID number and phone in SQL", async () => {
    const created = await run(
      repos.people.createOwn(ctx(applicant), { regionId: "310110001001", profile: encoded(ID) }),
    )
    expect(created.profile.idNumber).toBe(ID)
    const own = await run(repos.people.getOwn(applicant))
    expect(own.profile.id).toBe(created.profile.id)

    const street = actor("street_admin", DINGHAI)
    const listed = await run(
      repos.people.list(street, { name: "测试申请人" }, { after: null, limit: 200, order: "asc" }),
    )
    expect(listed.items).toHaveLength(1)
    expect(listed.total).toBe(1)
    const [p] = listed.items
    expect(p?.idNumberMasked).toBe(Person.maskIdNumber(ID))
    expect(p?.phoneMasked).toBe(Person.maskPhone("19900001234"))
    expect(JSON.stringify(listed)).not.toContain(ID)
    expect(JSON.stringify(listed)).not.toContain("19900001234")
    expect(
      (
        await run(
          repos.people.list(
            actor("street_admin", PINGLIANG),
            { name: "测试申请人" },
            { after: null, limit: 200, order: "asc" },
          ),
        )
      ).items,
    ).toHaveLength(0)

    // Whole reads only for allowed roles, and audited without the whole number.
    expect(
      (
        await failure(
          repos.people.getWhole(ctx(actor("host_unit_admin", YANGPU)), created.profile.id, "form"),
        )
      )._tag,
    ).toBe("Forbidden")
    const whole = await run(repos.people.getWhole(ctx(street), created.profile.id, "报名表打印"))
    expect(whole.profile.idNumber).toBe(ID)
    const audit = (await run(repos.audit.query(street, { entity: "person", entityId: created.profile.id })))
      .rows
    expect(audit.map((a) => a.action)).toEqual(["person.read_whole", "person.create_own"])
    expect(JSON.stringify(audit)).not.toContain(ID)
  })

  it("applicants see only themselves: no lists, a second profile or a used ID number is a Conflict", async () => {
    expect(
      (await failure(repos.people.list(applicant, {}, { after: null, limit: 200, order: "asc" })))._tag,
    ).toBe("Forbidden")
    const again = await failure(
      repos.people.createOwn(ctx(applicant), { regionId: "310110001001", profile: encoded(ID) }),
    )
    expect(again._tag).toBe("Conflict")
    if (again._tag === "Conflict") expect(again.message.en).toBe("this account already has a profile")
    const other = actor("applicant", "", "applicant-account-2")
    const dup = await failure(
      repos.people.createOwn(ctx(other), { regionId: "310110001001", profile: encoded(ID) }),
    )
    expect(dup._tag).toBe("Conflict")
    // Issue 14: the record on file is another account's, so it is not linked; the refusal names nothing of it.
    if (dup._tag === "Conflict") expect(dup.message).toEqual(Person.LINK_REFUSED)
    expect((await failure(repos.people.getOwn(other)))._tag).toBe("NotFound")
  })

  it("an invalid profile fails with bilingual, field-named issues", async () => {
    const other = actor("applicant", "", "applicant-account-3")
    const bad = { ...encoded(ID), idNumber: "310110199003071230" }
    const e = await failure(repos.people.createOwn(ctx(other), { regionId: "310110001001", profile: bad }))
    expect(e._tag).toBe("InvalidInput")
    if (e._tag === "InvalidInput") {
      expect(e.message.zh).toContain("身份证号")
      expect(e.message.en).toContain("ID number")
    }
  })

  it("getForScreening: the whole decoded Profile within scope (SQL), the applicant's own only; else NotFound", async () => {
    const own = await run(repos.people.getOwn(applicant))
    const id = own.profile.id
    const byStreet = await run(repos.people.getForScreening(actor("reviewer", DINGHAI), id))
    expect(byStreet).toEqual(own.profile)
    expect(byStreet.idNumber).toBe(ID)
    expect((await run(repos.people.getForScreening(applicant, id))).id).toBe(id)
    // A sibling street, another applicant: as if the person did not exist.
    expect((await failure(repos.people.getForScreening(actor("reviewer", PINGLIANG), id)))._tag).toBe(
      "NotFound",
    )
    const other = actor("applicant", "", "applicant-account-2")
    expect((await failure(repos.people.getForScreening(other, id)))._tag).toBe("NotFound")
    // Without eligibility.check (a host unit admin): Forbidden, whatever the scope.
    expect((await failure(repos.people.getForScreening(actor("host_unit_admin", YANGPU), id)))._tag).toBe(
      "Forbidden",
    )
  })

  it("updateOwn: a stale version fails and changes nothing", async () => {
    const own = await run(repos.people.getOwn(applicant))
    const next = { ...encoded(ID), currentPosition: "副科长" }
    const updated = await run(
      repos.people.updateOwn(ctx(applicant), {
        regionId: own.regionId,
        profile: next,
        expectedVersion: own.version,
      }),
    )
    expect(updated.profile.currentPosition).toBe("副科长")
    const e = await failure(
      repos.people.updateOwn(ctx(applicant), {
        regionId: own.regionId,
        profile: { ...next, currentPosition: "科员" },
        expectedVersion: own.version,
      }),
    )
    expect(e._tag).toBe("StaleVersion")
    expect((await run(repos.people.getOwn(applicant))).profile.currentPosition).toBe("副科长")
  })
})
