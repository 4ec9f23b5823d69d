import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { parseInput } from "../../kernel/validate";
import { ZChannelPreferenceInput } from "./inputs";
import { lineageColumns, sourceOf } from "./lineage";
import { lockOwner, touchOwner } from "./owner-ref";
import { channelPreferences } from "./schema";

/** Sets which channel a person prefers for a topic, and when they may be reached there. */
export async function setChannelPreference(
  ctx: Ctx,
  personId: string,
  input: z.input<typeof ZChannelPreferenceInput>,
): Promise<void> {
  const data = parseInput(ZChannelPreferenceInput, input);
  await withTransaction(ctx, async (tx) => {
    const owner = { entity: "person" as const, id: personId };
    await lockOwner(tx, owner);
    const where = and(eq(channelPreferences.personId, personId), eq(channelPreferences.topic, data.topic));
    const [before] = await tx.db.select().from(channelPreferences).where(where);
    const values = {
      channel: data.channel,
      window: data.window ?? null,
      updatedAt: tx.clock.now(),
      ...lineageColumns(sourceOf(tx, data.source)),
    };
    if (before) await tx.db.update(channelPreferences).set(values).where(where);
    else await tx.db.insert(channelPreferences).values({ id: newId(tx), personId, topic: data.topic, ...values });
    await touchOwner(tx, owner);
    await recordAudit(tx, {
      action: "channel_preference.set",
      entity: "person",
      entityId: personId,
      before: before ?? null,
      after: { topic: data.topic, ...values },
    });
  });
}
