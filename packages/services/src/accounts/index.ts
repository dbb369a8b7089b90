/** Accounts: roles and scopes bound to better-auth's users, integrators' API tokens, the accounts an admin manages. */
export type { AccountFilter, AccountScope, AccountSummary, NewRole } from "@cadre/db"
export { type AccountPage, AccountService, type NewScope, type TokenToIssue } from "./AccountService.js"
