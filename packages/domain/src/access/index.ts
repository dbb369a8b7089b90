/**
 * Access (权限): roles, scopes, the permission matrix and the scope checks the API asks before it acts.
 *
 * @since 0.1.0
 */

export * from "./Access.js"
