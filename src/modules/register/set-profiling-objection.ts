import { eq } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { emitEvent } from "../../kernel/events";
import { lockOwner } from "./owner-ref";
import { people } from "./schema";

export const PROFILING_OBJECTION_CHANGED = "person.profiling_objection_changed";

/**
 * Records (or lifts) a person's objection to profiling (GDPR art. 21). Rules, scoring and
 * personalisation read the flag and leave such a person out of every automated profile.
 */
export async function setProfilingObjection(ctx: Ctx, personId: string, objects: boolean): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    await lockOwner(tx, { entity: "person", id: personId });
    const now = tx.clock.now();
    await tx.db
      .update(people)
      .set({ profilingObjection: objects, profilingObjectionAt: objects ? now : null, updatedAt: now })
      .where(eq(people.id, personId));
    await recordAudit(tx, {
      action: objects ? "privacy.profiling_objection" : "privacy.profiling_objection_lifted",
      entity: "person",
      entityId: personId,
      after: { profilingObjection: objects, at: now },
    });
    await emitEvent(tx, PROFILING_OBJECTION_CHANGED, { personId, objects });
  });
}
