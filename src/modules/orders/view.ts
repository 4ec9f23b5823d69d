import { z } from "zod";
import { ORDER_STATUSES, type orders } from "./schema";

export const ZOrder = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  organizationId: z.uuid().nullable(),
  number: z.string().nullable(),
  status: z.enum(ORDER_STATUSES),
  totalSek: z.number(),
  currency: z.string(),
  orderedAt: z.date(),
  lines: z.array(
    z.object({ sku: z.string().nullable(), description: z.string(), quantity: z.number(), unitPriceSek: z.number() }),
  ),
  sourceSystem: z.string(),
  externalId: z.string().nullable(),
  /** The seller who recorded it (none for imports by the system). */
  ownerId: z.uuid().nullable(),
});
export type TOrder = z.infer<typeof ZOrder>;

export function toOrderView(row: typeof orders.$inferSelect): TOrder {
  return {
    id: row.id,
    personId: row.personId,
    organizationId: row.organizationId,
    number: row.number,
    status: row.status,
    totalSek: Number(row.totalSek),
    currency: row.currency,
    orderedAt: row.orderedAt,
    lines: row.lines,
    sourceSystem: row.sourceSystem,
    externalId: row.externalId,
    ownerId: row.ownerId,
  };
}
