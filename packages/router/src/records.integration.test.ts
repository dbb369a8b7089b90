import { auditLog, demoIdNumber, people, personVersions } from "@cadre/db"
import { Person } from "@cadre/domain"
import { and, asc, eq } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, makeHarness, tagOf, textOf } from "./test-support.js"
import type { ErrorData } from "./trpc.js"

/**
 * Issue 14 item 1, "cadre records kept by staff": the org dept and a dispatching unit's admin enter and edit person
 * records with the kernel profile; each edit is a version with its source, audited with the fields it changed,
 * at the version the clerk read; one person per ID number; an applicant who registers with an ID number already on
 * record takes that record (name, birth date and phone verified), never a second one.
 */

let h: Harness
let org: Record<string, string>
let daanOrg: Record<string, string>
let mzAdmin: Record<string, string>
let street: Record<string, string>

beforeAll(async () => {
  h = await makeHarness()
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
  daanOrg = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
  mzAdmin = await h.actorHeaders({ role: "dispatching_unit_admin", unitId: "u-yp-mz" })
  street = await h.actorHeaders({ role: "street_admin", regionId: "310110001" })
}, 120_000)
afterAll(async () => h?.close())

let seq = 801
/** A new profile (encoded, without id) with a valid ID number of its own; odd sequences are men. */
const newProfile = (name: string, birthDate = "1990-03-12") => {
  seq += 2
  return {
    name,
    sex: "male" as const,
    birthDate,
    idNumber: demoIdNumber("310110", birthDate, seq),
    phone: `1380000${String(seq).padStart(4, "0")}`,
    party: { _tag: "Full" as const, joined: "2012-06-01", fullMemberSince: "2013-06-01" },
    education: [{ level: "bachelor" as const, fullTime: true }],
    employment: "civil_servant" as const,
    currentUnit: "杨浦区教育局",
    workHistory: [
      { from: "2013-08-01", organisation: "杨浦区教育局", position: "科员", grassroots: false, tags: [] },
    ],
    conduct: [],
    attestations: [],
  }
}

const issuePaths = (e: { cause?: unknown }): Array<string> =>
  ((e.cause as { issues?: ErrorData["issues"] } | undefined)?.issues ?? []).map((i) => i.path.join("."))

const auditOf = (entityId: string) =>
  h.handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "person"), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.id))

const versionsOf = (personId: string) =>
  h.handle.db
    .select()
    .from(personVersions)
    .where(eq(personVersions.personId, personId))
    .orderBy(asc(personVersions.version))

describe("the org dept keeps cadre records (issue 14 item 1)", () => {
  it("creates a record with the kernel profile (answered masked), then edits it: a version, audited with its source and changed fields", async () => {
    const profile = newProfile("周建国")
    const created = await h
      .caller(org)
      .profiles.create({ regionId: "310110001001", unitId: "u-yp-jw", profile })
    expect(created).toMatchObject({ name: "周建国", regionId: "310110001001", unitId: "u-yp-jw", version: 1 })
    expect(created.idNumberMasked).toBe(Person.maskIdNumber(profile.idNumber))
    expect(created.phoneMasked).toBe(Person.maskPhone(profile.phone))
    expect(JSON.stringify(created)).not.toContain(profile.idNumber)

    const updated = await h.caller(org).profiles.update({
      id: created.id,
      regionId: "310110001001",
      profile: { ...profile, name: "周建华", rank: { level: "section", track: "leading" } },
      expectedVersion: 1,
    })
    expect(updated).toMatchObject({ name: "周建华", version: 2, unitId: "u-yp-jw" })

    const audit = await auditOf(created.id)
    expect(audit.map((a) => a.action)).toEqual(["person.create", "person.update"])
    expect(audit[0]?.after).toMatchObject({ source: "entered", unitId: "u-yp-jw" })
    expect(audit[1]?.after).toMatchObject({ source: "entered", changed: ["name", "rank"], version: 2 })
    expect(audit[1]?.before).toMatchObject({ name: "周建国", version: 1 })
    // The audit trail never holds the whole ID number or phone.
    expect(JSON.stringify(audit)).not.toContain(profile.idNumber)

    const versions = await versionsOf(created.id)
    expect(versions.map((v) => [v.version, v.source, v.name, v.changed])).toEqual([
      [1, "entered", "周建国", []],
      [2, "entered", "周建华", ["name", "rank"]],
    ])
    const history = await h.caller(org).profiles.history({ id: created.id })
    expect(history.map((v) => [v.version, v.source])).toEqual([
      [2, "entered"],
      [1, "entered"],
    ])
    // A street sees the record (it lies in its scope) but keeps no records.
    expect(
      (
        await failure(
          h.caller(street).profiles.create({ regionId: "310110001001", profile: newProfile("甲") }),
        )
      ).code,
    ).toBe("FORBIDDEN")
    expect((await failure(h.caller(daanOrg).profiles.history({ id: created.id }))).code).toBe("NOT_FOUND")
  })

  it("a stale version is refused with a bilingual conflict, and nothing is written", async () => {
    const profile = newProfile("吴晓东")
    const created = await h.caller(org).profiles.create({ regionId: "310110", profile })
    await h.caller(org).profiles.update({
      id: created.id,
      regionId: "310110",
      profile: { ...profile, currentPosition: "科长" },
      expectedVersion: 1,
    })
    // A second clerk who read version 1 saves over it.
    const e = await failure(
      h.caller(org).profiles.update({
        id: created.id,
        regionId: "310110",
        profile: { ...profile, currentPosition: "副科长" },
        expectedVersion: 1,
      }),
    )
    expect(e.code).toBe("CONFLICT")
    expect(tagOf(e)).toBe("StaleVersion")
    expect(textOf(e).zh).toContain("已被他人修改")
    expect(textOf(e).en).toContain("changed by someone else")
    const [row] = await h.handle.db.select().from(people).where(eq(people.id, created.id))
    expect(row?.version).toBe(2)
    expect((row?.profile as { currentPosition?: string } | undefined)?.currentPosition).toBe("科长")
    expect((await versionsOf(created.id)).length).toBe(2)
  })

  it("two clerks saving at once from the same version: exactly one is kept, the other is a CONFLICT (never a 500)", async () => {
    const profile = newProfile("沈文博")
    const created = await h.caller(org).profiles.create({ regionId: "310110", profile })
    const results = await Promise.allSettled(
      ["科长", "副科长"].map((currentPosition) =>
        h.caller(org).profiles.update({
          id: created.id,
          regionId: "310110",
          profile: { ...profile, currentPosition },
          expectedVersion: 1,
        }),
      ),
    )
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(1)
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code?: string }] : []))
    expect(refused.map((e) => e.code)).toEqual(["CONFLICT"])
    expect((await versionsOf(created.id)).length).toBe(2)
    // Two clerks entering the same new person at once: one record, the other a CONFLICT.
    const twin = newProfile("沈文渊")
    const creates = await Promise.allSettled(
      [0, 1].map(() => h.caller(org).profiles.create({ regionId: "310110", profile: twin })),
    )
    expect(creates.filter((r) => r.status === "fulfilled").length).toBe(1)
    expect(
      creates.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code] : [])),
    ).toEqual(["CONFLICT"])
  })

  it("one person per ID number: a second record is refused, naming the record only to a caller who sees it", async () => {
    const profile = newProfile("郑海涛")
    const created = await h.caller(org).profiles.create({ regionId: "310110002", profile })
    const again = await failure(
      h.caller(org).profiles.create({ regionId: "310110", profile: { ...profile, phone: "13911112222" } }),
    )
    expect(again.code).toBe("CONFLICT")
    expect(textOf(again).zh).toContain("已有人员记录")
    expect(textOf(again).zh).toContain(created.id)
    expect(textOf(again).en).toContain("already exists")
    // Another district's org dept learns that it exists, not which record it is.
    const elsewhere = await failure(h.caller(daanOrg).profiles.create({ regionId: "510304", profile }))
    expect(elsewhere.code).toBe("CONFLICT")
    expect(textOf(elsewhere).zh).toContain("不在您的管辖范围内")
    expect(JSON.stringify(textOf(elsewhere))).not.toContain(created.id)
    expect(JSON.stringify(textOf(elsewhere))).not.toContain("郑海涛")
    const rows = await h.handle.db.select().from(people).where(eq(people.idNumber, profile.idNumber))
    expect(rows.length).toBe(1)
  })

  it("a bad check character, or a birth date the ID number contradicts, is a bilingual error at the field", async () => {
    const profile = newProfile("冯志强")
    const last = profile.idNumber.slice(-1)
    const badCheck = `${profile.idNumber.slice(0, 17)}${last === "1" ? "2" : "1"}`
    const e1 = await failure(
      h.caller(org).profiles.create({ regionId: "310110", profile: { ...profile, idNumber: badCheck } }),
    )
    expect(e1.code).toBe("BAD_REQUEST")
    expect(issuePaths(e1)).toEqual(["profile.idNumber"])
    expect(textOf(e1).zh).toContain("校验位")
    expect(textOf(e1).en).toContain("check character")

    const e2 = await failure(
      h.caller(org).profiles.create({ regionId: "310110", profile: { ...profile, birthDate: "1990-03-13" } }),
    )
    expect(e2.code).toBe("BAD_REQUEST")
    expect(tagOf(e2)).toBe("InvalidInput")
    expect(issuePaths(e2)).toEqual(["profile.birthDate"])
    expect(textOf(e2).zh).toContain("出生日期")
    expect(textOf(e2).en).toContain("birth date")
    expect(
      (await h.handle.db.select().from(people).where(eq(people.idNumber, profile.idNumber))).length,
    ).toBe(0)
  })
})

describe("a dispatching unit's admin keeps its own people's records only", () => {
  it("creates for its own unit (the default), edits its own; another unit's record is FORBIDDEN, another district NOT_FOUND", async () => {
    const qian = newProfile("钱立新")
    const own = await h.caller(mzAdmin).profiles.create({ regionId: "310110", profile: qian })
    expect(own.unitId).toBe("u-yp-mz")
    const ok = await h.caller(mzAdmin).profiles.update({
      id: own.id,
      regionId: "310110",
      profile: { ...qian, currentPosition: "副科长" },
      expectedVersion: 1,
    })
    expect(ok).toMatchObject({ version: 2, unitId: "u-yp-mz", currentPosition: "副科长" })

    // Another unit of the same district: in sight, not its to keep.
    const other = await failure(
      h
        .caller(mzAdmin)
        .profiles.create({ regionId: "310110", unitId: "u-yp-jw", profile: newProfile("孙甲") }),
    )
    expect(other.code).toBe("FORBIDDEN")
    expect(textOf(other).zh).toContain("person.write")
    // Moving its own person to another unit is refused alike.
    expect(
      (
        await failure(
          h.caller(mzAdmin).profiles.update({
            id: own.id,
            regionId: "310110",
            unitId: "u-yp-jw",
            profile: qian,
            expectedVersion: 2,
          }),
        )
      ).code,
    ).toBe("FORBIDDEN")
    // A record of another unit in its district: out of its sight since issue 13 ("units see their own"), so not
    // found — as another district's.
    const orgs = await h
      .caller(org)
      .profiles.create({ regionId: "310110", unitId: "u-yp-jw", profile: newProfile("李乙") })
    const e = await failure(
      h.caller(mzAdmin).profiles.update({
        id: orgs.id,
        regionId: "310110",
        profile: newProfile("李乙"),
        expectedVersion: 1,
      }),
    )
    expect(e.code).toBe("NOT_FOUND")
    // Another district: neither its region nor its people are in sight.
    expect(
      (await failure(h.caller(mzAdmin).profiles.create({ regionId: "510304", profile: newProfile("王丙") })))
        .code,
    ).toBe("NOT_FOUND")
    const [daanPerson] = await h.handle.db.select().from(people).where(eq(people.regionId, "510304")).limit(1)
    expect(
      (
        await failure(
          h.caller(mzAdmin).profiles.update({
            id: daanPerson?.id ?? "",
            regionId: "310110",
            profile: newProfile("王丙"),
            expectedVersion: 1,
          }),
        )
      ).code,
    ).toBe("NOT_FOUND")
  })

  it("the demo's people of the 民政局 are its own (their unit comes from their employment)", async () => {
    const mine = (await h.handle.db.select().from(people).where(eq(people.unitId, "u-yp-mz"))).filter((p) =>
      p.id.startsWith("demo-"),
    )
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((p) => (p.profile as { currentUnit?: string }).currentUnit === "杨浦区民政局")).toBe(
      true,
    )
  })
})

describe("a portal applicant with an ID number already on record takes that record (issue 14)", () => {
  it("the same name, birth date and phone: linked to the record on file, one person row, audited", async () => {
    const profile = newProfile("陈思远", "1993-07-21")
    const onFile = await h
      .caller(org)
      .profiles.create({ regionId: "310110001001", unitId: "u-yp-jw", profile })
    const me = h.caller(await h.actorHeaders({ role: "applicant" }))
    // What the applicant declares may differ elsewhere (a fuller work history): the record on file stays as entered.
    const mine = await me.profiles.createMine({
      regionId: "310110002",
      profile: { ...profile, name: "陈 思远", currentPosition: "主任科员" },
    })
    expect(mine.profile.id).toBe(onFile.id)
    expect(mine.regionId).toBe("310110001001")
    expect(mine.version).toBe(2)
    expect((await me.profiles.mine()).profile.id).toBe(onFile.id)
    const rows = await h.handle.db.select().from(people).where(eq(people.idNumber, profile.idNumber))
    expect(rows.length).toBe(1)
    const audit = await auditOf(onFile.id)
    expect(audit.map((a) => a.action)).toEqual(["person.create", "person.link_own"])
    expect(audit[1]?.after).toMatchObject({
      source: "self_declared",
      verifiedBy: ["name", "birthDate", "phone"],
    })
    const versions = await versionsOf(onFile.id)
    expect(versions.map((v) => [v.version, v.source, v.changed])).toEqual([
      [1, "entered", []],
      [2, "self_declared", ["accountId"]],
    ])
    // The record is now theirs: a second applicant with the same details is refused.
    const other = h.caller(await h.actorHeaders({ role: "applicant" }))
    const e = await failure(other.profiles.createMine({ regionId: "310110002", profile }))
    expect(e.code).toBe("CONFLICT")
    expect(textOf(e)).toEqual(Person.LINK_REFUSED)
  })

  it("a different name (or phone): refused, told to contact the org dept; nothing linked or created", async () => {
    const profile = newProfile("林佳怡", "1991-11-02")
    const onFile = await h.caller(org).profiles.create({ regionId: "310110", profile })
    const me = h.caller(await h.actorHeaders({ role: "applicant" }))
    for (const claim of [
      { ...profile, name: "林嘉怡" },
      { ...profile, phone: "13722223333" },
    ]) {
      const e = await failure(me.profiles.createMine({ regionId: "310110", profile: claim }))
      expect(e.code).toBe("CONFLICT")
      expect(textOf(e).zh).toContain("请联系所在地组织部门")
      expect(textOf(e).en).toContain("contact your org dept")
      expect(JSON.stringify(textOf(e))).not.toContain(onFile.id)
    }
    expect((await failure(me.profiles.mine())).code).toBe("NOT_FOUND")
    const [row] = await h.handle.db.select().from(people).where(eq(people.id, onFile.id))
    expect(row?.accountId).toBeNull()
    expect(row?.version).toBe(1)
  })

  it("once linked, the person edits their record but cannot declare away staff's conduct records or reviewers' attestations", async () => {
    const profile = {
      ...newProfile("蒋文静", "1990-08-30"),
      conduct: [{ kind: "party_warning", date: "2021-03-01", description: "党内警告" }],
      attestations: [
        { item: "health", result: true, by: "reviewer" as const, reviewer: "区委组织部", date: "2026-01-05" },
      ],
    }
    const onFile = await h.caller(org).profiles.create({ regionId: "310110", profile })
    const me = h.caller(await h.actorHeaders({ role: "applicant" }))
    const linked = await me.profiles.createMine({ regionId: "310110", profile: { ...profile, conduct: [] } })
    expect(linked.profile.id).toBe(onFile.id)
    expect(linked.profile.conduct).toEqual(profile.conduct)
    const updated = await me.profiles.updateMine({
      regionId: "310110",
      profile: {
        ...profile,
        currentPosition: "科员",
        conduct: [],
        attestations: [{ item: "computer_skills", result: true, by: "self", date: "2026-02-01" }],
      },
      expectedVersion: linked.version,
    })
    expect(updated.profile.currentPosition).toBe("科员")
    expect(updated.profile.conduct).toEqual(profile.conduct)
    expect(updated.profile.attestations.map((a) => [a.item, a.by])).toEqual([
      ["health", "reviewer"],
      ["computer_skills", "self"],
    ])
    const [last] = (await versionsOf(onFile.id)).slice(-1)
    expect(last).toMatchObject({ source: "self_declared", changed: ["currentPosition", "attestations"] })
  })

  it("an applicant's own create and edit are versions too, self-declared, with the changed fields audited", async () => {
    const profile = newProfile("何雨婷", "1994-02-08")
    const me = h.caller(await h.actorHeaders({ role: "applicant" }))
    const created = await me.profiles.createMine({ regionId: "310110", profile })
    await me.profiles.updateMine({
      regionId: "310110",
      profile: { ...profile, currentPosition: "科员" },
      expectedVersion: 1,
    })
    const versions = await versionsOf(created.profile.id)
    expect(versions.map((v) => [v.version, v.source, v.changed])).toEqual([
      [1, "self_declared", []],
      [2, "self_declared", ["currentPosition"]],
    ])
    const audit = await auditOf(created.profile.id)
    expect(audit[1]?.after).toMatchObject({ source: "self_declared", changed: ["currentPosition"] })
  })
})
