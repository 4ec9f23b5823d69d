import type { Ctx } from "../kernel/ctx";
import { assertPersonExists, profilingObjectors } from "../modules/register";
import { computedTraitValues, type TTraitValue } from "../modules/tracking";

/**
 * A person's computed traits as of now. For someone who objects to profiling none is computed:
 * every value is null ("not computed"), not the 0 that would read as "did nothing". 404 for an id
 * that names no one.
 */
export async function personTraits(ctx: Ctx, personId: string): Promise<TTraitValue[]> {
  await assertPersonExists(ctx, personId);
  const values = await computedTraitValues(ctx, personId);
  if ((await profilingObjectors(ctx, [personId])).size === 0) return values;
  return values.map((trait) => ({ ...trait, value: null }));
}
