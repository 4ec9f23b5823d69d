import { asc } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import type { TTeam } from "./create-team";
import { teamMembers, teams } from "./schema";

export async function listTeams(ctx: Ctx): Promise<TTeam[]> {
  authorize(ctx.actor, "access", "read");
  const rows = await ctx.db.select().from(teams).orderBy(asc(teams.name));
  const members = await ctx.db.select().from(teamMembers);
  return rows.map((team) => ({
    ...team,
    memberIds: members.filter((m) => m.teamId === team.id).map((m) => m.userId),
  }));
}
