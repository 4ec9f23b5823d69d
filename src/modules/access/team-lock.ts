import { eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { teams } from "./schema";

/**
 * Locks a team's row for the caller's transaction. Whoever adds a member or gives the team a
 * customer checks the row (by its foreign key) and waits, so what is counted under this lock
 * stays counted until the transaction ends.
 */
export async function lockTeam(ctx: Ctx, id: string): Promise<typeof teams.$inferSelect> {
  const [row] = await ctx.db.select().from(teams).where(eq(teams.id, id)).for("update");
  if (!row) throw notFound("team", id);
  return row;
}
