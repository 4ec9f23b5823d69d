import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { lockOwner, touchOwner } from "./owner-ref";
import { channelPreferences } from "./schema";

/**
 * Forgets which channel a person prefers for a topic: from then on the preference for anything
 * (`*`), if one is kept, or none at all, decides.
 */
export async function removeChannelPreference(ctx: Ctx, personId: string, topic: string): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const owner = { entity: "person" as const, id: personId };
    await lockOwner(tx, owner);
    const where = and(eq(channelPreferences.personId, personId), eq(channelPreferences.topic, topic));
    const [before] = await tx.db.delete(channelPreferences).where(where).returning();
    if (!before) {
      throw new AppError("not_found", `The person has no channel preference for ${topic}`, {
        fields: [{ field: "topic", code: "not_found", message: "No preference is kept for this topic" }],
      });
    }
    await touchOwner(tx, owner);
    await recordAudit(tx, {
      action: "channel_preference.remove",
      entity: "person",
      entityId: personId,
      before,
      after: null,
    });
  });
}
