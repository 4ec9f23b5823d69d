import { and, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { actingUserId } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import {
  checkSavedListQuery,
  nameTaken,
  savingUser,
  type TSavedList,
  toSavedList,
  ZSavedListName,
  ZSavedListQuery,
} from "./saved-list-view";
import { SAVED_LIST_ENTITIES, savedLists } from "./schema";

/** How many lists one user keeps per entity: a menu, not a store. */
export const SAVED_LISTS_PER_USER = 100;

export const ZSaveListInput = z.strictObject({
  entity: z.enum(SAVED_LIST_ENTITIES),
  name: ZSavedListName,
  query: ZSavedListQuery,
  shared: z.boolean().default(false),
});
export type TSaveListInput = z.input<typeof ZSaveListInput>;

/** Keeps a list's search, filters and order under a name, for the user or for everyone. */
export async function saveList(ctx: Ctx, input: TSaveListInput): Promise<TSavedList> {
  authorize(ctx.actor, "register", "read");
  const data = parseInput(ZSaveListInput, input);
  const userId = savingUser(actingUserId(ctx.actor));
  const query = await checkSavedListQuery(ctx, data.entity, data.query);
  return withTransaction(ctx, async (tx) => {
    const mine = and(eq(savedLists.userId, userId), eq(savedLists.entity, data.entity));
    const [same] = await tx.db
      .select({ id: savedLists.id })
      .from(savedLists)
      .where(and(mine, sql`lower(${savedLists.name}) = lower(${data.name})`));
    if (same) throw nameTaken(data.name);
    const [held] = await tx.db.select({ n: count() }).from(savedLists).where(mine);
    if (Number(held?.n ?? 0) >= SAVED_LISTS_PER_USER) {
      throw new AppError("conflict", `At most ${SAVED_LISTS_PER_USER} saved lists each; delete one first`);
    }
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(savedLists)
      .values({ id: newId(tx), ...data, query, userId, createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new Error("saved list not stored");
    const list = toSavedList(row, userId);
    await recordAudit(tx, { action: "saved_list.create", entity: "saved_list", entityId: list.id, after: list });
    return list;
  });
}
