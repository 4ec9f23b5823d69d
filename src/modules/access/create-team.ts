import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { teams } from "./schema";

export const ZCreateTeamInput = z.strictObject({ name: z.string().trim().min(1).max(120) });
export const ZTeam = z.object({ id: z.uuid(), name: z.string(), memberIds: z.array(z.uuid()), createdAt: z.date() });
export type TTeam = z.infer<typeof ZTeam>;

export async function createTeam(ctx: Ctx, input: z.input<typeof ZCreateTeamInput>): Promise<TTeam> {
  authorize(ctx.actor, "access", "write");
  const data = parseInput(ZCreateTeamInput, input);
  return withTransaction(ctx, async (tx) => {
    const taken = await tx.db.select({ id: teams.id }).from(teams).where(eq(teams.name, data.name));
    if (taken.length > 0) {
      throw new AppError("already_exists", `A team named ${data.name} already exists`, {
        fields: [{ field: "name", code: "taken", message: "This name is already in use" }],
      });
    }
    const team = { id: newId(tx), name: data.name, createdAt: tx.clock.now() };
    await tx.db.insert(teams).values(team);
    await recordAudit(tx, { action: "team.create", entity: "team", entityId: team.id, after: team });
    return { ...team, memberIds: [] };
  });
}
