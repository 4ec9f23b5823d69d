import { z } from "zod";
import type { Ctx } from "../kernel/ctx";
import { countOpenCasesOf } from "../modules/cases";
import { countOwnedRecords } from "../modules/register";
import { rulesNamingTeam } from "../modules/rules";

export const ZTeamHoldings = z.object({
  people: z.number().int(),
  organizations: z.number().int(),
  openCases: z.number().int(),
  rules: z.number().int(),
});
export type TTeamHoldings = z.infer<typeof ZTeamHoldings>;

/**
 * What would be left naming a team that is no more: the customers it owns, the open cases in its
 * queue and the rules switched on that send work to it (by name, so the admin knows which to
 * change). Orders and closed cases name it too, as history, and are not counted.
 */
export async function teamHoldings(
  ctx: Ctx,
  teamId: string,
): Promise<{ holdings: TTeamHoldings; rules: Array<{ id: string; name: string }> }> {
  // One after the other: inside the deletion's transaction the connection takes one query at a time.
  const owned = await countOwnedRecords(ctx, { teamId });
  const openCases = await countOpenCasesOf(ctx, { teamId });
  const rules = await rulesNamingTeam(ctx, teamId);
  return { holdings: { ...owned, openCases, rules: rules.length }, rules };
}
