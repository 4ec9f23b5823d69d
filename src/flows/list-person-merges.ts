import type { Ctx } from "../kernel/ctx";
import { listMergesOf, type TMerge } from "../modules/quality";
import { assertPersonExists } from "../modules/register";

/**
 * The merges a person took part in, newest first; 404 for an id that names no one. A person
 * merged away still has theirs, so the merge can be found and undone.
 */
export async function listPersonMerges(ctx: Ctx, personId: string): Promise<TMerge[]> {
  await assertPersonExists(ctx, personId);
  return listMergesOf(ctx, personId);
}
