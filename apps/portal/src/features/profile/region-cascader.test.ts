import { describe, expect, it } from "vitest"
import { pathTo, regionTree } from "./region-cascader"

describe("所属区县 by name, level by level (issue 17: a region picker by names, never a code)", () => {
  const choices = [
    { regionId: "340311", names: ["安徽省", "淮北市", "淮上区"] },
    { regionId: "340302", names: ["安徽省", "淮北市", "杜集区"] },
    { regionId: "310110", names: ["上海市", "杨浦区"] },
    { regionId: "999999", names: [] },
  ]
  const tree = regionTree(choices, "已填写的区县")

  it("shares the levels two districts have in common and keeps the ids at the leaves", () => {
    expect(tree.map((o) => o.label)).toEqual(["安徽省", "上海市", "已填写的区县"])
    const huaibei = tree[0]?.children?.[0]
    expect(huaibei?.label).toBe("淮北市")
    expect(huaibei?.children?.map((o) => [o.value, o.label])).toEqual([
      ["340311", "淮上区"],
      ["340302", "杜集区"],
    ])
  })

  it("finds the path to a chosen district, and nothing for one not offered", () => {
    expect(pathTo(tree, "340302")).toEqual(["names:安徽省", "names:安徽省/淮北市", "340302"])
    expect(pathTo(tree, "999999")).toEqual(["999999"])
    expect(pathTo(tree, "000000")).toBeUndefined()
  })
})
