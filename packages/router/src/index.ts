/**
 * @cadre/router — the API's tRPC routers. Procedures decode input with kernel Schemas (as Standard Schema),
 * resolve the caller and require a declared permission (trpc.ts), run domain + db Effects and map every tagged
 * error to a tRPC code and a message in the caller's language (errors.ts).
 */
export { PASSWORD_POLICY, passwordProblems } from "./auth/password.js"
export { logPhoneCodeSender, type PhoneCodeSender } from "./auth/phone.js"
export {
  type AuthOptions,
  type AuthService,
  COOKIE_PREFIX,
  makeAuthService,
  type NewAccount,
} from "./auth/service.js"
export { hashToken, newToken } from "./auth/tokens.js"
export {
  type Context,
  clientIpOf,
  createContext,
  type RouterDeps,
  type RouterLogger,
  type Services,
} from "./context.js"
export { describeFailure, type Failure, INTERNAL } from "./errors.js"
export { todayOf } from "./today.js"
export { exportJobUrl, exportUrl } from "./routers/exports.js"
export { input } from "./input.js"
export { langFromHeaders } from "./lang.js"
export { DESCRIPTIONS } from "./openapi/descriptions.js"
export {
  type EdgeTag,
  ErrorBody,
  exampleOf,
  failureStatuses,
  INTEGRATOR_SIGNED_IN,
  integratorOperations,
  openApiDocument,
  operationAt,
  queryInput,
  REST_PREFIX,
  type RestOperation,
} from "./openapi/document.js"
export {
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  IDEMPOTENCY_TTL_HOURS,
} from "./openapi/idempotency.js"
export { callRest, type RestAnswer } from "./openapi/rest.js"
export { type AppRouter, appRouter, type RouterInputs, type RouterOutputs } from "./root.js"
export {
  assertDeclared,
  createCallerFactory,
  type Declaration,
  type ErrorData,
  UndeclaredProcedure,
} from "./trpc.js"
