import { and, desc, eq, sql } from "drizzle-orm";
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
  const at = ctx.clock.now().toISOString();
  // What every entry shares travels once; each entry's own part as one JSON array a statement,
  // which PostgreSQL unpacks far faster than a statement of thousands of bind parameters is built.
  for (let start = 0; start < entries.length; start += AUDIT_CHUNK) {
    const rows = entries.slice(start, start + AUDIT_CHUNK).map((entry) => ({
      id: newId(ctx),
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    }));
    await ctx.db.execute(sql`
      insert into audit_log (id, at, actor_kind, actor_id, actor_label, action, entity, entity_id, before, after, request_id)
      select x.id, ${at}::timestamptz, ${ctx.actor.kind}, ${actorId(ctx.actor)}::uuid, ${ctx.actor.label},
        x.action, x.entity, x.entity_id, x.before, x.after, ${ctx.requestId}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(id uuid, action text, entity text, entity_id text, before jsonb, after jsonb)`);
  }
}

/** Entries a statement writes: a few megabytes of JSON at most. */
const AUDIT_CHUNK = 5_000;

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
