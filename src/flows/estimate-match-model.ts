import { sql } from "drizzle-orm";
import { queryRows } from "../db/rows";
import type { Ctx } from "../kernel/ctx";
import { authorize } from "../kernel/permissions";
import { estimateParameters, type MatchModel } from "../lib/match";
import { getMatchSettings, type TMatchSettings, updateMatchSettings } from "../modules/quality";
import { loadMatchRecords } from "../modules/register";

/**
 * Estimates m and u from the register itself (expectation maximisation over a sample), and
 * stores them as the model in use; an admin can still set them by hand afterwards.
 */
export async function estimateMatchModel(ctx: Ctx, sampleSize = 50_000): Promise<TMatchSettings> {
  authorize(ctx.actor, "access", "write");
  const ids = await queryRows<{ id: string }>(
    ctx.db,
    sql`select id from people where merged_into is null and erased_at is null order by random() limit ${sampleSize}`,
  );
  const records = await loadMatchRecords(
    ctx,
    ids.map((row) => row.id),
  );
  const current = await getMatchSettings(ctx);
  const model = estimateParameters(records, current.model as unknown as MatchModel, { seed: 1 });
  // A level no sampled pair landed on estimates to 0 or 1; a probability of exactly that would
  // make one field's agreement certain proof, so it is kept just inside.
  const bounded = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, Number.isFinite(p) ? p : 1e-6));
  for (const field of model.fields) {
    for (const level of field.levels) {
      level.m = bounded(level.m);
      level.u = bounded(level.u);
    }
  }
  return updateMatchSettings(ctx, { model: model as unknown as TMatchSettings["model"] }, "estimated");
}
