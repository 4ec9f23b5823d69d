import { AppError } from "../../kernel/errors";
import type { addresses } from "./schema";

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When each current address of a kind closes as the customer moves at `movedAt`, or why the move
 * cannot be registered: a moving date still ahead (the register says where the customer lives
 * now, and today's letters would go to an address they have not moved to), or one before the
 * stated moving date of the current address. An address whose start is only when the register
 * learnt of it (an import, the demo, an entry without a moving date) says nothing of when the
 * customer moved in: a move dated before that is news that they had already left it, so it
 * closes at its own start.
 */
export function addressClosings(
  current: ReadonlyArray<typeof addresses.$inferSelect>,
  movedAt: Date,
  now: Date,
): Array<{ id: string; validTo: Date }> | AppError {
  if (movedAt.getTime() > now.getTime() + ONE_DAY_MS) {
    return new AppError("validation_failed", "The moving date is in the future", {
      fields: [{ field: "validFrom", code: "in_future", message: "Register the move on or after the moving date" }],
    });
  }
  const closings: Array<{ id: string; validTo: Date }> = [];
  for (const old of current) {
    if (old.validFrom > movedAt && old.validFromStated) {
      return new AppError("validation_failed", "The new address would start before the current one", {
        fields: [
          {
            field: "validFrom",
            code: "before_current",
            message: `The current address is valid from ${old.validFrom.toISOString()}`,
          },
        ],
      });
    }
    closings.push({ id: old.id, validTo: old.validFrom > movedAt ? old.validFrom : movedAt });
  }
  return closings;
}
