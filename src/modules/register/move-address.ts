import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { parseInput } from "../../kernel/validate";
import { CONTACT_POINT_CHANGED } from "./add-email";
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
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

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
    const movedAt = address.validFrom ?? now;
    // The register says where the customer lives now and lived before; a move that has not
    // happened yet would send today's letters to an address they have not moved to.
    if (movedAt.getTime() > now.getTime() + ONE_DAY_MS) {
      throw new AppError("validation_failed", "The moving date is in the future", {
        fields: [
          {
            field: "validFrom",
            code: "in_future",
            message: "Register the move on or after the moving date",
          },
        ],
      });
    }
    const ownerColumn = owner.entity === "person" ? addresses.personId : addresses.organizationId;
    const current = await tx.db
      .select()
      .from(addresses)
      .where(and(eq(ownerColumn, owner.id), eq(addresses.kind, address.kind), isNull(addresses.validTo)));
    for (const old of current) {
      // An address whose start is only when the register learnt of it (an import, the demo, an
      // entry without a moving date) says nothing of when the customer moved in: a move dated
      // before that is news that the customer had already left it, so it closes at its own start.
      if (old.validFrom > movedAt && !old.validFromStated) {
        await tx.db.update(addresses).set({ validTo: old.validFrom }).where(eq(addresses.id, old.id));
        continue;
      }
      if (old.validFrom > movedAt) {
        throw new AppError("validation_failed", "The new address would start before the current one", {
          fields: [
            {
              field: "validFrom",
              code: "before_current",
              message: `The current address is valid from ${old.validFrom.toISOString()}`,
            },
          ],
        });
      }
      await tx.db.update(addresses).set({ validTo: movedAt }).where(eq(addresses.id, old.id));
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
