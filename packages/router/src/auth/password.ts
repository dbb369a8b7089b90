import type { Text } from "@cadre/domain"
import { hash, verify } from "@node-rs/argon2"

/**
 * The password policy and the hash. One policy for every account: at least 10 characters (at most 128), with a
 * letter and a digit, not containing the account's e-mail name or phone number, and not one of a few passwords
 * people reach for first. The message lists every rule broken, in Chinese and English.
 */

export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 128

/** The whole policy in one sentence, for forms and docs. */
export const PASSWORD_POLICY: Text = {
  zh: `密码须为 ${PASSWORD_MIN}–${PASSWORD_MAX} 个字符，同时包含字母和数字，不得包含账号（邮箱名或手机号），不得使用常见弱密码`,
  en: `A password must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters long, contain a letter and a digit, not contain the account name (e-mail name or phone number) and not be a common password`,
}

const COMMON = new Set([
  "password123",
  "password1234",
  "qwerty123456",
  "1234567890a",
  "a1234567890",
  "abc1234567",
  "abcd123456",
  "admin12345",
  "admin123456",
  "woaini1314",
  "iloveyou123",
  "qwertyuiop1",
  "1qaz2wsx3edc",
])

/** Every rule the password breaks; empty when it is acceptable. `identifiers`: e-mail and/or phone. */
export const passwordProblems = (
  password: string,
  identifiers: ReadonlyArray<string>,
): ReadonlyArray<Text> => {
  const problems: Array<Text> = []
  const length = [...password].length
  if (length < PASSWORD_MIN)
    problems.push({ zh: `至少 ${PASSWORD_MIN} 个字符`, en: `at least ${PASSWORD_MIN} characters` })
  if (length > PASSWORD_MAX)
    problems.push({ zh: `不超过 ${PASSWORD_MAX} 个字符`, en: `at most ${PASSWORD_MAX} characters` })
  if (!/\p{L}/u.test(password)) problems.push({ zh: "须包含字母", en: "must contain a letter" })
  if (!/\p{Nd}/u.test(password)) problems.push({ zh: "须包含数字", en: "must contain a digit" })
  const lower = password.toLowerCase()
  const names = identifiers
    .map((id) => id.trim().toLowerCase().split("@")[0] ?? "")
    .filter((name) => name.length >= 4)
  if (names.some((name) => lower.includes(name)))
    problems.push({ zh: "不得包含账号（邮箱名或手机号）", en: "must not contain the account name" })
  if (COMMON.has(lower)) problems.push({ zh: "不得使用常见弱密码", en: "must not be a common password" })
  return problems
}

// argon2id (the library's default) with OWASP's second recommended setting: 19 MiB, 2 iterations, 1 lane.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** Hash a password with argon2id (PHC string: algorithm, parameters and salt travel with the hash). */
export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2)

/** Check a password against a stored PHC hash; false (never a throw) for a malformed hash. */
export const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}
