/** What remains of the repositories: AccountRepo, which the auth service uses with better-auth's own tables. */
export * from "./AccountRepo.js"
