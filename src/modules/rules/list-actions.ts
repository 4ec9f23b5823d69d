import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Ctx, newId } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import type { RuleAction } from "./actions";
import { listMembers, lists } from "./schema";

async function listIdByName(ctx: Ctx, name: string, create: boolean): Promise<string | null> {
  const [found] = await ctx.db.select({ id: lists.id }).from(lists).where(eq(lists.name, name));
  if (found) return found.id;
  if (!create) return null;
  const id = newId(ctx);
  await ctx.db.insert(lists).values({ id, name, createdAt: ctx.clock.now() }).onConflictDoNothing();
  const [made] = await ctx.db.select({ id: lists.id }).from(lists).where(eq(lists.name, name));
  if (!made) throw new AppError("conflict", `Could not create the list ${name}`);
  return made.id;
}

const ZListConfig = z.object({ list: z.string().trim().min(1).max(200) });

/** Adds the person to a named static list, made on first use. */
export const addToListAction: RuleAction<z.infer<typeof ZListConfig>> = {
  type: "add_to_list",
  label: "Add to a list",
  config: ZListConfig,
  async execute(ctx, config, target) {
    const listId = (await listIdByName(ctx, config.list, true)) as string;
    await ctx.db
      .insert(listMembers)
      .values({ listId, personId: target.personId, addedAt: ctx.clock.now(), addedBy: `rule:${target.ruleId}` })
      .onConflictDoNothing();
    return { list: config.list };
  },
};

export const removeFromListAction: RuleAction<z.infer<typeof ZListConfig>> = {
  type: "remove_from_list",
  label: "Remove from a list",
  config: ZListConfig,
  async execute(ctx, config, target) {
    const listId = await listIdByName(ctx, config.list, false);
    if (listId) {
      await ctx.db
        .delete(listMembers)
        .where(and(eq(listMembers.listId, listId), eq(listMembers.personId, target.personId)));
    }
    return { list: config.list };
  },
};

/** The members of a named list, for campaigns and the UI. */
export async function listMembersOf(ctx: Ctx, name: string): Promise<string[]> {
  const rows = await ctx.db.execute(
    sql`select m.person_id from list_members m join lists l on l.id = m.list_id where l.name = ${name} order by m.added_at`,
  );
  return (rows as unknown as { rows: Array<{ person_id: string }> }).rows.map((row) => row.person_id);
}
