/**
 * Demo data: real places, clearly fictitious people (names from a generator, phones 1990000xxxx, ID numbers
 * computed with the GB 11643 check character). Loaded on an empty database; loading again changes nothing
 * (detected by the marker region 310110 and by ids: every insert is ON CONFLICT DO NOTHING). One module each
 * under `demo/`: the places, the people, the accounts, and the loader.
 */
export { DEMO_ACCOUNTS, type DemoAccount, linkDemoAccount } from "./demo/accounts.js"
export { type DemoLoadResult, loadDemoBase } from "./demo/load.js"
export {
  DEMO_ANQIU_CANDIDATES,
  DEMO_D003_PEOPLE,
  DEMO_GUIZHOU_CANDIDATES,
  DEMO_HUAISHANG_CADRES,
  DEMO_PEOPLE_COUNT,
  demoIdNumber,
  demoPeople,
} from "./demo/people.js"
export { DEMO_POSTS, DEMO_REGIONS, DEMO_UNITS } from "./demo/places.js"
