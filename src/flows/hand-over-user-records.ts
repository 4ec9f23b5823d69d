import { z } from "zod";
import { recordAudit } from "../kernel/audit";
import { type Ctx, withTransaction } from "../kernel/ctx";
import { authorize } from "../kernel/permissions";
import { parseInput } from "../kernel/validate";
import { assertHandOverParties, updateUser } from "../modules/access";
import { handOverOpenTasks } from "../modules/activities";
import { handOverOpenCases } from "../modules/cases";
import { handOverOwnedRecords } from "../modules/register";

export const ZHandOverInput = z.strictObject({
  to: z.union([z.strictObject({ userId: z.uuid() }), z.strictObject({ teamId: z.uuid() })]),
  /** Deactivate the user in the same transaction, once nothing is left in their name. */
  deactivate: z.boolean().default(false),
});
export type THandOverInput = z.input<typeof ZHandOverInput>;

export const ZHandOverResult = z.object({
  people: z.number().int(),
  organizations: z.number().int(),
  openTasks: z.number().int(),
  openCases: z.number().int(),
  deactivated: z.boolean(),
});
export type THandOverResult = z.infer<typeof ZHandOverResult>;

/**
 * A person who leaves: every customer they own, every open task of theirs and every open case they
 * handle goes to a colleague or a team, and (when asked) they are deactivated, all in one transaction, so no record is left
 * with someone who can no longer act on it. Each moved record is audited on its own trail, and the
 * hand-over as a whole on the user's.
 */
export async function handOverUserRecords(ctx: Ctx, userId: string, input: THandOverInput): Promise<THandOverResult> {
  authorize(ctx.actor, "access", "write");
  const data = parseInput(ZHandOverInput, input);
  return withTransaction(ctx, async (tx) => {
    await assertHandOverParties(tx, userId, data.to, { deactivate: data.deactivate });
    const owned = await handOverOwnedRecords(tx, { userId }, data.to);
    const openTasks = await handOverOpenTasks(tx, userId, "userId" in data.to ? data.to.userId : null);
    const openCases = await handOverOpenCases(tx, { userId }, data.to);
    if (data.deactivate) await updateUser(tx, userId, { active: false });
    const result = { ...owned, openTasks, openCases, deactivated: data.deactivate };
    await recordAudit(tx, {
      action: "user.hand_over",
      entity: "user",
      entityId: userId,
      after: { to: data.to, ...result },
    });
    return result;
  });
}
