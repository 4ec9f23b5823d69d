import { and, asc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { activities } from "./schema";
import { type TActivity, toActivityView } from "./view";

export const ZListTasksInput = z.object({
  ownerId: z.uuid().optional(),
  personId: z.uuid().optional(),
  status: z.enum(["open", "done", "cancelled"]).default("open"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Tasks by due date: a user's to-do list, or a customer's open follow-ups. */
export async function listTasks(ctx: Ctx, input: z.input<typeof ZListTasksInput>): Promise<TActivity[]> {
  authorize(ctx.actor, "register", "read");
  const query = parseInput(ZListTasksInput, input);
  const conditions: SQL[] = [eq(activities.kind, "task"), eq(activities.status, query.status)];
  if (query.ownerId) conditions.push(eq(activities.ownerId, query.ownerId));
  if (query.personId) conditions.push(eq(activities.personId, query.personId));
  const rows = await ctx.db
    .select()
    .from(activities)
    .where(and(...conditions))
    .orderBy(asc(activities.dueAt), asc(activities.id))
    .limit(query.limit);
  return rows.map((row) => toActivityView(row, []));
}
