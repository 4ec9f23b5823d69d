import { type Ctx, withTransaction } from "../kernel/ctx";
import { AppError, type TFieldError } from "../kernel/errors";
import { authorize } from "../kernel/permissions";
import { deleteTeam, lockTeam } from "../modules/access";
import { forgetRotation } from "../modules/rules";
import { teamHoldings } from "./team-holdings";

/**
 * Deletes a team once nothing still depends on it, in one transaction: its memberships, its place
 * in a round-robin queue and the team itself. While it owns customers, has open cases in its queue
 * or is named by a rule switched on, the deletion is refused with what it holds, so no customer
 * or case is left with a team no one is in, and no rule sends work to one.
 */
export async function deleteUnusedTeam(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, "access", "write");
  await withTransaction(ctx, async (tx) => {
    // Locked before counting: a customer given to the team meanwhile waits, and is then refused.
    await lockTeam(tx, id);
    const { holdings, rules } = await teamHoldings(tx, id);
    const reasons: TFieldError[] = [];
    if (holdings.people + holdings.organizations > 0) {
      reasons.push({
        field: "id",
        code: "owns_records",
        message: "The team owns customers; hand them over first (POST /api/teams/:id/hand-over)",
      });
    }
    if (holdings.openCases > 0) {
      reasons.push({
        field: "id",
        code: "open_cases",
        message: "Open cases wait in the team's queue; hand them over first (POST /api/teams/:id/hand-over)",
      });
    }
    if (holdings.rules > 0) {
      reasons.push({
        field: "id",
        code: "named_by_rules",
        message: "Rules that are switched on send work to the team; change them or switch them off first",
      });
    }
    if (reasons.length > 0) {
      throw new AppError("conflict", "The team still owns customers, has open cases or is named by active rules", {
        fields: reasons,
        extra: { holdings, rules },
      });
    }
    await forgetRotation(tx, id);
    await deleteTeam(tx, id);
  });
}
