import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { actingUserId } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { sources } from "./schema";

export const ZCreateWriteKeyInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  kind: z.enum(["web", "app", "server"]).default("web"),
});

export const ZSource = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(["web", "app", "server"]),
  writeKeyPrefix: z.string(),
  createdAt: z.date(),
  revokedAt: z.date().nullable(),
});
export type TSource = z.infer<typeof ZSource>;

export const hashWriteKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** Creates a tracking source and returns its write key, in clear this once only. */
export async function createWriteKey(
  ctx: Ctx,
  input: z.input<typeof ZCreateWriteKeyInput>,
): Promise<{ source: TSource; writeKey: string }> {
  authorize(ctx.actor, "events", "write");
  const data = parseInput(ZCreateWriteKeyInput, input);
  // Segment write keys are plain alphanumerics; clients put them in Basic auth unchanged.
  const writeKey = `wk${randomBytes(24).toString("hex")}`;
  return withTransaction(ctx, async (tx) => {
    const source: TSource = {
      id: newId(tx),
      name: data.name,
      kind: data.kind,
      writeKeyPrefix: writeKey.slice(0, 8),
      createdAt: tx.clock.now(),
      revokedAt: null,
    };
    await tx.db
      .insert(sources)
      .values({ ...source, writeKeyHash: hashWriteKey(writeKey), createdBy: actingUserId(tx.actor) });
    await recordAudit(tx, { action: "source.create", entity: "source", entityId: source.id, after: source });
    return { source, writeKey };
  });
}
