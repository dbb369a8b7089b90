/**
 * @cadre/ui — shared React pieces for the admin and portal SPAs: i18n (zh-CN default, en), the antd theme and
 * locale, the API status badge, formatting/masking of dates, ID numbers and phones, the typed API client for the
 * pages, and failed calls explained (`Problem`, `ProblemAlert`).
 */
export { type Messages, commonEn, commonZhCN } from "./i18n/common.js"
export {
  type AppResources,
  type CreateI18nOptions,
  createI18n,
  type MessageTree,
  rememberedLanguage,
} from "./i18n/create-i18n.js"
export { useLanguage } from "./i18n/use-language.js"
export { LanguageSwitch, type LanguageSwitchProps } from "./i18n/language-switch.js"
export {
  defaultLanguage,
  type Language,
  languageStorageKey,
  languages,
  toLanguage,
} from "./i18n/languages.js"
export { chinaDate, formatDate, formatDateTime } from "./format/date.js"
export { maskIdNumber, maskPhone } from "./format/mask.js"
export { ServiceStatus } from "./health/service-status.js"
export {
  checkServiceHealth,
  type ServiceHealth,
  type UseServiceHealthOptions,
  useServiceHealth,
} from "./health/use-service-health.js"
export { cadreTheme } from "./theme/theme.js"
export { UiBaseProvider, UiProvider, type UiProviderProps, useReducedMotion } from "./theme/ui-provider.js"
export { NotFoundPage, type RouteTable, resolveRoute } from "./routing/routes.js"
export { ApiProvider, type ApiProviderProps, apiUrl, makeClient, useApi } from "./api/api-provider.js"
export {
  type ApiProblem,
  type Bilingual,
  type FieldIssue,
  type FieldOf,
  fieldIssues,
  isInternal,
  isStale,
  isUnauthenticated,
  langOf,
  type Problem,
  pick,
  problemOf,
  problemTag,
  problemText,
  stripField,
  type UnplacedIssue,
  unplacedIssues,
} from "./problem/problem.js"
export {
  ProblemAlert,
  type ProblemAlertIssue,
  type ProblemAlertProps,
  useProblemText,
} from "./problem/problem-alert.js"
export { passwordPolicyRule } from "./password/password-rule.js"
export { type EncodedFile, fileBlob, saveBlob, saveFile } from "./files/download.js"
