/** The one-person-one-file archive (一人一档): the service and its record. */
export { type ArchivePage, type ArchiveRecord, ArchiveService } from "./ArchiveService.js"
