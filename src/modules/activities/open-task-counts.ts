import { and, count, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { activities } from "./schema";

/** Open tasks per user: how busy each is, for least-busy and capacity routing. */
export async function openTaskCounts(ctx: Ctx, userIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return counts;
  const rows = await ctx.db
    .select({ ownerId: activities.ownerId, n: count() })
    .from(activities)
    .where(and(eq(activities.kind, "task"), eq(activities.status, "open"), inArray(activities.ownerId, [...userIds])))
    .groupBy(activities.ownerId);
  for (const row of rows) if (row.ownerId) counts.set(row.ownerId, Number(row.n));
  return counts;
}
