import { and, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { type TTeam, ZCreateTeamInput } from "./create-team";
import { teamMembers, teams } from "./schema";

export const ZRenameTeamInput = ZCreateTeamInput;
export type TRenameTeamInput = z.input<typeof ZRenameTeamInput>;

/** Records refer to a team by id, so a new name shows wherever the team owns or handles something. */
export async function renameTeam(ctx: Ctx, id: string, input: TRenameTeamInput): Promise<TTeam> {
  authorize(ctx.actor, "access", "write");
  const data = parseInput(ZRenameTeamInput, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(teams).where(eq(teams.id, id)).for("update");
    if (!row) throw notFound("team", id);
    const taken = await tx.db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.name, data.name), ne(teams.id, id)));
    if (taken.length > 0) {
      throw new AppError("already_exists", `A team named ${data.name} already exists`, {
        fields: [{ field: "name", code: "taken", message: "This name is already in use" }],
      });
    }
    await tx.db.update(teams).set({ name: data.name }).where(eq(teams.id, id));
    await recordAudit(tx, {
      action: "team.rename",
      entity: "team",
      entityId: id,
      before: { name: row.name },
      after: { name: data.name },
    });
    const members = await tx.db
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(eq(teamMembers.teamId, id));
    return { ...row, name: data.name, memberIds: members.map((member) => member.userId) };
  });
}
