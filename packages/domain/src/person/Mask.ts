/**
 * Display masks for personal data (lists, exports, logs). Masking is for display only; access to the full
 * value is an API permission question, not something the mask decides.
 *
 * @since 0.1.0
 */

export { maskIdNumber } from "./IdNumber.js"

/**
 * Mask a mobile number keeping the first 3 and last 4 digits: "13812341234" → "138****1234".
 *
 * @category utils
 * @since 0.1.0
 */
export const maskPhone = (phone: string): string =>
  phone.length <= 7
    ? "*".repeat(phone.length)
    : `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}`
