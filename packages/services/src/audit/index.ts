/** The audit log, read within the caller's scope. */
export type { AuditEntry, AuditQuery } from "@cadre/db"
export { AuditService } from "./AuditService.js"
