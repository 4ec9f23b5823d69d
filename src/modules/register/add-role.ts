import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { parseInput } from "../../kernel/validate";
import { ZRoleInput } from "./inputs";
import { lockOwner, touchOwner } from "./owner-ref";
import { roles } from "./schema";

export const ROLE_CHANGED = "role.changed";

/** Links a person to an organisation; one primary contact per organisation at a time. */
export async function addRole(ctx: Ctx, input: z.input<typeof ZRoleInput>): Promise<{ roleId: string }> {
  const data = parseInput(ZRoleInput, input);
  return withTransaction(ctx, async (tx) => {
    const person = { entity: "person" as const, id: data.personId };
    await lockOwner(tx, person);
    // A role is the person's and the organisation's: whoever adds it may change both.
    await lockOwner(tx, { entity: "organization", id: data.organizationId });
    const current = await tx.db
      .select({ id: roles.id })
      .from(roles)
      .where(
        and(eq(roles.personId, data.personId), eq(roles.organizationId, data.organizationId), isNull(roles.validTo)),
      );
    if (current.length > 0) {
      throw new AppError("conflict", "The person already has a current role at this organisation", {
        extra: { existingId: current[0]?.id },
      });
    }
    if (data.isPrimaryContact) {
      await tx.db
        .update(roles)
        .set({ isPrimaryContact: false })
        .where(and(eq(roles.organizationId, data.organizationId), isNull(roles.validTo)));
    }
    const role = {
      id: newId(tx),
      personId: data.personId,
      organizationId: data.organizationId,
      title: data.title ?? null,
      department: data.department ?? null,
      isPrimaryContact: data.isPrimaryContact,
      validFrom: tx.clock.now(),
      validTo: null,
    };
    await tx.db.insert(roles).values(role);
    await touchOwner(tx, person);
    await recordAudit(tx, { action: "role.add", entity: "person", entityId: data.personId, after: role });
    await emitEvent(tx, ROLE_CHANGED, {
      personId: data.personId,
      organizationId: data.organizationId,
      change: "added",
    });
    return { roleId: role.id };
  });
}
