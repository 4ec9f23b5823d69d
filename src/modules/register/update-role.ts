import { and, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { parseInput } from "../../kernel/validate";
import { ROLE_CHANGED } from "./add-role";
import { lockOwner, touchOwner } from "./owner-ref";
import { roles } from "./schema";

export const ZUpdateRoleInput = z.strictObject({
  title: z.string().trim().max(200).nullish(),
  department: z.string().trim().max(200).nullish(),
  /** Making a role the primary contact takes the mark from the organisation's current one. */
  isPrimaryContact: z.boolean().optional(),
});

/** Changes a current role's title, department or primary-contact mark; an ended role is history. */
export async function updateRole(ctx: Ctx, roleId: string, input: z.input<typeof ZUpdateRoleInput>): Promise<void> {
  const data = parseInput(ZUpdateRoleInput, input);
  await withTransaction(ctx, async (tx) => {
    const [role] = await tx.db.select().from(roles).where(eq(roles.id, roleId));
    if (!role) throw notFound("role", roleId);
    if (role.validTo) throw new AppError("conflict", "This role has ended; an ended role is history");
    const person = { entity: "person" as const, id: role.personId };
    await lockOwner(tx, person);
    await lockOwner(tx, { entity: "organization", id: role.organizationId });
    const after = {
      ...role,
      ...(data.title !== undefined ? { title: data.title || null } : {}),
      ...(data.department !== undefined ? { department: data.department || null } : {}),
      ...(data.isPrimaryContact !== undefined ? { isPrimaryContact: data.isPrimaryContact } : {}),
    };
    if (JSON.stringify(after) === JSON.stringify(role)) return;
    if (data.isPrimaryContact) {
      await tx.db
        .update(roles)
        .set({ isPrimaryContact: false })
        .where(and(eq(roles.organizationId, role.organizationId), isNull(roles.validTo), ne(roles.id, roleId)));
    }
    await tx.db
      .update(roles)
      .set({ title: after.title, department: after.department, isPrimaryContact: after.isPrimaryContact })
      .where(eq(roles.id, roleId));
    await touchOwner(tx, person);
    await recordAudit(tx, { action: "role.update", entity: "person", entityId: role.personId, before: role, after });
    await emitEvent(tx, ROLE_CHANGED, {
      personId: role.personId,
      organizationId: role.organizationId,
      change: "updated",
    });
  });
}
