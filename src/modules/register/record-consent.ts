import type { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { emitEvent } from "../../kernel/events";
import { parseInput } from "../../kernel/validate";
import { ZConsentInput } from "./inputs";
import { lineageColumns, sourceOf } from "./lineage";
import { lockOwner, touchOwner } from "./owner-ref";
import { consents } from "./schema";

export const CONSENT_CHANGED = "consent.changed";

/** Appends a consent decision; the newest per purpose and channel is the one that counts. */
export async function recordConsent(ctx: Ctx, personId: string, input: z.input<typeof ZConsentInput>): Promise<void> {
  const data = parseInput(ZConsentInput, input);
  await withTransaction(ctx, async (tx) => {
    const owner = { entity: "person" as const, id: personId };
    await lockOwner(tx, owner);
    const source = sourceOf(tx, data.source);
    const row = {
      id: newId(tx),
      personId,
      purpose: data.purpose,
      channel: data.channel,
      status: data.status,
      recordedAt: new Date(source.receivedAt),
      note: data.note ?? null,
      ...lineageColumns(source),
    };
    await tx.db.insert(consents).values(row);
    await touchOwner(tx, owner);
    await recordAudit(tx, { action: "consent.record", entity: "person", entityId: personId, after: row });
    await emitEvent(tx, CONSENT_CHANGED, {
      personId,
      purpose: data.purpose,
      channel: data.channel,
      status: data.status,
    });
  });
}
