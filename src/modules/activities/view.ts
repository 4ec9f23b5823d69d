import { z } from "zod";
import { ACTIVITY_KINDS, type activities, type documents } from "./schema";

export const ZDocumentView = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.date(),
});

export const ZActivity = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  organizationId: z.uuid().nullable(),
  kind: z.enum(ACTIVITY_KINDS),
  direction: z.enum(["inbound", "outbound"]).nullable(),
  subject: z.string(),
  body: z.string().nullable(),
  occurredAt: z.date(),
  dueAt: z.date().nullable(),
  status: z.enum(["open", "done", "cancelled"]).nullable(),
  completedAt: z.date().nullable(),
  ownerId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
  documents: z.array(ZDocumentView),
});
export type TActivity = z.infer<typeof ZActivity>;

type ActivityRow = typeof activities.$inferSelect;
type DocumentMeta = Omit<typeof documents.$inferSelect, "content" | "activityId">;

export function toActivityView(row: ActivityRow, attached: DocumentMeta[]): TActivity {
  return {
    id: row.id,
    personId: row.personId,
    organizationId: row.organizationId,
    kind: row.kind,
    direction: row.direction,
    subject: row.subject,
    body: row.body,
    occurredAt: row.occurredAt,
    dueAt: row.dueAt,
    status: row.status,
    completedAt: row.completedAt,
    ownerId: row.ownerId,
    data: row.data,
    documents: attached,
  };
}
