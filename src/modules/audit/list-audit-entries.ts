import { and, desc, eq, gte, lt, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "../../db/platform-schema";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { parseInput, zInstant } from "../../kernel/validate";

export const ZListAuditInput = z.object({
  entity: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(80).optional(),
  from: zInstant().optional(),
  to: zInstant().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** The id of the last entry of the previous page. */
  cursor: z.uuid().optional(),
});

export const ZAuditEntry = z.object({
  id: z.uuid(),
  at: z.date(),
  actorKind: z.enum(["user", "api_key", "system"]),
  actorId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

/** Newest first; pages with the id cursor, which is time-ordered because ids are UUIDv7. */
export async function listAuditEntries(
  ctx: Ctx,
  input: z.input<typeof ZListAuditInput>,
): Promise<{ items: TAuditEntry[]; nextCursor: string | null }> {
  authorize(ctx.actor, "audit", "read");
  const query = parseInput(ZListAuditInput, input);
  const filters: SQL[] = [];
  if (query.entity) filters.push(eq(auditLog.entity, query.entity));
  if (query.entityId) filters.push(eq(auditLog.entityId, query.entityId));
  if (query.actorId) filters.push(eq(auditLog.actorId, query.actorId));
  if (query.action) filters.push(eq(auditLog.action, query.action));
  if (query.from) filters.push(gte(auditLog.at, query.from));
  if (query.to) filters.push(lte(auditLog.at, query.to));
  if (query.cursor) filters.push(lt(auditLog.id, query.cursor));
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}
