import { and, asc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { rules } from "./schema";

/**
 * The rules switched on whose actions name a team in their config (`teamId`: an owner's queue, a
 * case's team, where an escalation goes). A rule switched off fires nothing, so it is not counted.
 */
export async function rulesNamingTeam(ctx: Ctx, teamId: string): Promise<Array<{ id: string; name: string }>> {
  const naming = JSON.stringify([{ config: { teamId } }]);
  return ctx.db
    .select({ id: rules.id, name: rules.name })
    .from(rules)
    .where(and(eq(rules.enabled, true), sql`${rules.actions} @> ${naming}::jsonb`))
    .orderBy(asc(rules.name));
}
