import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { emitEvent } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { parseInput } from "../../kernel/validate";
import { insertEmails, normalizeEmails } from "./contact-points";
import { ZEmailInput, ZSourceInput } from "./inputs";
import { sourceOf } from "./lineage";
import { lockOwner, ownerColumns, type TOwnerRef, touchOwner } from "./owner-ref";
import { emails } from "./schema";

export const ZAddEmailInput = ZEmailInput.extend({ source: ZSourceInput.optional() });
export const CONTACT_POINT_CHANGED = "contact_point.changed";

/** Adds an e-mail; an address the record already has is not added twice. */
export async function addEmail(ctx: Ctx, owner: TOwnerRef, input: z.input<typeof ZAddEmailInput>): Promise<void> {
  const data = parseInput(ZAddEmailInput, input);
  await withTransaction(ctx, async (tx) => {
    await lockOwner(tx, owner);
    const errors = new FieldErrors();
    const [email] = normalizeEmails([data], "emails", errors);
    errors.throwIfAny();
    if (!email) return;
    const columns = ownerColumns(owner);
    const ownerColumn = owner.entity === "person" ? emails.personId : emails.organizationId;
    const existing = await tx.db
      .select({ id: emails.id, canonical: emails.canonical })
      .from(emails)
      .where(and(eq(ownerColumn, owner.id), isNull(emails.removedAt)));
    if (existing.some((row) => row.canonical === email.canonical)) return;
    email.isPrimary = data.isPrimary ?? existing.length === 0;
    if (email.isPrimary) {
      await tx.db
        .update(emails)
        .set({ isPrimary: false })
        .where(and(eq(ownerColumn, owner.id), isNull(emails.removedAt)));
    }
    await insertEmails(tx, columns, [email], sourceOf(tx, data.source));
    await touchOwner(tx, owner);
    await recordAudit(tx, { action: "email.add", entity: owner.entity, entityId: owner.id, after: email });
    await emitEvent(tx, CONTACT_POINT_CHANGED, { ...owner, kind: "email", change: "added" });
  });
}
