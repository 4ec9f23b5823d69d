import { and, asc, eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { users } from "./schema";

/**
 * Locks every active administrator's row, in one order, before a change that may take one away
 * (a deactivation, a new role): two admins deactivating each other at once then queue, rather
 * than deadlock or both succeed and leave no administrator.
 */
export async function lockActiveAdmins(tx: Ctx): Promise<void> {
  await tx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)))
    .orderBy(asc(users.id))
    .for("update");
}
