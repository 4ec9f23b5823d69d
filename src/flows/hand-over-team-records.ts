import { z } from "zod";
import { recordAudit } from "../kernel/audit";
import { type Ctx, withTransaction } from "../kernel/ctx";
import { authorize } from "../kernel/permissions";
import { parseInput } from "../kernel/validate";
import { assertTeamHandOverParties } from "../modules/access";
import { handOverOpenCases } from "../modules/cases";
import { handOverOwnedRecords } from "../modules/register";

export const ZTeamHandOverInput = z.strictObject({
  to: z.union([z.strictObject({ userId: z.uuid() }), z.strictObject({ teamId: z.uuid() })]),
});
export type TTeamHandOverInput = z.input<typeof ZTeamHandOverInput>;

export const ZTeamHandOverResult = z.object({
  people: z.number().int(),
  organizations: z.number().int(),
  openCases: z.number().int(),
});
export type TTeamHandOverResult = z.infer<typeof ZTeamHandOverResult>;

/**
 * A team that is wound up: every customer it owns and every open case in its queue goes to a user
 * or another team in one transaction, so the team can then be deleted. What a team holds has no
 * tasks (a task is for one person), and the rules that name it are the admin's to change. Each
 * moved record is audited on its own trail, and the hand-over as a whole on the team's.
 */
export async function handOverTeamRecords(
  ctx: Ctx,
  teamId: string,
  input: TTeamHandOverInput,
): Promise<TTeamHandOverResult> {
  authorize(ctx.actor, "access", "write");
  const data = parseInput(ZTeamHandOverInput, input);
  return withTransaction(ctx, async (tx) => {
    await assertTeamHandOverParties(tx, teamId, data.to);
    const owned = await handOverOwnedRecords(tx, { teamId }, data.to);
    const openCases = await handOverOpenCases(tx, { teamId }, data.to);
    const result = { ...owned, openCases };
    await recordAudit(tx, {
      action: "team.hand_over",
      entity: "team",
      entityId: teamId,
      after: { to: data.to, ...result },
    });
    return result;
  });
}
