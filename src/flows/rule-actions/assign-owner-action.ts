import { z } from "zod";
import { AppError } from "../../kernel/errors";
import { listTeams } from "../../modules/access";
import { openTaskCounts } from "../../modules/activities";
import { updatePerson } from "../../modules/register";
import { nextInRotation, type RuleAction } from "../../modules/rules";
import { activeUserIds, assertActiveUser } from "./active-users";

const ZConfig = z.union([
  z.object({ userId: z.uuid() }),
  z.object({
    teamId: z.uuid(),
    strategy: z.enum(["round_robin", "least_busy", "capacity"]).default("round_robin"),
    /** For `capacity`: the most open tasks a member may hold and still be given more. */
    capacity: z.number().int().min(1).max(10_000).optional(),
  }),
]);

/**
 * Gives the person an owner: a named user, or a member of a team queue by turns, by fewest open
 * tasks, or by fewest open tasks under a capacity (nobody under it: the action fails, visibly).
 * Deactivated members are passed over: they have left, and would otherwise be the least busy.
 */
export const assignOwnerAction: RuleAction<z.infer<typeof ZConfig>> = {
  type: "assign_owner",
  label: "Assign an owner",
  config: ZConfig,
  changes: ["ownerId", "ownerTeamId"],
  async execute(ctx, config, target) {
    if ("userId" in config) {
      await assertActiveUser(ctx, config.userId);
      await updatePerson(ctx, target.personId, { ownerId: config.userId });
      return { ownerId: config.userId };
    }
    const team = (await listTeams(ctx)).find((candidate) => candidate.id === config.teamId);
    const active = await activeUserIds(ctx);
    const members = team?.memberIds.filter((id) => active.has(id)) ?? [];
    if (!team || members.length === 0) throw new AppError("conflict", "The team has no active members to assign to");
    let ownerId: string | null;
    if (config.strategy === "round_robin") {
      ownerId = await nextInRotation(ctx, team.id, members);
    } else {
      const load = await openTaskCounts(ctx, members);
      const ranked = [...load]
        .filter(([, open]) => config.strategy !== "capacity" || open < (config.capacity ?? 20))
        .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
      ownerId = ranked[0]?.[0] ?? null;
    }
    if (!ownerId) throw new AppError("conflict", "Every member of the team is at capacity");
    await updatePerson(ctx, target.personId, { ownerId, ownerTeamId: team.id });
    return { ownerId, ownerTeamId: team.id, strategy: config.strategy };
  },
};
