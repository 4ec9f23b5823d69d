import { and, desc, eq } from "drizzle-orm";
import { auditLog } from "../db/platform-schema";
import { actorId } from "./actor";
import type { Ctx } from "./ctx";
import { newId } from "./ctx";

export interface AuditEntry {
  /** Verb-shaped, e.g. `user.create`, `person.update`, `api_key.revoke`. */
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes the audit entry inside the caller's transaction, so a write and its audit entry commit
 * or roll back together. Callers pass redacted snapshots: never a secret or a hash.
 */
export async function recordAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  if (!ctx.inTransaction) throw new Error(`audit ${entry.action} written outside a transaction`);
  await ctx.db.insert(auditLog).values({
    id: newId(ctx),
    at: ctx.clock.now(),
    actorKind: ctx.actor.kind,
    actorId: actorId(ctx.actor),
    actorLabel: ctx.actor.label,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
  });
}

/**
 * Many entries in one statement, for a verb that changes many records at once (a hand-over of a
 * departing user's customers): each record keeps its own trail, without a round trip per record.
 */
export async function recordAudits(ctx: Ctx, entries: readonly AuditEntry[]): Promise<void> {
  if (!ctx.inTransaction) throw new Error("audit entries written outside a transaction");
  const at = ctx.clock.now();
  // Kept well under PostgreSQL's limit of 65535 parameters per statement.
  for (let start = 0; start < entries.length; start += 1000) {
    await ctx.db.insert(auditLog).values(
      entries.slice(start, start + 1000).map((entry) => ({
        id: newId(ctx),
        at,
        actorKind: ctx.actor.kind,
        actorId: actorId(ctx.actor),
        actorLabel: ctx.actor.label,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId,
        before: entry.before ?? null,
        after: entry.after ?? null,
        requestId: ctx.requestId,
      })),
    );
  }
}

/**
 * After an erasure the audit log must not keep the personal data its snapshots held: the entries
 * stay (who did what, when), their before/after are replaced by a marker.
 */
export async function redactAuditSnapshots(ctx: Ctx, entity: string, entityId: string): Promise<number> {
  const redacted = await ctx.db
    .update(auditLog)
    .set({ before: { redacted: "erased" }, after: { redacted: "erased" } })
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .returning({ id: auditLog.id });
  return redacted.length;
}

/** The trail of one record, newest first: for a data subject's access request. */
export async function auditTrailOf(ctx: Ctx, entity: string, entityId: string, limit = 500) {
  return ctx.db
    .select({ at: auditLog.at, action: auditLog.action, actorKind: auditLog.actorKind, by: auditLog.actorLabel })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
