import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { actingUserId } from "../../kernel/actor";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { type TSavedList, toSavedList } from "./saved-list-view";
import { SAVED_LIST_ENTITIES, savedLists } from "./schema";

export const ZListSavedListsInput = z.strictObject({ entity: z.enum(SAVED_LIST_ENTITIES) });

/** The user's own saved lists, then those others share, each by name. */
export async function listSavedLists(
  ctx: Ctx,
  input: z.input<typeof ZListSavedListsInput>,
): Promise<{ items: TSavedList[] }> {
  authorize(ctx.actor, "register", "read");
  const { entity } = parseInput(ZListSavedListsInput, input);
  const userId = actingUserId(ctx.actor);
  const visible =
    userId === null ? eq(savedLists.shared, true) : or(eq(savedLists.userId, userId), eq(savedLists.shared, true));
  const rows = await ctx.db
    .select()
    .from(savedLists)
    .where(and(eq(savedLists.entity, entity), visible))
    .orderBy(
      desc(eq(savedLists.userId, userId ?? "00000000-0000-0000-0000-000000000000")),
      asc(sql`lower(${savedLists.name})`),
    );
  return { items: rows.map((row) => toSavedList(row, userId)) };
}
