import { inArray } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { FieldErrors } from "../../kernel/field-errors";
import { teams, users } from "./schema";

/**
 * Checks that work given to a team or a person can reach them: the team exists, the person is a
 * user who is active. Locked for share, so neither is deleted or deactivated while the work is
 * being given. Every field at fault is named.
 */
export async function assertAssignable(
  ctx: Ctx,
  parties: Array<{ field: string; teamId?: string | null; userId?: string | null }>,
): Promise<void> {
  const teamIds = parties.flatMap((party) => (party.teamId ? [party.teamId] : []));
  const userIds = parties.flatMap((party) => (party.userId ? [party.userId] : []));
  // One after the other: a transaction's connection takes one query at a time.
  const foundTeams = teamIds.length
    ? await ctx.db.select({ id: teams.id }).from(teams).where(inArray(teams.id, teamIds)).for("share")
    : [];
  const foundUsers = userIds.length
    ? await ctx.db
        .select({ id: users.id, active: users.active })
        .from(users)
        .where(inArray(users.id, userIds))
        .for("share")
    : [];
  const knownTeams = new Set(foundTeams.map((row) => row.id));
  const activeOf = new Map(foundUsers.map((row) => [row.id, row.active]));
  const errors = new FieldErrors();
  for (const { field, teamId, userId } of parties) {
    if (teamId && !knownTeams.has(teamId)) errors.add(field, "unknown_team", `No team has id ${teamId}`);
    if (userId && !activeOf.has(userId)) errors.add(field, "unknown_user", `No user has id ${userId}`);
    else if (userId && activeOf.get(userId) === false) {
      errors.add(field, "inactive_user", "This user is deactivated and can be given no work");
    }
  }
  errors.throwIfAny("The work cannot be given to them");
}
