import { desc, eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { lineageFromColumns } from "./lineage";
import { consents } from "./schema";
import type { TConsentView } from "./views";

/**
 * Every consent decision the person has made, newest first: each grant and withdrawal per purpose
 * and channel with its source and time. The person view shows only the latest of each; an access
 * request is owed the whole history.
 */
export async function consentHistoryOfPerson(ctx: Ctx, personId: string): Promise<TConsentView[]> {
  authorize(ctx.actor, "register", "read");
  const rows = await ctx.db
    .select()
    .from(consents)
    .where(eq(consents.personId, personId))
    .orderBy(desc(consents.recordedAt), desc(consents.id));
  return rows.map((row) => ({
    purpose: row.purpose,
    channel: row.channel,
    status: row.status,
    recordedAt: row.recordedAt,
    note: row.note,
    source: lineageFromColumns(row),
  }));
}
