import { and, eq, like } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { listMembers, segmentMembers } from "./schema";

/**
 * Takes a person out of everything rules put them in: every segment, and every list a rule added
 * them to. Lists a user filled by hand are left as they are. For a person who objects to
 * profiling: what rules concluded about them goes with the objection.
 */
export async function removeRuleMemberships(ctx: Ctx, personId: string): Promise<void> {
  await ctx.db.delete(segmentMembers).where(eq(segmentMembers.personId, personId));
  await ctx.db.delete(listMembers).where(and(eq(listMembers.personId, personId), like(listMembers.addedBy, "rule:%")));
}
