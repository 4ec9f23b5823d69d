import type { Ctx } from "../kernel/ctx";
import { withTransaction } from "../kernel/ctx";
import { authorize } from "../kernel/permissions";
import { parseInput } from "../kernel/validate";
import { assertAssignable } from "../modules/access";
import {
  escalateCase,
  type TCaseDetail,
  type TEscalateCaseInput,
  type TUpdateCaseInput,
  updateCase,
  ZEscalateCaseInput,
  ZUpdateCaseInput,
} from "../modules/cases";

/**
 * A case given to a team or a handler must reach them: the cases module stores the ids, the
 * access module knows whether the team exists and the person is an active user. Before, any id
 * was taken, and the case waited in a queue nobody has.
 */
export async function updateCaseChecked(ctx: Ctx, id: string, input: TUpdateCaseInput): Promise<TCaseDetail> {
  authorize(ctx.actor, "support", "write");
  const data = parseInput(ZUpdateCaseInput, input);
  return withTransaction(ctx, async (tx) => {
    await assertCaseParties(tx, data);
    return updateCase(tx, id, data);
  });
}

/** Escalating to another team or person checks them as `updateCaseChecked` does. */
export async function escalateCaseChecked(ctx: Ctx, id: string, input: TEscalateCaseInput = {}): Promise<TCaseDetail> {
  authorize(ctx.actor, "support", "write");
  const data = parseInput(ZEscalateCaseInput, input);
  return withTransaction(ctx, async (tx) => {
    await assertCaseParties(tx, data);
    return escalateCase(tx, id, data);
  });
}

/** The queue and the handler a case is given to, as the case's own fields name them. */
export async function assertCaseParties(
  tx: Ctx,
  data: { teamId?: string | null; assigneeId?: string | null },
): Promise<void> {
  await assertAssignable(tx, [
    { field: "teamId", teamId: data.teamId },
    { field: "assigneeId", userId: data.assigneeId },
  ]);
}
