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
