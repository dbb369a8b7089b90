/**
 * Masking for lists and screens where the full value is not needed (personal information is shown only to the
 * people who handle it). Both keep the string's length so columns still line up.
 */

const maskMiddle = (value: string, keepStart: number, keepEnd: number): string => {
  if (value.length <= keepStart + keepEnd) return "*".repeat(value.length)
  return value.slice(0, keepStart) + "*".repeat(value.length - keepStart - keepEnd) + value.slice(-keepEnd)
}

/**
 * Masks a resident ID number (居民身份证号码, 18 characters, or the old 15-digit form): keeps the first 3 and
 * last 4 characters, hiding the birth date and most of the region code: `110***********123X`.
 * Anything shorter than 8 characters is masked completely. Surrounding spaces are dropped and `x` is upper-cased.
 */
export const maskIdNumber = (idNumber: string): string => {
  const value = idNumber.trim().toUpperCase()
  if (value.length < 8) return "*".repeat(value.length)
  return maskMiddle(value, 3, 4)
}

/**
 * Masks a phone number keeping the first 3 and last 4 digits: `138****5678`. Separators and a `+86` prefix are
 * kept as written; only digits are counted and hidden. Fewer than 7 digits are masked completely.
 */
export const maskPhone = (phone: string): string => {
  const value = phone.trim()
  const prefix = /^\+\d{1,3}[\s-]?/.exec(value)?.[0] ?? ""
  const rest = value.slice(prefix.length)
  const digitCount = rest.replace(/\D/g, "").length
  const hideAll = digitCount < 7
  let seen = 0
  let masked = ""
  for (const ch of rest) {
    if (!/\d/.test(ch)) {
      masked += ch
      continue
    }
    const keep = !hideAll && (seen < 3 || seen >= digitCount - 4)
    masked += keep ? ch : "*"
    seen++
  }
  return prefix + masked
}
