import { eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { activities } from "./schema";

/** Whose timeline an activity is in, and who it is assigned to: what a change to it is checked against. */
export async function activityTarget(
  ctx: Ctx,
  id: string,
): Promise<{ personId: string | null; organizationId: string | null; ownerId: string | null }> {
  authorize(ctx.actor, "register", "read");
  const [row] = await ctx.db
    .select({ personId: activities.personId, organizationId: activities.organizationId, ownerId: activities.ownerId })
    .from(activities)
    .where(eq(activities.id, id));
  if (!row) throw notFound("activity", id);
  return row;
}
