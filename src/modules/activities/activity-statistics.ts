import { getTableName } from "drizzle-orm";
import { resampleTables, sampledRowCount } from "../../db/statistics";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { activities } from "./schema";

/** Has the database sample the activities again, after an import changed their number. */
export async function refreshActivityStatistics(ctx: Ctx): Promise<void> {
  authorize(ctx.actor, "register", "write");
  await resampleTables(ctx.db, [getTableName(activities)]);
}

/** The activities the planner counted when it last sampled them. */
export async function sampledActivityCount(ctx: Ctx): Promise<number> {
  return sampledRowCount(ctx.db, [getTableName(activities)]);
}
