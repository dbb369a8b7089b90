import type { Access } from "@cadre/domain"
import { and, eq, isNull } from "drizzle-orm"
import type { Db } from "../database.js"
import { auditLog, people, regions } from "../schema/index.js"

/** The demo accounts the auth side creates (with a password it chooses), and a cadre's link to their person. */

/** A demo account for the auth side to create (with a password it chooses). */
export interface DemoAccount {
  readonly email: string
  readonly displayName: string
  readonly role: Access.Role
  /** Scope region (for a unit account: the unit's region); null for applicants. */
  readonly regionId: string | null
  /** For unit accounts. */
  readonly unitId: string | null
  /** For a cadre's own account: the demo person it is linked to (people.account_id). */
  readonly personId?: string
}

const account = (
  email: string,
  displayName: string,
  role: Access.Role,
  regionId: string | null,
  unitId: string | null = null,
): DemoAccount => ({ email, displayName, role, regionId, unitId })

/** Org dept, street and integrator accounts per seed region (and a few others to try every role). */
export const DEMO_ACCOUNTS: ReadonlyArray<DemoAccount> = [
  account("yangpu.org@demo.example.org", "杨浦区委组织部（演示）", "org_dept_admin", "310110"),
  account("yangpu.dinghai@demo.example.org", "定海路街道（演示）", "street_admin", "310110001"),
  account("yangpu.pingliang@demo.example.org", "平凉路街道（演示）", "street_admin", "310110002"),
  account("yangpu.reviewer@demo.example.org", "杨浦区审核人员（演示）", "reviewer", "310110"),
  account("yangpu.api@demo.example.org", "杨浦区系统对接（演示）", "integrator", "310110"),
  account(
    "yangpu.minzheng@demo.example.org",
    "杨浦区民政局（演示）",
    "dispatching_unit_admin",
    "310110",
    "u-yp-mz",
  ),
  account("guizhou.org@demo.example.org", "贵州某区组织部（演示）", "org_dept_admin", "guizhou-district"),
  account("guizhou.street@demo.example.org", "某街道（演示）", "street_admin", "guizhou-street"),
  account("guizhou.api@demo.example.org", "贵州某区系统对接（演示）", "integrator", "guizhou-district"),
  account("daan.org@demo.example.org", "大安区委组织部（演示）", "org_dept_admin", "510304"),
  account("daan.niufo@demo.example.org", "牛佛镇（演示）", "street_admin", "510304101"),
  account("daan.api@demo.example.org", "大安区系统对接（演示）", "integrator", "510304"),
  account("d003.org@demo.example.org", "某区组织部（演示）", "org_dept_admin", "district-003"),
  account("d003.street@demo.example.org", "示例街道（演示）", "street_admin", "district-003-s1"),
  account("jincheng.org@demo.example.org", "晋城市委组织部（演示）", "org_dept_admin", "140500"),
  account("jincheng.api@demo.example.org", "晋城市系统对接（演示）", "integrator", "140500"),
  account("jincheng.xfj@demo.example.org", "晋城市信访局（演示）", "host_unit_admin", "140500", "u-jc-xfj"),
  account("anqiu.org@demo.example.org", "安丘市委组织部（演示）", "org_dept_admin", "370784"),
  account("jiangdong.org@demo.example.org", "江东区委组织部（演示）", "org_dept_admin", "330204"),
  account("huaishang.org@demo.example.org", "淮上区委组织部（演示）", "org_dept_admin", "340311"),
  account("applicant@demo.example.org", "报名人员（演示）", "applicant", null),
  // A cadre in post (004 晋城): sees their own placement, files reports and asks for leave in the portal.
  {
    ...account("cadre.jc@demo.example.org", "王凤霞（演示挂职干部）", "applicant", null),
    personId: "demo-p-33",
  },
]

/**
 * Link a demo cadre's account to their person (people.account_id), so `placements.mine` and the portal show
 * them their own placement. Only an unlinked person is linked; returns whether this call linked it.
 */
export async function linkDemoAccount(db: Db, personId: string, accountId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const linked = await tx
      .update(people)
      .set({ accountId })
      .where(and(eq(people.id, personId), isNull(people.accountId)))
      .returning({ id: people.id, regionId: people.regionId })
    const row = linked[0]
    if (row === undefined) return false
    const [region] = await tx.select({ path: regions.path }).from(regions).where(eq(regions.id, row.regionId))
    await tx.insert(auditLog).values({
      actorAccountId: "system:demo",
      actorRole: "org_dept_admin",
      action: "demo.link_account",
      entity: "person",
      entityId: personId,
      regionPath: region?.path ?? "/",
      before: null,
      after: { accountId },
    })
    return true
  })
}
