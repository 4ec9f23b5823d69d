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
  return updateMatchSettings(ctx, { model: model as unknown as TMatchSettings["model"] }, "estimated");
}
