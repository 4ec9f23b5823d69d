import { eq } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { ROLE_CHANGED } from "./add-role";
import { lockOwner, touchOwner } from "./owner-ref";
import { roles } from "./schema";

/** Ends a role (the person left); the role stays in the history with its end date. */
export async function endRole(ctx: Ctx, roleId: string): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const [role] = await tx.db.select().from(roles).where(eq(roles.id, roleId));
    if (!role) throw notFound("role", roleId);
    if (role.validTo) {
      throw new AppError("conflict", "This role has already ended", { extra: { endedAt: role.validTo } });
    }
    const person = { entity: "person" as const, id: role.personId };
    // A role is the person's and the organisation's: whoever ends it may change both.
    await lockOwner(tx, person);
    await lockOwner(tx, { entity: "organization", id: role.organizationId });
    const after = { ...role, validTo: tx.clock.now(), isPrimaryContact: false };
    await tx.db.update(roles).set({ validTo: after.validTo, isPrimaryContact: false }).where(eq(roles.id, roleId));
    await touchOwner(tx, person);
    await recordAudit(tx, { action: "role.end", entity: "person", entityId: role.personId, before: role, after });
    await emitEvent(tx, ROLE_CHANGED, {
      personId: role.personId,
      organizationId: role.organizationId,
      change: "ended",
    });
  });
}
