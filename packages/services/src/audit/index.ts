/** The audit log, read within the caller's scope. */
export type { AuditEntry, AuditPage, AuditQuery } from "@cadre/db"
export { AuditService } from "./AuditService.js"
