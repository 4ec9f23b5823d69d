import { eq } from "drizzle-orm";
import { actingUserId } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { lockChangeableList, toSavedList } from "./saved-list-view";
import { savedLists } from "./schema";

/** Deletes a saved list; the people and organisations it showed are not touched. */
export async function deleteSavedList(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, "register", "read");
  const userId = actingUserId(ctx.actor);
  await withTransaction(ctx, async (tx) => {
    const row = await lockChangeableList(tx, id, userId);
    await tx.db.delete(savedLists).where(eq(savedLists.id, id));
    await recordAudit(tx, {
      action: "saved_list.delete",
      entity: "saved_list",
      entityId: id,
      before: toSavedList(row, userId),
    });
  });
}
