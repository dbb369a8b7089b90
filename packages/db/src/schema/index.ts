/** Every table, one object: drizzle's `schema` option and drizzle-kit read it. */
export * from "./accounts.js"
export * from "./audit.js"
export * from "./auth.js"
export * from "./campaigns.js"
export * from "./people.js"
export * from "./regions.js"
export * from "./schemes.js"
export * from "./inpost.js"
