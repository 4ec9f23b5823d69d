export { attachDocument, MAX_DOCUMENT_BYTES, ZAttachDocumentInput } from "./attach-document";
export { setTaskStatus, TASK_STATUS_CHANGED, ZSetTaskStatusInput } from "./complete-task";
export { getDocument } from "./get-document";
export { listTasks, ZListTasksInput } from "./list-tasks";
export { ACTIVITY_LOGGED, logActivity, type TLogActivityInput, ZLogActivityInput } from "./log-activity";
export { eraseActivitiesOfPerson, exportActivitiesOfPerson } from "./person-data";
export { ACTIVITY_KINDS } from "./schema";
export { activitiesTimelineSource } from "./timeline-source";
export { type TActivity, ZActivity } from "./view";
