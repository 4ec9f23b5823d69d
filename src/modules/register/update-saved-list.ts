import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { actingUserId } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import {
  checkSavedListQuery,
  lockChangeableList,
  nameTaken,
  type TSavedList,
  toSavedList,
  ZSavedListName,
  ZSavedListQuery,
} from "./saved-list-view";
import { savedLists } from "./schema";

export const ZUpdateSavedListInput = z.strictObject({
  name: ZSavedListName.optional(),
  query: ZSavedListQuery.optional(),
  shared: z.boolean().optional(),
});
export type TUpdateSavedListInput = z.input<typeof ZUpdateSavedListInput>;

/** Renames a saved list, gives it the list as it is now, or shares it (or stops sharing it). */
export async function updateSavedList(ctx: Ctx, id: string, input: TUpdateSavedListInput): Promise<TSavedList> {
  authorize(ctx.actor, "register", "read");
  const data = parseInput(ZUpdateSavedListInput, input);
  const userId = actingUserId(ctx.actor);
  return withTransaction(ctx, async (tx) => {
    const row = await lockChangeableList(tx, id, userId);
    const query = data.query === undefined ? undefined : await checkSavedListQuery(tx, row.entity, data.query);
    if (data.name !== undefined) {
      const [same] = await tx.db
        .select({ id: savedLists.id })
        .from(savedLists)
        .where(
          and(
            eq(savedLists.userId, row.userId),
            eq(savedLists.entity, row.entity),
            ne(savedLists.id, id),
            sql`lower(${savedLists.name}) = lower(${data.name})`,
          ),
        );
      if (same) throw nameTaken(data.name);
    }
    const [updated] = await tx.db
      .update(savedLists)
      .set({
        ...(data.name !== undefined && { name: data.name }),
        ...(query !== undefined && { query }),
        ...(data.shared !== undefined && { shared: data.shared }),
        updatedAt: tx.clock.now(),
      })
      .where(eq(savedLists.id, id))
      .returning();
    if (!updated) throw notFound("saved_list", id);
    const before = toSavedList(row, userId);
    const after = toSavedList(updated, userId);
    await recordAudit(tx, { action: "saved_list.update", entity: "saved_list", entityId: id, before, after });
    return after;
  });
}
