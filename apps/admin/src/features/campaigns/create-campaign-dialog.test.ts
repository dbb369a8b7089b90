import { describe, expect, it } from "vitest"
import { createInputOf } from "./create-campaign-dialog"

describe("createInputOf (新建选派批次 → campaigns.create)", () => {
  const values = {
    scheme: "yangpu-community-secretary@2",
    name: "  2027年度选派  ",
    places: 3,
    startYear: 2027,
    channels: ["unit_recommendation"] as const,
    decidingBody: "org_dept_meeting" as const,
  }
  it("splits the chosen scheme into id and version, in the caller's region, the name trimmed", () => {
    expect(createInputOf("310110", values)).toEqual({
      regionId: "310110",
      schemeId: "yangpu-community-secretary",
      schemeVersion: 2,
      name: "2027年度选派",
      places: 3,
      startYear: 2027,
      channels: ["unit_recommendation"],
      decidingBody: "org_dept_meeting",
    })
  })
  it("sends a reference date only when one is given (the scheme may fix it)", () => {
    expect(createInputOf("310110", { ...values, referenceDate: "" })).not.toHaveProperty("referenceDate")
    expect(createInputOf("310110", { ...values, referenceDate: "2027-11-30" }).referenceDate).toBe(
      "2027-11-30",
    )
  })
  it("keeps an id with @ in it whole (the version is after the last @)", () => {
    expect(createInputOf("310110", { ...values, scheme: "a@b@7" })).toMatchObject({
      schemeId: "a@b",
      schemeVersion: 7,
    })
  })
})
