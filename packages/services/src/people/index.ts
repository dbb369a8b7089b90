/** People (干部信息): profiles masked for lists, whole for their owner and for audited whole reads. */
export type { MaskedPerson, PersonFilter, PersonRecord } from "@cadre/db"
export { type OwnProfileInput, PersonService } from "./PersonService.js"
