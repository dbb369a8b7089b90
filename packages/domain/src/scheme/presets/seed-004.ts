import { text } from "../../shared/Text.js"
import type { SchemeEncoded } from "../Scheme.js"

/**
 * Seed 004 is a compilation of practice notes (Jincheng; Anqiu; Hangzhou; Jiangdong; Huaishang) uploaded to a
 * document site, with no issuer, number or date of its own. Its paragraphs carry no numbers, so clauses are cited
 * as "<place> <lead phrase> <item>", e.g. "晋城 管理考核 一是" (Jincheng, management and assessment, item 一是),
 * "安丘 严格选人标准（2）", "江东 三", "淮上 激励保障 二是".
 */
export const SEED_004_SOURCE: SchemeEncoded["sources"][number] = {
  id: "004",
  title: text(
    "山西晋城建立选派干部挂职锻炼长效机制（汇编，含山东安丘、杭州、江东区、淮上区做法）",
    "Jincheng, Shanxi: a standing mechanism for seconding cadres (compiled with the practice of Anqiu, Hangzhou, Jiangdong and Huaishang)",
  ),
}

/**
 * The only date the seed carries is its upload date (上传时间:2022-05-30); the notes themselves are undated.
 * The 004 presets take effect from it — replace it with the real date when a region adopts one.
 */
export const SEED_004_DATE = "2022-05-30"
