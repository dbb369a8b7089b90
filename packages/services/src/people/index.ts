/** People (干部信息): profiles masked for lists, whole for their owner and for audited whole reads. */
export type {
  ConductRow,
  MaskedPerson,
  PersonLine,
  PersonListFilter,
  PersonRecord,
  PersonVersionRow,
} from "@cadre/db"
export {
  type OwnProfileInput,
  type PersonPage,
  PersonService,
  type StaffProfileInput,
} from "./PersonService.js"
export { type ConductOrigin, ConductService, recordConductInTx } from "./ConductService.js"
export { type ProfileDraft, ProfileDraftService } from "./ProfileDraftService.js"
