/**
 * Scores, stars, evaluations and types, each computed only from what the scheme states:
 * - 004 淮上 目标考核 三是: "实行百分制量化考核，对工作业绩逢半年、年终、任期期满分别进行考核" (`Scoring`): a total
 *   out of 100 at half-year, year-end and term-end; items and score → grade bands are not in the seed
 *   (Unspecified), so the grade stays with the body that decides it (乡镇党委会评定).
 * - 003 四 抓好提级述职: half-year report-back scored on the spot by 组织部、民政局、所属街道 (`PanelScoring`); weights
 *   not in the seed, so no combined score is made up.
 * - 003 四 用好星级评定: five star levels by score (`StarRating`); the score bands are the streets' to write.
 * - 003 四 做实履职评估: the four evaluations in order (自评 → 居民点评 → 街道复评 → 组织部门审评), residents on
 *   德、能、勤、绩、廉 (`FourEvaluations`).
 * - 003 三 深化分类管理: 示范、骨干、潜力、守摊 by five standards (`SecretaryTyping`); the dividing lines are not in
 *   the seed, so a classification is a judgement that must address every standard.
 *
 * Points may have up to two decimals (85.5, 92.25); they are summed in hundredths, exactly.
 *
 * The rules live in assessment/scoring/: points and the shared error (Points), scores, panels and stars (Scores),
 * the four evaluations and secretary types (Evaluations). This module re-exports their public names.
 *
 * @since 0.1.0
 */

export * from "./scoring/Evaluations.js"
export { ScoreInvalid, type Undetermined } from "./scoring/Points.js"
export * from "./scoring/Scores.js"
