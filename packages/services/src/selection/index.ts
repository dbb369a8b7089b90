/**
 * Selection (选派): campaigns, the applications to them, and the review tasks on those applications. The public
 * face of the aggregate: its services and the records and inputs they take and give.
 */
export type {
  ApplicationFilter,
  ApplicationRecord,
  CampaignRecord,
  PostInfo,
} from "@cadre/db"
export {
  type ActMove,
  ApplicationService,
  type ApplicationView,
  type ApplicationViewPage,
} from "./ApplicationService.js"
export {
  type CampaignInput,
  type CampaignPatch,
  CampaignService,
  type PublicCampaign,
} from "./CampaignService.js"
export { type AssigneeRecord, type TaskRecord, TaskService } from "./TaskService.js"
