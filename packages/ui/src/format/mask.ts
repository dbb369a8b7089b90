/**
 * Masking for lists and screens where the full value is not needed. The rule lives in the kernel so that the
 * API (which masks before data leaves the server) and the SPAs show the same thing: ID numbers keep the first 6
 * and last 4 characters (`110105********002X`), phones the first 3 and last 4 digits (`138****1234`).
 */
export { maskIdNumber, maskPhone } from "@cadre/domain/person"
