import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { emitEvent } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { parseInput } from "../../kernel/validate";
import { CONTACT_POINT_CHANGED } from "./add-email";
import { insertPhones, normalizePhones } from "./contact-points";
import { ZPhoneInput, ZSourceInput } from "./inputs";
import { sourceOf } from "./lineage";
import { lockOwner, ownerColumns, type TOwnerRef, touchOwner } from "./owner-ref";
import { phones } from "./schema";

export const ZAddPhoneInput = ZPhoneInput.extend({ source: ZSourceInput.optional() });

/** Adds a phone, normalised to E.164; a number the record already has is not added twice. */
export async function addPhone(ctx: Ctx, owner: TOwnerRef, input: z.input<typeof ZAddPhoneInput>): Promise<void> {
  const data = parseInput(ZAddPhoneInput, input);
  await withTransaction(ctx, async (tx) => {
    await lockOwner(tx, owner);
    const errors = new FieldErrors();
    const [phone] = normalizePhones([data], "phones", errors);
    errors.throwIfAny();
    if (!phone) return;
    const ownerColumn = owner.entity === "person" ? phones.personId : phones.organizationId;
    const existing = await tx.db
      .select({ e164: phones.e164 })
      .from(phones)
      .where(and(eq(ownerColumn, owner.id), isNull(phones.removedAt)));
    if (existing.some((row) => row.e164 === phone.e164)) return;
    phone.isPrimary = data.isPrimary ?? existing.length === 0;
    if (phone.isPrimary) {
      await tx.db
        .update(phones)
        .set({ isPrimary: false })
        .where(and(eq(ownerColumn, owner.id), isNull(phones.removedAt)));
    }
    await insertPhones(tx, ownerColumns(owner), [phone], sourceOf(tx, data.source));
    await touchOwner(tx, owner);
    await recordAudit(tx, { action: "phone.add", entity: owner.entity, entityId: owner.id, after: phone });
    await emitEvent(tx, CONTACT_POINT_CHANGED, { ...owner, kind: "phone", change: "added" });
  });
}
