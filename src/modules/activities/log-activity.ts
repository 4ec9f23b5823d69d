import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import type { TLogActivityInput } from "./activity-input";
import { logActivities } from "./log-activities";
import type { TActivity } from "./view";

/**
 * Logs a call, meeting, e-mail, note or task; a task starts open and is owned by its assignee.
 * One its source logged before under the same external id is a conflict naming the logged one.
 */
export async function logActivity(ctx: Ctx, input: TLogActivityInput): Promise<TActivity> {
  const [result] = await logActivities(ctx, [input]);
  if (!result) throw new Error("an activity logged without a result");
  if ("error" in result) throw result.error;
  if ("activity" in result) return result.activity;
  const { id, sourceSystem, externalId } = result.alreadyLogged;
  throw new AppError("conflict", `${sourceSystem} activity ${externalId} is already logged`, {
    extra: { existingId: id },
  });
}
