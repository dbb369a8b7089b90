/**
 * @cadre/db — storage: drizzle tables (pg dialect), migrations, `makeDatabase` (PGlite or PostgreSQL), the Effect
 * storage primitives (storage.ts), query modules per table group (`*Queries`) and demo data.
 */
export { type BackupResult, backupPglite, type RestoreResult, restorePglite } from "./backup.js"
export { type AuditChainBreak, type AuditChainReport, verifyAuditChain } from "./auditChain.js"
export {
  IDEMPOTENCY_TTL_MS,
  type IdempotencyClaim,
  type IdempotencyOptions,
  type IdempotencyStore,
  makeIdempotencyStore,
} from "./idempotency.js"
export {
  Database,
  type DatabaseConfig,
  type DatabaseHandle,
  type Db,
  type DbSchema,
  DEFAULT_DATA_DIR,
  fromPglite,
  fromPool,
  MIGRATIONS_FOLDER,
  makeDatabase,
  type Tx,
} from "./database.js"
export {
  DEMO_ACCOUNTS,
  DEMO_ANQIU_CANDIDATES,
  DEMO_D003_PEOPLE,
  DEMO_GUIZHOU_CANDIDATES,
  DEMO_HUAISHANG_CADRES,
  DEMO_PEOPLE_COUNT,
  DEMO_REGIONS,
  type DemoAccount,
  demoIdNumber,
  demoPeople,
  type DemoLoadResult,
  linkDemoAccount,
  loadDemoBase,
} from "./demo.js"
export {
  Conflict,
  CorruptRow,
  conflict,
  DatabaseError,
  InvalidInput,
  NotFound,
  notFound,
  StaleVersion,
  staleVersion,
} from "./errors.js"
export {
  anyOf,
  type CommandContext,
  decodeInput,
  decodeInputEither,
  decodeRow,
  escapeLike,
  seesRegionSql,
  within,
} from "./internal.js"
export {
  type AuditContext,
  checkVersion,
  conflictOf,
  corrupt,
  type Handle,
  one,
  q,
  transaction,
  writeAudit,
  writeAuditMany,
} from "./storage.js"
export * as schema from "./schema/index.js"
export {
  absences,
  account,
  accountRoles,
  apiTokens,
  applications,
  archiveEntries,
  archives,
  assessments,
  auditChainHead,
  auditLog,
  authSchema,
  calendarLocalYears,
  idempotencyKeys,
  importJobs,
  exportJobs,
  exportChunks,
  importRows,
  calendarYears,
  campaigns,
  evaluations,
  inspections,
  leaveRequests,
  loginAttempts,
  mentoringPairs,
  people,
  conductRecords,
  personVersions,
  personConsequences,
  placements,
  poolReviews,
  posts,
  quotaGroups,
  rateLimits,
  regions,
  replacementRequests,
  reportObligations,
  reportSubmissions,
  reserveMembers,
  reviewTasks,
  schemes,
  session,
  surveys,
  trainingRecords,
  units,
  user,
  verification,
} from "./schema/index.js"
export {
  makeSeededTestDatabase,
  makeTestDatabase,
  migrateIntoSchema,
  prepareTestSeed,
  type TestSeed,
  testDatabaseUrl,
} from "./testing.js"
export * as auditQueries from "./queries/audit.js"
export type { AuditEntry, AuditPage, AuditQuery } from "./queries/audit.js"
export * as conductQueries from "./queries/conduct.js"
export * as draftQueries from "./queries/drafts.js"
export type { ConductRow } from "./queries/conduct.js"
export * as peopleQueries from "./queries/people.js"
export * as placementQueries from "./queries/placements.js"
export * as archiveQueries from "./queries/archives.js"
export {
  type MaskedPerson,
  type MaskedRow,
  maskedColumns,
  type PersonLine,
  type PersonListFilter,
  type PersonRecord,
  type PersonVersionRow,
  StoredProfile,
  toMasked,
  toRecord,
  WHOLE_PROFILE_ROLES,
} from "./queries/people.js"
export * as postQueries from "./queries/posts.js"
export { Post, type PostFilter, type PostLine, type PostRecord, PostStatus } from "./queries/posts.js"
export * as regionQueries from "./queries/regions.js"
export type { RegionRecord } from "./queries/regions.js"
export * as schemeQueries from "./queries/schemes.js"
export type { SchemeFilter, SchemeRecord, SchemeSummary } from "./queries/schemes.js"
export * as unitQueries from "./queries/units.js"
export type { UnitFilter, UnitRecord } from "./queries/units.js"
export * as assessmentQueries from "./queries/assessments.js"
export * as quotaQueries from "./queries/quotas.js"
export * as surveyQueries from "./queries/surveys.js"
export * as poolQueries from "./queries/pools.js"
export * as evaluationQueries from "./queries/evaluations.js"
export * as reserveQueries from "./queries/reserves.js"
export type { EvaluationKind, EvaluationRecordRow } from "./queries/evaluations.js"
export type { PoolReviewRecord } from "./queries/pools.js"
export { type ReserveMemberRecord, ReserveSource } from "./queries/reserves.js"
export type { SurveyResult } from "./queries/surveys.js"
export * as campaignQueries from "./queries/campaigns.js"
export * as applicationQueries from "./queries/applications.js"
export * as exportQueries from "./queries/exportRows.js"
export * as taskQueries from "./queries/tasks.js"
export type { CampaignRecord, PostInfo } from "./queries/campaigns.js"
export type { ApplicationFilter, ApplicationRecord } from "./queries/applications.js"
export {
  type CappedCount,
  type Countable,
  COUNT_CAP,
  cappedCount,
  type Page,
  type PageKey,
  type PageRequest,
} from "./queries/keyset.js"
export type { ExportRow } from "./queries/exportRows.js"
export type { AssigneeFilter, StoredAssignee, StoredTask } from "./queries/tasks.js"
export * as recallQueries from "./queries/recalls.js"
export * as dutyQueries from "./queries/duties.js"
export * as figuresQueries from "./queries/figures.js"
export type { ConsequenceRecord, ReplacementRecord } from "./queries/recalls.js"
export type {
  LeaveFilter,
  LeaveListRecord,
  LeaveRecord,
  PairRecord,
  SubmissionListRecord,
} from "./queries/duties.js"
export * as accountQueries from "./queries/accounts.js"
export type { AccountFilter, AccountScope, AccountSummary, NewRole, NewToken } from "./queries/accounts.js"
