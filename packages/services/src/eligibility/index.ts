/** 资格比对 outside a campaign: a person or an inline profile against a scheme version. */
export { type EligibilityQuestion, EligibilityService } from "./EligibilityService.js"
