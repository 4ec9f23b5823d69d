import { and, desc, eq, gt } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { parseInput } from "../../kernel/validate";
import { ZConsentInput } from "./inputs";
import { lineageColumns, sourceOf } from "./lineage";
import { lockOwner, touchOwner } from "./owner-ref";
import { consents } from "./schema";

export const CONSENT_CHANGED = "consent.changed";

/**
 * Appends a consent decision. The one that counts per purpose and channel is the one recorded
 * last (`recordedAt`, the server's clock), never the one that claims the latest time: the
 * sender's `source.receivedAt` says when the customer gave it, for the history, and a grant dated
 * ahead or back can therefore not outrank a withdrawal recorded after it. A grant the customer
 * gave before a withdrawal the register already holds is refused: recorded last, it would revive
 * a consent the customer had since taken back.
 */
export async function recordConsent(ctx: Ctx, personId: string, input: z.input<typeof ZConsentInput>): Promise<void> {
  const data = parseInput(ZConsentInput, input);
  await withTransaction(ctx, async (tx) => {
    const owner = { entity: "person" as const, id: personId };
    await lockOwner(tx, owner);
    const source = sourceOf(tx, data.source);
    if (data.status === "granted") await refuseGrantOlderThanWithdrawal(tx, personId, data, source.receivedAt);
    const row = {
      id: newId(tx),
      personId,
      purpose: data.purpose,
      channel: data.channel,
      status: data.status,
      recordedAt: tx.clock.now(),
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

async function refuseGrantOlderThanWithdrawal(
  ctx: Ctx,
  personId: string,
  decision: Pick<z.output<typeof ZConsentInput>, "purpose" | "channel">,
  givenAt: string,
): Promise<void> {
  const [withdrawal] = await ctx.db
    .select({ givenAt: consents.sourceReceivedAt })
    .from(consents)
    .where(
      and(
        eq(consents.personId, personId),
        eq(consents.purpose, decision.purpose),
        eq(consents.channel, decision.channel),
        eq(consents.status, "withdrawn"),
        gt(consents.sourceReceivedAt, new Date(givenAt)),
      ),
    )
    .orderBy(desc(consents.sourceReceivedAt))
    .limit(1);
  if (!withdrawal) return;
  throw new AppError("conflict", "The customer withdrew this consent after this grant was given", {
    fields: [
      {
        field: "source.receivedAt",
        code: "before_withdrawal",
        message: `The customer withdrew ${decision.purpose} by ${decision.channel} at ${withdrawal.givenAt.toISOString()}, after this grant`,
      },
    ],
  });
}
