import { type Ctx, withTransaction } from "../kernel/ctx";
import { setProfilingObjection } from "../modules/register";
import { removeRuleMemberships } from "../modules/rules";
import { forgetTraitBuckets } from "../modules/tracking";

/**
 * Records or lifts an objection to profiling (GDPR art. 21), and with it, in one transaction,
 * what profiling had produced: the person's computed traits are dropped, and on objection they
 * leave every segment and every list a rule put them in. Until it is lifted no trait counts them
 * and no rule evaluates them. Traits are dropped on lifting too, so a count that slipped in while
 * the objection stood cannot survive it: profiling starts afresh from the moment it is lifted.
 */
export async function recordProfilingObjection(ctx: Ctx, personId: string, objects: boolean): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    await setProfilingObjection(tx, personId, objects);
    await forgetTraitBuckets(tx, [personId]);
    if (objects) await removeRuleMemberships(tx, personId);
  });
}
