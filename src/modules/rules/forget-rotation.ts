import { eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { ruleAssignmentCursors } from "./schema";

/** Drops a deleted team's place in its round-robin queue (see nextInRotation). */
export async function forgetRotation(ctx: Ctx, teamId: string): Promise<void> {
  await ctx.db.delete(ruleAssignmentCursors).where(eq(ruleAssignmentCursors.teamId, teamId));
}
