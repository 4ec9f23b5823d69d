import { z } from "zod";
import type { Ctx } from "../kernel/ctx";
import { getUser } from "../modules/access";
import { openTaskCounts } from "../modules/activities";
import { countOpenCasesOf } from "../modules/cases";
import { countOwnedRecords } from "../modules/register";

export const ZUserHoldings = z.object({
  people: z.number().int(),
  organizations: z.number().int(),
  openTasks: z.number().int(),
  openCases: z.number().int(),
});
export type TUserHoldings = z.infer<typeof ZUserHoldings>;

export const holdsAnything = (holdings: TUserHoldings) =>
  holdings.people + holdings.organizations + holdings.openTasks + holdings.openCases > 0;

/**
 * What a user holds in their own name: the customers they own, their open tasks and the open
 * cases they handle. What their teams own stays with the team when they leave, so it is not counted.
 */
export async function userHoldings(ctx: Ctx, userId: string): Promise<TUserHoldings> {
  await getUser(ctx, userId);
  // One after the other: inside a deactivation's transaction the connection takes one query at a time.
  const owned = await countOwnedRecords(ctx, { userId });
  const tasks = await openTaskCounts(ctx, [userId]);
  const openCases = await countOpenCasesOf(ctx, { userId });
  return { ...owned, openTasks: tasks.get(userId) ?? 0, openCases };
}
