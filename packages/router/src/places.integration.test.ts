import { demoIdNumber, people, posts } from "@cadre/db"
import { Person } from "@cadre/domain"
import { Schema } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Harness, makeHarness } from "./test-support.js"

/**
 * Issue 4, "safe under concurrency": places can never be over-filled, whatever the interleaving. Several decided
 * candidates are appointed AT ONCE to a campaign with fewer places (and posts); on PGlite and on PostgreSQL
 * (the suite reruns with TEST_DATABASE_URL) exactly `places` appointments succeed, the rest are refused, and no post
 * holds two people.
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 120_000)
afterAll(async () => h?.close())

let seq = 700
const addCadre = async (name: string): Promise<string> => {
  seq += 2
  const birthDate = "1992-06-15"
  const id = `pl-${seq}`
  const p = Schema.decodeSync(Person.Profile)({
    id,
    name,
    sex: "male",
    birthDate,
    idNumber: demoIdNumber("510304", birthDate, seq + 1),
    party: { _tag: "Full", joined: "2014-07-01", fullMemberSince: "2015-07-01" },
    education: [{ level: "bachelor", fullTime: true }],
    employment: "civil_servant",
    workHistory: [],
    conduct: [],
    attestations: [],
  })
  const { id: _id, idNumber, phone, ...rest } = Schema.encodeSync(Person.Profile)(p)
  await h.handle.db
    .insert(people)
    .values({ id, regionId: "510304", idNumber, phone: phone ?? null, name, profile: rest })
  return id
}

describe("places are never over-filled under concurrent appointments (002 Da'an path)", () => {
  it("property: n decided candidates, k places, all appointed at once → exactly min(n, k) succeed", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
    h.setToday("2026-04-01")
    let round = 0
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 5 }), async (places, n) => {
        round += 1
        // Posts of its own for each round, vacant.
        const postIds: Array<string> = []
        for (let i = 0; i < places + 1; i++) {
          const p = await h
            .caller(org)
            .posts.create({ regionId: "510304103201", title: `盐井村第一书记岗位${round}-${i}` })
          postIds.push(p.id)
        }
        const c = await h.caller(org).campaigns.create({
          regionId: "510304",
          name: `并发任职测试${round}`,
          schemeId: "daan-first-secretary",
          schemeVersion: 1,
          channels: ["organisation_recommendation"],
          places,
          startYear: 2026,
          referenceDate: "2026-03-01",
          decidingBody: "org_dept_meeting",
          postIds,
        })
        await h.caller(org).campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
        const decided = []
        for (let i = 0; i < n; i++) {
          const a = await h.caller(org).applications.recommend({
            campaignId: c.id,
            personId: await addCadre(`候选${round}-${i}`),
            channel: "organisation_recommendation",
            recommendation: { body: "大安区委组织部", meeting: "部务会", meetingDate: "2026-03-20" },
          })
          // The reviewer confirms what the screening left to review (issue 13: resolved before a decision).
          let at = a
          for (const f of a.application.verdict?.findings ?? [])
            if (f.status === "needs_review")
              at = await h.caller(org).applications.act({
                applicationId: at.id,
                expectedVersion: at.version,
                move: {
                  _tag: "ResolveFinding",
                  ruleId: f.ruleId,
                  outcome: "confirmed",
                  reason: "经考察确认",
                  date: "2026-03-22",
                },
              })
          decided.push(
            await h.caller(org).applications.act({
              applicationId: at.id,
              expectedVersion: at.version,
              move: {
                _tag: "Decide",
                outcome: "approved",
                meeting: { body: "org_dept_meeting" },
                date: "2026-03-25",
              },
            }),
          )
        }
        // Everyone at once, each to a post of the campaign (two of them to the same post).
        const results = await Promise.allSettled(
          decided.map((a, i) =>
            h.caller(org).applications.act({
              applicationId: a.id,
              expectedVersion: a.version,
              move: { _tag: "Appoint", postId: postIds[i % postIds.length] as string },
            }),
          ),
        )
        const ok = results.filter((r) => r.status === "fulfilled").length
        const list = (await h.caller(org).applications.list({ campaignId: c.id, state: "appointed" })).items
        expect(list.length).toBe(ok)
        expect(ok).toBeLessThanOrEqual(places)
        // Each post holds at most one appointee, and a filled post is one somebody was appointed to.
        expect(new Set(list.map((a) => a.application.postId)).size).toBe(list.length)
        const filled = await h.handle.db.select({ id: posts.id, status: posts.status }).from(posts)
        const mine = filled.filter((p) => postIds.includes(p.id) && p.status === "filled").map((p) => p.id)
        expect(new Set(mine)).toEqual(new Set(list.map((a) => a.application.postId)))
        // Refusals explain themselves (places full, or the post taken).
        for (const r of results)
          if (r.status === "rejected")
            expect(String((r.reason as Error).message)).toMatch(/名额|不空缺|已有任职人选|已被他人修改/)
        // There are places + 1 distinct posts, so refusals beyond the places come only from a shared post, and
        // whatever the order exactly min(n, places) appointments succeed: no place is lost either.
        expect(ok).toBe(Math.min(n, places))
      }),
      { numRuns: 6 },
    )
  }, 120_000)
})
