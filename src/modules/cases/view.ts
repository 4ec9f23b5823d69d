import { z } from "zod";
import { CASE_CHANNELS, CASE_EVENT_KINDS, CASE_PRIORITIES, CASE_STATUSES, type caseEvents, type cases } from "./schema";

export const ZCase = z.object({
  id: z.uuid(),
  number: z.number().int(),
  personId: z.uuid().nullable(),
  organizationId: z.uuid().nullable(),
  subject: z.string(),
  description: z.string().nullable(),
  category: z.string(),
  channel: z.enum(CASE_CHANNELS),
  priority: z.enum(CASE_PRIORITIES),
  status: z.enum(CASE_STATUSES),
  line: z.number().int(),
  teamId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  openedAt: z.date(),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  escalatedAt: z.date().nullable(),
  escalationLevel: z.number().int(),
  sourceSystem: z.string(),
  externalId: z.string().nullable(),
  updatedAt: z.date(),
  data: z.record(z.string(), z.unknown()),
});
export type TCase = z.infer<typeof ZCase>;

export const ZCaseEvent = z.object({
  id: z.uuid(),
  kind: z.enum(CASE_EVENT_KINDS),
  actorLabel: z.string(),
  actorUserId: z.uuid().nullable(),
  at: z.date(),
  data: z.record(z.string(), z.unknown()),
});
export type TCaseEvent = z.infer<typeof ZCaseEvent>;

/** A case with its history, oldest event first. */
export const ZCaseDetail = ZCase.extend({ events: z.array(ZCaseEvent) });
export type TCaseDetail = z.infer<typeof ZCaseDetail>;

export function toCaseView(row: typeof cases.$inferSelect): TCase {
  return {
    id: row.id,
    number: Number(row.number),
    personId: row.personId,
    organizationId: row.organizationId,
    subject: row.subject,
    description: row.description,
    category: row.category,
    channel: row.channel,
    priority: row.priority,
    status: row.status,
    line: row.line,
    teamId: row.teamId,
    assigneeId: row.assigneeId,
    openedAt: row.openedAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    escalatedAt: row.escalatedAt,
    escalationLevel: row.escalationLevel,
    sourceSystem: row.sourceSystem,
    externalId: row.externalId,
    updatedAt: row.updatedAt,
    data: row.data,
  };
}

export function toCaseEventView(row: typeof caseEvents.$inferSelect): TCaseEvent {
  return {
    id: row.id,
    kind: row.kind,
    actorLabel: row.actorLabel,
    actorUserId: row.actorUserId,
    at: row.at,
    data: row.data,
  };
}
