import { type MatchExtended, ZxcvbnFactory } from "@zxcvbn-ts/core"
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common"

/**
 * @cadre/password — the one password policy of the platform, shared by the API (which enforces it) and the SPAs
 * (which may show it while the user types). Pure: no Node built-ins, no I/O.
 *
 * The password is first normalised (NFKC: full-width "ｐａｓｓｗｏｒｄ１２３" is "password123"), then checked:
 * no control characters (NUL…) or lone surrogates; 10–128 characters; a letter, and a digit unless it is a
 * passphrase of at least 16 characters; at least 5 different characters; not containing the account name; and
 * not guessable by the zxcvbn-ts strength estimator (score ≥ 3 of 4: no repeated, sequential or keyboard
 * patterns, no common password, dictionary word or date alone). Every rule broken is listed, in Chinese and English.
 */

/** A message in both languages (zh-CN first), the shape of @cadre/domain's Text. */
export interface Text {
  readonly zh: string
  readonly en: string
}

export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 128
/** From this length on, a password is a passphrase and needs no digit. */
export const PASSPHRASE_MIN = 16
/** The zxcvbn-ts score (0–4) a password must reach. */
export const MIN_SCORE = 3
const MIN_DISTINCT = 5

/** The whole policy in one sentence, for forms and docs. */
export const PASSWORD_POLICY: Text = {
  zh: `密码须为 ${PASSWORD_MIN}–${PASSWORD_MAX} 个字符，同时包含字母和数字（${PASSPHRASE_MIN} 个字符以上的口令短语可不含数字），不得包含控制字符，不得包含账号（邮箱名或手机号），不得使用重复、连续或键盘排列的字符，不得使用常见弱密码（全角字符按半角计）`,
  en: `A password must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters long and contain a letter and a digit (a passphrase of ${PASSPHRASE_MIN} or more characters needs no digit); no control characters, not the account name (e-mail name or phone number), no repeated, sequential or keyboard patterns and not a common password (full-width characters count as their ASCII forms)`,
}

/** Passwords Chinese users reach for first; the common list (mostly English) lacks them. */
const PINYIN_COMMON = [
  "woaini",
  "woaini1314",
  "woaini520",
  "5201314",
  "1314520",
  "woaiwojia",
  "wodemima",
  "mima",
  "mimamima",
  "nihao",
  "nihaoma",
  "zhongguo",
  "zhonghua",
  "beijing",
  "shanghai",
  "aini1314",
  "iloveyou",
  "qq123456",
  "wangyi",
  "baidu",
  "taobao",
  "weixin",
  "zhangwei",
  "wangfang",
  "liuyang",
  "abc123",
  "admin",
  "administrator",
  "ganbu",
  "zuzhibu",
  "dangyuan",
  "gongzuo",
  "xuanpai",
  "cadre",
]

let estimator: ZxcvbnFactory | undefined
// Built on first use: the dictionaries take a few milliseconds to index.
const zxcvbn = (): ZxcvbnFactory => {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...dictionary, "pinyin-common": PINYIN_COMMON },
    graphs: adjacencyGraphs,
  })
  return estimator
}

const CONTROL = /[\p{Cc}\u2028\u2029]/u
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** NFKC: full-width and other compatibility forms become their plain forms ("ｐａｓｓ１" → "pass1"). */
export const normalizePassword = (password: string): string =>
  LONE_SURROGATE.test(password) ? password : password.normalize("NFKC")

const DATE: Text = { zh: "不得只用日期或年份", en: "must not be just a date or year" }
const PATTERN: Readonly<Record<string, Text>> = {
  repeat: {
    zh: "不得使用重复的字符或片段（如 aaaa、abcabc）",
    en: "no repeated characters or chunks (aaaa, abcabc)",
  },
  sequence: { zh: "不得使用连续的字符（如 abcd、1234）", en: "no sequences (abcd, 1234)" },
  spatial: { zh: "不得使用键盘排列（如 qwerty、1qaz2wsx）", en: "no keyboard patterns (qwerty, 1qaz2wsx)" },
  dictionary: { zh: "不得使用常见弱密码", en: "must not be a common password" },
  date: DATE,
  regex: DATE,
}
const GUESSABLE: Text = {
  zh: "太容易被猜到，请使用更长或更少见的组合",
  en: "too easy to guess: use a longer or less common combination",
}

/**
 * Every rule the password breaks; empty when it is acceptable. `identifiers`: the account's e-mail and/or phone
 * (their names must not appear in the password).
 */
export const passwordProblems = (
  password: string,
  identifiers: ReadonlyArray<string> = [],
): ReadonlyArray<Text> => {
  const problems: Array<Text> = []
  if (CONTROL.test(password) || LONE_SURROGATE.test(password)) {
    problems.push({
      zh: "不得包含控制字符（如 NUL、换行）或无效字符",
      en: "no control characters (NUL, line breaks) or invalid characters",
    })
    return problems
  }
  const normal = normalizePassword(password)
  const chars = [...normal]
  if (chars.length < PASSWORD_MIN)
    problems.push({ zh: `至少 ${PASSWORD_MIN} 个字符`, en: `at least ${PASSWORD_MIN} characters` })
  if (chars.length > PASSWORD_MAX) {
    problems.push({ zh: `不超过 ${PASSWORD_MAX} 个字符`, en: `at most ${PASSWORD_MAX} characters` })
    return problems
  }
  if (!/\p{L}/u.test(normal)) problems.push({ zh: "须包含字母", en: "must contain a letter" })
  if (!/\p{Nd}/u.test(normal) && chars.length < PASSPHRASE_MIN)
    problems.push({ zh: "须包含数字", en: "must contain a digit" })
  const lower = normal.toLowerCase()
  if (chars.length >= PASSWORD_MIN && new Set(lower.replace(/\s/gu, "")).size < MIN_DISTINCT)
    problems.push({
      zh: `至少使用 ${MIN_DISTINCT} 个不同的字符（空格不计）`,
      en: `at least ${MIN_DISTINCT} different characters (spaces do not count)`,
    })
  const names = identifiers
    .map((id) => normalizePassword(id).trim().toLowerCase().split("@")[0] ?? "")
    .filter((name) => name.length >= 4)
  if (names.some((name) => lower.includes(name)))
    problems.push({ zh: "不得包含账号（邮箱名或手机号）", en: "must not contain the account name" })
  if (problems.length > 0) return problems
  const result = zxcvbn().check(normal, names)
  if (result.score < MIN_SCORE) {
    const seen = new Set<Text>()
    for (const m of result.sequence as ReadonlyArray<MatchExtended>) {
      const text = PATTERN[m.pattern]
      if (text !== undefined && !seen.has(text)) {
        seen.add(text)
        problems.push(text)
      }
    }
    if (problems.length === 0) problems.push(GUESSABLE)
  }
  return problems
}
