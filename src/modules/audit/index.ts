export { listAuditEntries, type TAuditEntry, ZAuditEntry, ZListAuditInput } from "./list-audit-entries";
