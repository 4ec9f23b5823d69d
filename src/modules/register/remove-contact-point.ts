import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { CONTACT_POINT_CHANGED } from "./add-email";
import { lockOwner, type TOwnerRef, touchOwner } from "./owner-ref";
import { emails, phones } from "./schema";

/** Marks an e-mail or phone as removed; the row stays for lineage and the audit trail. */
export async function removeContactPoint(
  ctx: Ctx,
  owner: TOwnerRef,
  kind: "email" | "phone",
  contactPointId: string,
): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    await lockOwner(tx, owner);
    const table = kind === "email" ? emails : phones;
    const ownerColumn = owner.entity === "person" ? table.personId : table.organizationId;
    const removed = await tx.db
      .update(table)
      .set({ removedAt: tx.clock.now(), isPrimary: false })
      .where(and(eq(table.id, contactPointId), eq(ownerColumn, owner.id), isNull(table.removedAt)))
      .returning();
    const [row] = removed;
    if (!row) throw notFound(kind, contactPointId);
    await touchOwner(tx, owner);
    await recordAudit(tx, { action: `${kind}.remove`, entity: owner.entity, entityId: owner.id, before: row });
    await emitEvent(tx, CONTACT_POINT_CHANGED, { ...owner, kind, change: "removed" });
  });
}
