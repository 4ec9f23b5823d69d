import type { Ctx } from "../../kernel/ctx";
import { assertReceivingUser, receiverRefused, type THandOverTarget } from "./hand-over-target";
import { lockTeam } from "./team-lock";
import { assertTeamsExist } from "./team-view";

/**
 * Checks both ends of a team's hand-over and locks the team's row for the transaction (a 404 when
 * there is none), so nothing is given to it, and it is not deleted, while its records move on.
 */
export async function assertTeamHandOverParties(ctx: Ctx, fromTeamId: string, to: THandOverTarget): Promise<void> {
  await lockTeam(ctx, fromTeamId);
  if ("userId" in to) {
    await assertReceivingUser(ctx, to.userId);
    return;
  }
  if (to.teamId === fromTeamId) throw receiverRefused("same_team", "Hand the records over to another team");
  await assertTeamsExist(ctx.db, [to.teamId], "to.teamId");
}
