/**
 * @cadre/db — storage: drizzle tables (pg dialect), migrations, `makeDatabase` (PGlite or PostgreSQL), repository
 * services (Effect Context.Tag + Live Layers over the Database service) and demo data.
 */
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
  DEMO_PEOPLE_COUNT,
  DEMO_REGIONS,
  type DemoAccount,
  demoIdNumber,
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
} from "./storage.js"
export * from "./repos/index.js"
export * as schema from "./schema/index.js"
export {
  absences,
  account,
  accountRoles,
  apiTokens,
  applications,
  archives,
  assessments,
  auditLog,
  authSchema,
  calendarYears,
  campaigns,
  evaluations,
  inspections,
  leaveRequests,
  loginAttempts,
  mentoringPairs,
  people,
  personConsequences,
  placements,
  poolReviews,
  posts,
  quotaGroups,
  regions,
  replacementRequests,
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
export { makeTestDatabase, migrateIntoSchema, testDatabaseUrl } from "./testing.js"
export * as peopleQueries from "./queries/people.js"
export * as placementQueries from "./queries/placements.js"
export * as archiveQueries from "./queries/archives.js"
export * as recallQueries from "./queries/recalls.js"
export * as dutyQueries from "./queries/duties.js"
export * as figuresQueries from "./queries/figures.js"
export type { ConsequenceRecord, ReplacementRecord } from "./queries/recalls.js"
export type { LeaveRecord, PairRecord } from "./queries/duties.js"
