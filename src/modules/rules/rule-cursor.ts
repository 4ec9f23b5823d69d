import { eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { ruleCursors } from "./schema";

export async function readRuleCursor(ctx: Ctx, name: string): Promise<string | null> {
  const [row] = await ctx.db.select({ lastId: ruleCursors.lastId }).from(ruleCursors).where(eq(ruleCursors.name, name));
  return row?.lastId ?? null;
}

export async function writeRuleCursor(ctx: Ctx, name: string, lastId: string): Promise<void> {
  await ctx.db
    .insert(ruleCursors)
    .values({ name, lastId, updatedAt: ctx.clock.now() })
    .onConflictDoUpdate({ target: ruleCursors.name, set: { lastId, updatedAt: ctx.clock.now() } });
}
