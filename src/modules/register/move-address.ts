import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { parseInput } from "../../kernel/validate";
import { CONTACT_POINT_CHANGED } from "./add-email";
import { addressClosings } from "./address-closings";
import { insertAddress } from "./contact-points";
import { ZAddressInput, ZSourceInput } from "./inputs";
import { sourceOf } from "./lineage";
import { normalizeAddress } from "./normalize";
import { lockOwner, ownerColumns, type TOwnerRef, touchOwner } from "./owner-ref";
import { addresses } from "./schema";

export const ZMoveAddressInput = ZAddressInput.extend({ source: ZSourceInput.optional() });

/**
 * Registers a new address of a kind. The current one of that kind is closed at the moving date,
 * never overwritten, so the history says where the customer lived when.
 */
export async function moveAddress(
  ctx: Ctx,
  owner: TOwnerRef,
  input: z.input<typeof ZMoveAddressInput>,
): Promise<{ addressId: string }> {
  const data = parseInput(ZMoveAddressInput, input);
  return withTransaction(ctx, async (tx) => {
    await lockOwner(tx, owner);
    const errors = new FieldErrors();
    const address = normalizeAddress(data, "address", errors);
    errors.throwIfAny();
    if (!address) throw new Error("unreachable: address without errors");
    const now = tx.clock.now();
    const ownerColumn = owner.entity === "person" ? addresses.personId : addresses.organizationId;
    const current = await tx.db
      .select()
      .from(addresses)
      .where(and(eq(ownerColumn, owner.id), eq(addresses.kind, address.kind), isNull(addresses.validTo)));
    const closings = addressClosings(current, address.validFrom ?? now, now);
    if (closings instanceof AppError) throw closings;
    for (const { id, validTo } of closings) {
      await tx.db.update(addresses).set({ validTo }).where(eq(addresses.id, id));
    }
    const addressId = await insertAddress(tx, ownerColumns(owner), address, sourceOf(tx, data.source));
    await touchOwner(tx, owner);
    await recordAudit(tx, {
      action: "address.move",
      entity: owner.entity,
      entityId: owner.id,
      before: current,
      after: { id: addressId, ...address },
    });
    await emitEvent(tx, CONTACT_POINT_CHANGED, { ...owner, kind: "address", change: "moved" });
    return { addressId };
  });
}
