import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { activities } from "./schema";

/** A merge moves a person's activities to the survivor; returns their ids for an unmerge. */
export async function moveActivitiesOfPerson(ctx: Ctx, fromPersonId: string, toPersonId: string): Promise<string[]> {
  const moved = await ctx.db
    .update(activities)
    .set({ personId: toPersonId })
    .where(eq(activities.personId, fromPersonId))
    .returning({ id: activities.id });
  return moved.map((row) => row.id);
}

/** An unmerge gives the listed activities back, where they are still with the survivor. */
export async function returnActivities(ctx: Ctx, ids: readonly string[], fromPersonId: string, toPersonId: string) {
  if (ids.length === 0) return;
  await ctx.db
    .update(activities)
    .set({ personId: toPersonId })
    .where(and(inArray(activities.id, [...ids]), eq(activities.personId, fromPersonId)));
}
