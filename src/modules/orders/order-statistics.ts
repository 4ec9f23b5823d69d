import { getTableName } from "drizzle-orm";
import { resampleTables, sampledRowCount } from "../../db/statistics";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { orders, personOrderFacts } from "./schema";

/** Has the database sample the order tables again, after an import changed their size. */
export async function refreshOrderStatistics(ctx: Ctx): Promise<void> {
  authorize(ctx.actor, "sales", "write");
  await resampleTables(ctx.db, [getTableName(orders), getTableName(personOrderFacts)]);
}

/** The orders the planner counted when it last sampled them. */
export async function sampledOrderCount(ctx: Ctx): Promise<number> {
  return sampledRowCount(ctx.db, [getTableName(orders)]);
}
