import { actingUserId } from "../kernel/actor";
import { type Ctx, withTransaction } from "../kernel/ctx";
import { AppError } from "../kernel/errors";
import { type TUpdateUserInput, type TUser, updateUser } from "../modules/access";
import { holdsAnything, userHoldings } from "./user-holdings";

/**
 * Changes a user; a deactivation is refused while customers, open tasks or open cases are still
 * in the user's name, naming how many, so no record is left with someone who can no longer act on it
 * without the administrator knowing. The hand-over (`handOverUserRecords`) moves them and can
 * deactivate in the same step.
 */
export async function updateUserAccount(ctx: Ctx, id: string, input: TUpdateUserInput): Promise<TUser> {
  // One's own password is changed with the current one, where wrong tries are counted
  // (PATCH /api/me); inside this transaction the count would be taken back with the refusal.
  if (input.password !== undefined && actingUserId(ctx.actor) === id) {
    throw new AppError("validation_failed", "Change your own password with PATCH /api/me and the current password", {
      fields: [{ field: "password", code: "own_password", message: "Change your own password with the current one" }],
    });
  }
  return withTransaction(ctx, async (tx) => {
    const user = await updateUser(tx, id, input);
    if (input.active === false) {
      const holdings = await userHoldings(tx, id);
      if (holdsAnything(holdings)) {
        throw new AppError(
          "conflict",
          "The user still owns customers or holds open tasks or cases; hand them over first",
          {
            fields: [{ field: "active", code: "owns_records", message: "Hand over this user's records first" }],
            extra: { holdings },
          },
        );
      }
    }
    return user;
  });
}
