import { Eligibility, Scheme, type Text } from "@cadre/domain"
import type { Schema } from "effect"

/**
 * What the OpenAPI document (document.ts) says about each procedure an integrator may call, keyed by procedure
 * path: a one-line summary and, where it helps, a longer description in Chinese and English, an example input
 * where the values shared below ({@link EXAMPLE_VALUES}) do not make a sensible one, and the kernel Schema of the
 * answer where one exists. The inputs themselves are never described here: they come from the procedures'
 * own kernel Schemas. `document.test.ts` fails when a procedure an integrator holds has no entry, and when an
 * example does not decode with the procedure's input Schema.
 */
export interface Described {
  readonly summary: Text
  readonly description?: Text
  /** The example input; absent: the procedure's required fields filled from {@link EXAMPLE_VALUES}. */
  readonly example?: unknown
  /** The answer's Schema (encoded side), where the kernel has one; otherwise the answer is a described object. */
  readonly output?: Schema.Schema<unknown, unknown, never>
  /** What the answer holds, where no Schema says it. */
  readonly answer?: Text
}

/** Example values by input field name, taken from the demo data (Yangpu district, 310110). */
export const EXAMPLE_VALUES: Readonly<Record<string, unknown>> = {
  id: "310110",
  schemeId: "yangpu-community-secretary",
  version: 1,
  fromVersion: 1,
  toVersion: 2,
  schemeVersion: 1,
  expectedRowVersion: 1,
  expectedVersion: 1,
  key: "yangpu-community-secretary",
  presetKey: "yangpu-community-secretary",
  regionId: "310110",
  date: "2026-06-30",
  referenceDate: "2026-06-30",
  effectiveFrom: "2027-01-01",
  personId: "demo-p-33",
  campaignId: "demo-yangpu-2026",
  placementId: "demo-pl-yp-in-term",
  mentorId: "demo-p-33",
  year: 2026,
  start: "2026-06-01",
  days: 5,
  method: { _tag: "Mean" },
}

const t = (zh: string, en: string): Text => ({ zh, en })

/** A whole scheme, encoded: the Yangpu preset (000) under another id, as one would start a scheme from scratch. */
const exampleScheme = (() => {
  const preset = Scheme.presetByKey("yangpu-community-secretary")
  return preset === undefined ? undefined : { ...preset.encoded, id: "yangpu-example" }
})()

/** A cadre's profile as staff enter it (the kernel Profile, encoded): the records examples. */
const exampleProfile = {
  name: "李文华",
  sex: "female",
  birthDate: "1988-05-12",
  idNumber: "110101198805120020",
  party: { _tag: "Full", joined: "2010-06-01", fullMemberSince: "2011-06-01" },
  education: [{ level: "bachelor", fullTime: true }],
  employment: "civil_servant",
  workHistory: [],
  conduct: [],
  attestations: [],
}

const FILE = t(
  "文件以 base64 编码放在 JSON 应答中：filename（文件名）、mime（类型）、size（字节数）、base64（内容）。",
  "The file travels base64-encoded in the JSON answer: filename, mime, size (bytes) and base64 (the content).",
)

/** Every procedure an integrator may call (document.ts, INTEGRATOR_PROCEDURES), described. */
export const DESCRIPTIONS: Readonly<Record<string, Described>> = {
  "auth.me": {
    summary: t("当前调用者", "Who is calling"),
    description: t(
      "返回账号、角色、管辖范围以及该角色拥有的全部权限（permissions），可据此略去会被拒绝的调用。",
      "The account, role, scope and every permission the role holds (permissions): leave out what would be refused.",
    ),
    answer: t(
      "{ accountId, email, displayName, role, scopePath, permissions[] }",
      "{ accountId, email, displayName, role, scopePath, permissions[] }",
    ),
  },
  "regions.tree": {
    summary: t("管辖范围内的区域树", "Regions within your scope, as a tree"),
    description: t(
      "按树的先序排列；已合并的区域仅在 includeMerged=true 时返回。",
      "In tree pre-order; merged regions only with includeMerged=true.",
    ),
    example: { includeMerged: false },
    answer: t(
      "区域数组：id、上级、层级、名称、路径。",
      "An array of regions: id, parent, level, name, path.",
    ),
  },
  "regions.get": {
    summary: t("一个区域", "One region"),
    answer: t(
      "区域：id、上级、层级、名称、路径、版本号。",
      "A region: id, parent, level, name, path, version.",
    ),
  },
  "units.list": {
    summary: t("管辖范围内的单位，分页", "Units within your scope, one page at a time"),
    description: t(
      "按单位名称排序（order=desc 为倒序），每页至多 200 条（limit，默认 50），以 nextCursor / cursor 翻页；可按所在区域（regionId）、区域及其下级（withinRegionId）、单位角色（role）、名称（部分，name）筛选。",
      "Ordered by name (order=desc reverses it), at most 200 a page (limit, default 50), paged by nextCursor / cursor; filter by the unit's region (regionId), a region and everything beneath it (withinRegionId), role, part of the name (name).",
    ),
    example: {},
    answer: t(
      "{ items: 单位, nextCursor, total: 符合条件的总数 }。",
      "{ items: units, nextCursor, total: how many pass the filter }.",
    ),
  },
  "units.get": { summary: t("一个单位", "One unit"), example: { id: "demo-unit-1" } },
  "posts.list": {
    summary: t(
      "岗位（社区书记岗位、挂职岗位），分页",
      "Posts (community secretary posts, secondment places), one page at a time",
    ),
    description: t(
      "按创建时间排序（order=desc 为最新在前），每页至多 200 条（limit，默认 50），以 nextCursor / cursor 翻页；可按所在区域（regionId）、区域及其下级（withinRegionId）、单位、状态筛选。",
      "Ordered by creation (order=desc for newest first), at most 200 a page (limit, default 50), paged by nextCursor / cursor; filter by the post's region (regionId), a region and everything beneath it (withinRegionId), unit, status.",
    ),
    example: {},
    answer: t(
      "{ items: 岗位（含区域名、单位名）, nextCursor, total: 符合条件的总数, statuses: 各状态个数 }。",
      "{ items: posts (with region and unit names), nextCursor, total: how many pass the filter, statuses: how many of each status }.",
    ),
  },
  "posts.get": { summary: t("一个岗位", "One post"), example: { id: "demo-post-1" } },
  "schemes.presets": {
    summary: t("方案模板列表", "The scheme presets"),
    description: t(
      "依据种子文件写成的模板：key、种子、标题、类别、区域、生效日期。",
      "The presets written from the seed documents: key, seed, title, kind, region, effective date.",
    ),
    answer: t("模板数组。", "An array of presets."),
  },
  "schemes.preset": {
    summary: t("一个方案模板（完整）", "One preset in full"),
    answer: t(
      "{ key, seed, title, scheme }，没有该模板时为 null。",
      "{ key, seed, title, scheme }, or null.",
    ),
  },
  "schemes.list": {
    summary: t("可见的方案版本", "Scheme versions you may see"),
    description: t(
      "同一方案内新版本在前。上级区域的方案发布后可读；草稿仅所属范围内可见。",
      "Newest first within each scheme. Schemes of regions above yours are readable once published; drafts only inside the owning scope.",
    ),
    example: {},
    answer: t(
      "摘要数组：schemeId、version、status、name {zh,en}、effectiveFrom、regionId、publishedAt …",
      "An array of summaries: schemeId, version, status, name {zh,en}, effectiveFrom, regionId, publishedAt …",
    ),
  },
  "schemes.get": {
    summary: t("一个方案版本（完整）", "One scheme version in full"),
    answer: t(
      "{ scheme, status, regionPath, rowVersion, createdBy, createdAt, publishedAt, publishedBy }",
      "{ scheme, status, regionPath, rowVersion, createdBy, createdAt, publishedAt, publishedBy }",
    ),
  },
  "schemes.inForceOn": {
    summary: t("某日生效的已发布版本", "The published version in force on a date"),
    answer: t("与 schemes.get 相同。", "As schemes.get."),
  },
  "schemes.diff": {
    summary: t("两个版本的参数差异", "Parameter-level differences between two versions"),
    description: t("每处差异附所依据的条款。", "Each change with its clause."),
    answer: t("{ from, to, changes[] }", "{ from, to, changes[] }"),
  },
  "schemes.createFromPreset": {
    summary: t("由模板新建草稿", "A new draft from a preset"),
    description: t(
      "为管辖范围内的区域新建；未给出的值取模板自身的值。",
      "For a region in your scope; values not given are the preset's own.",
    ),
    example: { presetKey: "yangpu-community-secretary", schemeId: "yangpu-example", regionId: "310110" },
    answer: t("新草稿，形如 schemes.get。", "The new draft, as schemes.get."),
  },
  "schemes.create": {
    summary: t("由完整方案新建草稿", "A new draft from a whole scheme"),
    description: t(
      "方案按内核 Scheme 结构解码，有误时逐项指出字段。",
      "The scheme is decoded with the kernel's Scheme; a bad one names every field.",
    ),
    example: { scheme: exampleScheme },
    answer: t("新草稿，形如 schemes.get。", "The new draft, as schemes.get."),
  },
  "schemes.createVersion": {
    summary: t("复制已有版本为新草稿", "A new draft version copying a stored one"),
    description: t(
      "编号默认为 fromVersion + 1，自 effectiveFrom 起生效；随后用 updateDraft 修改、publish 发布。",
      "Numbered fromVersion + 1 unless given, taking effect on effectiveFrom; edit with updateDraft, then publish.",
    ),
    answer: t("新草稿，形如 schemes.get。", "The new draft, as schemes.get."),
  },
  "schemes.updateDraft": {
    summary: t("修改草稿", "Change a draft"),
    description: t(
      "须带读取时的 rowVersion（expectedRowVersion）；已被他人修改则 409 StaleVersion，不写入任何内容。",
      "Send the rowVersion you read as expectedRowVersion; if someone changed it since: 409 StaleVersion, nothing written.",
    ),
    example: {
      schemeId: "yangpu-example",
      version: 1,
      expectedRowVersion: 1,
      scheme: exampleScheme,
    },
    answer: t("修改后的草稿，形如 schemes.get。", "The changed draft, as schemes.get."),
  },
  "schemes.publish": {
    summary: t("发布草稿", "Publish a draft"),
    description: t(
      "已发布的版本不再改变；新版本编号须更高、生效日期须更晚（否则 409 VersionNotSuccessor）。",
      "A published version never changes; a new one needs a higher number and a later effective date (else 409 VersionNotSuccessor).",
    ),
    example: { schemeId: "yangpu-community-secretary", version: 2, expectedRowVersion: 1 },
    answer: t("已发布的版本，形如 schemes.get。", "The published version, as schemes.get."),
  },
  "profiles.list": {
    summary: t("管辖范围内的人员（脱敏）", "People within your scope (masked)"),
    description: t(
      "身份证号、手机号脱敏显示；按录入时间排序（order=desc 为最新在前），每页至多 200 条（limit，默认 50），以 nextCursor / cursor 翻页；可按所在区域、姓名（部分）筛选。",
      "ID numbers and phones masked; ordered by when the record was entered (order=desc for newest first), at most 200 a page (limit, default 50), paged by nextCursor / cursor; filter by region and part of the name.",
    ),
    example: { limit: 20 },
    answer: t(
      "{ items: 人员摘要（姓名、性别、出生日期、脱敏证件号与手机号、单位职务）, nextCursor, total, totalExact }：total 数到 10000 为止，超过时 totalExact 为 false（即“10000 条以上”）。",
      '{ items: person summaries (name, sex, birth date, masked ID number and phone, unit and position), nextCursor, total, totalExact }: total counts up to 10,000; past that totalExact is false ("more than 10,000").',
    ),
  },
  "profiles.get": {
    summary: t("一个人员（脱敏）", "One person (masked)"),
    example: { id: "demo-p-33" },
  },
  "profiles.conduct": {
    summary: t("工作人员及联审部门登记的记录", "What staff and joint-review departments recorded"),
    description: t(
      "某人员被登记的处分、立案审查、违法违纪记录，按日期先后；每条注明来源（staff 工作人员 / joint_review 联审部门）、部门、文号及登记人。",
      "The sanctions, investigations and violations recorded against a person, oldest first; each with its source (staff / joint_review), department, document and recorder.",
    ),
    example: { personId: "demo-p-33" },
  },
  "profiles.history": {
    summary: t("人员记录的各个版本", "The versions of a person record"),
    description: t(
      "每次录入、导入、本人申报或关联账号各为一版：何人、何时、来源（entered 录入 / imported 导入 / self_declared 本人申报）及改动的字段，最新在前。",
      "One version per entry, import, self-declaration or account link: who, when, the source (entered / imported / self_declared) and the fields changed, newest first.",
    ),
    example: { id: "demo-p-33" },
    answer: t("版本数组。", "An array of versions."),
  },
  "profiles.create": {
    summary: t("新建干部记录", "Create a cadre record"),
    description: t(
      "组织部门（或其对接系统）在管辖范围内录入一名干部；身份证号按 GB 11643 校验并与出生日期、性别核对。同一身份证号只有一条记录（已存在：409，仅在可见范围内说明）。每次写入都保存为一个版本并记入审计。",
      "The org dept (or its integrating system) enters a cadre within its scope; the ID number is checked per GB 11643 against birth date and sex. One record per ID number (already on record: 409, named only within your scope). Each write is kept as a version and audited.",
    ),
    example: {
      regionId: "310110",
      profile: exampleProfile,
    },
    answer: t("新建的记录（脱敏）及其版本号。", "The new record (masked) and its version."),
  },
  "profiles.update": {
    summary: t("修改干部记录", "Edit a cadre record"),
    description: t(
      "按读取时的 expectedVersion 修改（已被他人修改：409，不写入）；未给 unitId 时保留原单位；审计记录列出改动的字段。",
      "Edits at the expectedVersion you read (changed meanwhile: 409, nothing written); without unitId the unit stays; the audit row lists the fields changed.",
    ),
    example: {
      id: "demo-p-33",
      regionId: "310110",
      expectedVersion: 1,
      profile: { ...exampleProfile, education: [{ level: "master", fullTime: false }] },
    },
    answer: t("修改后的记录（脱敏）及新版本号。", "The record after the edit (masked) and its new version."),
  },
  "imports.submitRows": {
    summary: t("花名册导入：按批提交数据行", "Roster import: send rows in batches"),
    description: t(
      "以 JSON 提交花名册行（列与导入模板相同，每批至多 5000 行）；第一批不带 jobId 即新建导入任务，后续批次带上返回的 jobId。也可用 POST /api/v1/imports/roster 上传 .xlsx 或 .csv 文件。提交完后调用 imports.preview。",
      "Send roster rows as JSON (the template's columns, at most 5000 a batch); the first batch without jobId starts an import job, later batches carry the jobId it answered. A file (.xlsx or .csv) may instead be uploaded to POST /api/v1/imports/roster. Then call imports.preview.",
    ),
    example: {
      rows: [
        {
          name: "李文华",
          sex: "女",
          birthDate: "1988-05-12",
          idNumber: "110101198805120020",
          partyJoined: "2010-06-01",
          fullMemberSince: "2011-06-01",
          education: "大学本科",
          fullTime: "是",
          workStarted: "2010-07-01",
          unit: "杨浦区民政局",
          employment: "公务员",
        },
      ],
    },
    answer: t("导入任务：编号、状态、行数。", "The import job: id, status, row count."),
  },
  "imports.preview": {
    summary: t("花名册导入：校验预览", "Roster import: validate and preview"),
    description: t(
      "用内核规则校验每一行：新增、变更、无变化、有错误各几行；错误逐行列出（行号、列、值、原因，中英文），可用 imports.rows 分页读取，或下载 GET /api/v1/imports/{id}/errors.xlsx。",
      "Validates every row with the kernel's rules: how many are new, changed, unchanged and in error; errors by row (row, column, value, why, in both languages), paged with imports.rows or downloaded from GET /api/v1/imports/{id}/errors.xlsx.",
    ),
    example: { jobId: "job-example" },
  },
  "imports.rows": {
    summary: t("花名册导入：逐行结果", "Roster import: the rows and their errors"),
    example: { jobId: "job-example", onlyErrors: true, limit: 50 },
  },
  "imports.status": {
    summary: t("花名册导入：进度", "Roster import: progress"),
    description: t(
      "状态、已处理行数/总行数、每秒行数；提交后轮询至 done（或 failed、cancelled）。",
      "Status, rows done / total and rows per second; poll after committing until done (or failed, cancelled).",
    ),
    example: { jobId: "job-example" },
  },
  "imports.commit": {
    summary: t("花名册导入：提交", "Roster import: commit"),
    description: t(
      "all_or_nothing：有任何错误行则拒绝（409），什么也不写；valid_only：只导入正确的行。任务分批写入，每批一个事务并记入任务，中断后重启会从最后完成的批次继续。同一文件再次导入不改变任何记录。",
      "all_or_nothing: refused (409) while any row has an error, nothing written; valid_only: only the rows without errors. The job writes in batches, one transaction each, recorded in the job; after a crash the restarted API goes on from the last committed batch. Importing the same file again changes nothing.",
    ),
    example: { jobId: "job-example", mode: "all_or_nothing" },
  },
  "imports.cancel": {
    summary: t("花名册导入：取消", "Roster import: cancel"),
    description: t(
      "停止任务；已完成的批次保留（每批完整），其余不再写入。",
      "Stops the job; batches already committed stay (each whole), nothing more is written.",
    ),
    example: { jobId: "job-example" },
  },
  "imports.list": {
    summary: t("花名册导入任务", "Roster import jobs"),
    description: t(
      "本人（组织部门：管辖范围内）的导入任务，最新在前，分页。",
      "Your import jobs (an org dept: its scope's), newest first, paged.",
    ),
    example: { limit: 20 },
  },
  "eligibility.check": {
    summary: t("资格审查（带解释）", "Check eligibility, explained"),
    description: t(
      "personId（管辖范围内已存人员）与 profile（内联的完整干部信息，不保存）二者须给且只给一个。未给 version 时取 referenceDate 当日生效的已发布版本。返回内核的审查结论：每条规则一项，含所见值、要求、引用条款和中英文说明。",
      "Exactly one of personId (a stored person in your scope) or profile (a whole kernel profile sent inline, nothing stored). Without version: the published version in force on referenceDate. Answers the kernel's Verdict: one finding per rule with the value seen, what was expected, the clause and a message in both languages.",
    ),
    example: { schemeId: "yangpu-community-secretary", personId: "demo-p-33", referenceDate: "2026-06-30" },
    output: Eligibility.Verdict as unknown as Schema.Schema<unknown, unknown, never>,
  },
  "campaigns.list": {
    summary: t("选派批次，分页", "Campaigns, one page at a time"),
    description: t(
      "按创建时间排序，最新在前（order=asc 为最早在前），每页至多 200 条（limit，默认 50），以 nextCursor / cursor 翻页；可按状态（status）、方案（schemeId）、区域及其下级（withinRegionId，须在管辖范围内）、批次名称（部分，name）筛选。",
      "Ordered by creation, newest first (order=asc for oldest first), at most 200 a page (limit, default 50), paged by nextCursor / cursor; filter by status, scheme (schemeId), a region in your scope and everything beneath it (withinRegionId), part of the name (name).",
    ),
    example: {},
    answer: t(
      "{ items: 批次, nextCursor, total: 符合条件的总数 }。",
      "{ items: campaigns, nextCursor, total: how many pass the filter }.",
    ),
  },
  "campaigns.get": {
    summary: t("一个批次（含流程与各状态人数）", "One campaign, with its path and counts by state"),
    example: { id: "demo-yangpu-2026" },
  },
  "campaigns.schedule": {
    summary: t("批次时间表", "The campaign's timetable"),
    description: t(
      "方案各阶段在本年度的截止日期、调整及逾期情况。",
      "The scheme's stage deadlines in the campaign's year, their adjustments, what is overdue.",
    ),
    example: { id: "demo-yangpu-2026" },
  },
  "campaigns.poolCheck": {
    summary: t("后备人选结构检查", "Reserve-pool check"),
    description: t(
      "后备库批次（001）：各社区人选对照名额、职位、年龄上限及年龄结构，附条款。",
      "Reserve-pool campaigns (001): each community's nominees against the pool rules and age structure, with the clause.",
    ),
    example: { id: "demo-yangpu-2026" },
  },
  "campaigns.ranking": {
    summary: t("面试成绩排名与入围线", "Interview ranking and shortlist cut"),
    example: { id: "demo-yangpu-2026", method: { _tag: "Mean" } },
  },
  "campaigns.whatIf": {
    summary: t("假设审查", "What-if screening"),
    description: t(
      "按另一版本（如草稿）重新审查该批次的报名，列出结论会变的人及原因；不写入任何内容。",
      "Screen the campaign's applications against another version (e.g. a draft) and list who would change verdict and why. Nothing is written.",
    ),
    example: { id: "demo-yangpu-2026", schemeId: "yangpu-community-secretary", version: 1 },
  },
  "applications.list": {
    summary: t("批次的报名（推荐）记录，分页", "A campaign's applications, one page at a time"),
    description: t(
      "按提交时间排序（order=desc 为最新在前），每页至多 200 条（limit，默认 50）；继续翻页时把上一页的 nextCursor 原样作为 cursor 传回，nextCursor 为 null 即最后一页。翻页期间新增的记录不会重复或挤掉未读的记录。",
      "Ordered by submission (order=desc for newest first), at most 200 a page (limit, default 50); to go on, send the previous page's nextCursor back as cursor — null means the last page. Rows added while paging neither repeat nor push out rows not yet read.",
    ),
    answer: t(
      "{ items: 报名记录（脱敏）, nextCursor, total: 符合条件的总数 }。",
      "{ items: applications (masked), nextCursor, total: how many pass the filter }.",
    ),
  },
  "applications.get": {
    summary: t("一条报名（推荐）记录", "One application"),
    example: { id: "demo-application-1" },
  },
  "applications.act": {
    summary: t("对报名记录采取一步操作", "Make a move on an application"),
    description: t(
      "Advance、Record、Return、Reject、Decide 等。每一步另需其权限（审核 application.review、决定 application.decide），系统对接账号不具备这些权限，调用将得到 403。后备干部选拔批次中的同意决定须符合队伍结构（所在社区人数与类别、本人年龄上限、全街道年龄结构），“一般/原则上”规定须在 Decide 的 poolWaivers 中记录放宽（理由、批准人、日期、对象），否则 409 PoolRefused。",
      "Advance, Record, Return, Reject, Decide …; each move needs its own permission (review moves application.review, decisions application.decide), which integrator accounts do not hold: they are answered 403. In a reserve-pool campaign an approval must keep the pool's composition (the community's count and roles, the nominee's age cap, the street's age structure); a \"generally / in principle\" rule is set aside only by a waiver in the Decide move's poolWaivers (reason, approver, date, subject), else 409 PoolRefused.",
    ),
    example: {
      applicationId: "demo-application-1",
      expectedVersion: 1,
      move: { _tag: "Advance", from: "screened", to: "interview" },
    },
  },
  "exports.roster": {
    summary: t("花名册（.xlsx）", "The roster (.xlsx)"),
    description: t("每条可见的报名一行，手机号脱敏。", "One row per application you see, phones masked."),
    answer: FILE,
  },
  "exports.arrangement": {
    summary: t("安排表（.xlsx）", "The arrangement table (.xlsx)"),
    description: t("已任命、已到岗干部及其岗位。", "The appointed and reported-in cadres with their posts."),
    answer: FILE,
  },
  "exports.start": {
    summary: t("开始导出花名册或安排表", "Start a roster or arrangement export"),
    description: t(
      "不超过 5000 行：job 为 null，url 为流式下载地址（GET，同一登录或令牌）；超过则在后台作为导出任务运行，job 给出进度，用 exports.job 轮询，完成后从 job.url 下载（保留一天）。",
      "At most 5,000 rows: job is null and url is the streamed download (GET, the same session or token); over that the export runs in the background as a job: poll exports.job, then download from job.url (kept for a day).",
    ),
    example: { campaignId: "demo-daan-2026", kind: "roster" },
  },
  "exports.job": {
    summary: t("导出任务进度", "Export job progress"),
    description: t(
      "状态、已写行数/总行数、每秒行数；done 后 url 为下载地址。",
      "Status, rows done / total and rows per second; once done, url is the download.",
    ),
    example: { jobId: "exp-example" },
  },
  "exports.cancel": {
    summary: t("取消导出任务", "Cancel an export job"),
    description: t("停止任务并删除已写部分。", "Stops the job and deletes what it wrote."),
    example: { jobId: "exp-example" },
  },
  "tasks.forCampaign": {
    summary: t("批次的审核任务", "A campaign's review tasks"),
    answer: t("任务数组。", "An array of tasks."),
  },
  "calendar.years": {
    summary: t("工作日历覆盖的年份", "Years the working-day calendar covers"),
    answer: t("年份数组及每年的来源。", "The years and where each came from."),
  },
  "calendar.year": {
    summary: t("一年的国家节假日与调休安排", "One year's national holidays and make-up working days"),
  },
  "calendar.addWorkingDays": {
    summary: t("N 个工作日后的日期", "The date N working days on"),
    description: t(
      "从起始日起计 N 个工作日的最后一天（如公示期），按 regionId 所在区域（缺省为调用者的区域）的日历：国家日历加该区域及其上级的本地调整；日历缺该年时 412 CalendarYearUnknown。",
      "The last day of a period of N working days from a start date (e.g. a public notice), on the calendar of regionId (default: the caller's region): the national calendar with the local adjustments of that region and those above it; 412 CalendarYearUnknown when the calendar lacks the year.",
    ),
  },
  "calendar.local": {
    summary: t("区域适用的本地工作日调整", "The local working-day adjustments that apply in a region"),
    answer: t(
      "该区域及其上级区域录入的本地放假与调休，按年份。",
      "The local days off and make-up working days entered for the region and the regions above it, by year.",
    ),
  },
  "placements.list": {
    summary: t("管辖范围内的任职安排，分页", "Placements within your scope, one page at a time"),
    description: t(
      "按任职日期排序，每页至多 200 条（limit，默认 50），以 nextCursor / cursor 翻页。",
      "Ordered by placement date, at most 200 a page (limit, default 50), paged by nextCursor / cursor.",
    ),
    example: {},
    answer: t(
      "{ items: 任职安排, nextCursor, total, states: 各状态人数 }。",
      "{ items: placements, nextCursor, total, states: how many in each state }.",
    ),
  },
  "placements.get": {
    summary: t("一项任职安排", "One placement"),
    example: { id: "demo-pl-yp-in-term" },
  },
  "placements.consequences": { summary: t("对个人的后果", "Consequences on a person") },
  "placements.replacements": {
    summary: t("召回后的重新选派请求", "Replacement requests opened by recalls"),
    example: {},
  },
  "archive.get": {
    summary: t("个人档案", "A person's archive"),
    description: t("任职结束后封存（只读）。", "Sealed (read-only) once the placement ended."),
  },
  "reports.overdue": {
    summary: t("逾期未交的报告", "Reports due and not filed"),
    description: t(
      "按应交日期排序（逾期最久者在前），分页返回；placementIds 只查这些任职安排。",
      "Earliest due first (most overdue), a page at a time; placementIds narrows it to those placements.",
    ),
    example: {},
  },
  "reports.received": {
    summary: t("已收到的报告", "Reports filed"),
    description: t(
      "辖区内已报送的报告，最新在前，分页返回。",
      "Reports filed in scope, newest first, a page at a time.",
    ),
    example: {},
  },
  "leave.absences": { summary: t("擅自离岗记录", "Recorded absences without leave") },
  "inspections.list": { summary: t("巡查、查岗记录", "Inspection records") },
  "mentoring.list": { summary: t("结对帮带", "Mentoring pairs"), example: {} },
  "mentoring.load": {
    summary: t("导师年度帮带人数与上限", "A mentor's mentees in a year against the capacity"),
  },
  "training.check": {
    summary: t("年度培训是否达标", "A person's training in a year against the scheme's minimums"),
  },
  "assessments.list": { summary: t("年度考核", "Annual assessments of a placement") },
  "assessments.surveys": { summary: t("满意度测评", "Satisfaction surveys of a placement") },
  "evaluations.list": {
    summary: t("评分与评价", "A placement's scores and evaluations"),
  },
  "figures.coverage": {
    summary: t("村（社区）覆盖情况", "Coverage of villages and communities"),
    example: {},
  },
  "figures.cohort": { summary: t("在岗干部结构", "The cohort's profile"), example: {} },
  "figures.quotaUse": { summary: t("考核等次名额使用", "Quota use per scheme and year") },
  "figures.overdue": { summary: t("各区域逾期报告数", "Overdue reports per region"), example: {} },
  "figures.termsEnding": {
    summary: t("即将期满的任期", "Terms ending soon"),
    description: t(
      "最后一天在今后 days 天（默认 90）内的任期，含两端。",
      "Terms whose last day falls within the next `days` (default 90), both ends included.",
    ),
    example: {},
  },
}
