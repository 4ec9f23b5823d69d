import { eq } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { teamMembers, teams } from "./schema";
import { lockTeam } from "./team-lock";

/**
 * Deletes a team and everyone's membership of it. The caller has made sure nothing still names the
 * team (see the delete-unused-team flow): customers would refuse by their foreign key, and open
 * cases and rules would be left pointing at nothing. The audit entry keeps the name and the
 * members, since the team itself is gone.
 */
export async function deleteTeam(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, "access", "write");
  await withTransaction(ctx, async (tx) => {
    const team = await lockTeam(tx, id);
    const members = await tx.db
      .delete(teamMembers)
      .where(eq(teamMembers.teamId, id))
      .returning({ userId: teamMembers.userId });
    await tx.db.delete(teams).where(eq(teams.id, id));
    await recordAudit(tx, {
      action: "team.delete",
      entity: "team",
      entityId: id,
      before: { name: team.name, memberIds: members.map((member) => member.userId).sort() },
    });
  });
}
