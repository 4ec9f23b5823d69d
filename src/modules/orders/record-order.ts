import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { emitEvent } from "../../kernel/events";
import { authorize } from "../../kernel/permissions";
import { parseInput, zInstant } from "../../kernel/validate";
import { assertMayWriteOrder, newOrderOwner } from "./order-access";
import { ORDER_STATUSES, orders } from "./schema";
import { type TOrder, toOrderView } from "./view";

export const ZOrderLineInput = z.strictObject({
  sku: z.string().max(100).nullish(),
  description: z.string().trim().min(1).max(500),
  quantity: z.number().positive().max(1_000_000),
  unitPriceSek: z.number().min(-10_000_000).max(100_000_000),
});

const MIN_TOTAL_SEK = -100_000_000;
const MAX_TOTAL_SEK = 10_000_000_000;

/** The order's total from its lines, to the öre. */
const linesTotal = (lines: ReadonlyArray<{ quantity: number; unitPriceSek: number }>) =>
  Math.round(lines.reduce((sum, line) => sum + line.quantity * line.unitPriceSek, 0) * 100) / 100;

export const ZRecordOrderInput = z
  .strictObject({
    personId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    number: z.string().trim().max(100).optional(),
    status: z.enum(ORDER_STATUSES).default("open"),
    totalSek: z.number().min(MIN_TOTAL_SEK).max(MAX_TOTAL_SEK).optional(),
    orderedAt: zInstant().optional(),
    lines: z.array(ZOrderLineInput).max(1_000).default([]),
    source: z
      .strictObject({
        system: z.string().regex(/^[a-z0-9][a-z0-9_.:-]{0,59}$/),
        externalId: z.string().min(1).max(200).optional(),
      })
      .optional(),
  })
  .refine((input) => input.personId || input.organizationId, {
    path: ["personId"],
    message: "An order belongs to a person or an organisation",
  })
  .refine((input) => input.totalSek !== undefined || input.lines.length > 0, {
    path: ["totalSek"],
    message: "Give the total or the order lines",
  })
  .refine(
    (input) => {
      const total = linesTotal(input.lines);
      return input.totalSek !== undefined || (total >= MIN_TOTAL_SEK && total <= MAX_TOTAL_SEK);
    },
    { path: ["lines"], message: "The lines add up to more than an order can hold (10 000 000 000 kr)" },
  );
export type TRecordOrderInput = z.input<typeof ZRecordOrderInput>;

export const ORDER_RECORDED = "order.recorded";

/**
 * Records an order, or updates it when the same source sends the same external id again: the
 * web shop or ERP is the master of its orders, and a re-import must not duplicate them.
 */
export async function recordOrder(ctx: Ctx, input: TRecordOrderInput): Promise<{ order: TOrder; created: boolean }> {
  authorize(ctx.actor, "sales", "write");
  const data = parseInput(ZRecordOrderInput, input);
  return withTransaction(ctx, async (tx) => {
    const sourceSystem = data.source?.system ?? (tx.actor.kind === "api_key" ? "api" : "web");
    const externalId = data.source?.externalId ?? null;
    const totalSek = data.totalSek ?? linesTotal(data.lines);
    const now = tx.clock.now();
    const values = {
      personId: data.personId ?? null,
      organizationId: data.organizationId ?? null,
      number: data.number ?? null,
      status: data.status,
      totalSek,
      orderedAt: data.orderedAt ?? now,
      lines: data.lines.map((line) => ({ ...line, sku: line.sku ?? null })),
      updatedAt: now,
    };
    const [existing] = externalId
      ? await tx.db
          .select()
          .from(orders)
          .where(and(eq(orders.sourceSystem, sourceSystem), eq(orders.externalId, externalId)))
          .for("update")
      : [];
    if (existing) {
      assertMayWriteOrder(tx, existing);
      const [after] = await tx.db.update(orders).set(values).where(eq(orders.id, existing.id)).returning();
      if (!after) throw new Error("order vanished inside its own transaction");
      await recordAudit(tx, {
        action: "order.update",
        entity: "order",
        entityId: existing.id,
        before: existing,
        after,
      });
      await emitEvent(tx, ORDER_RECORDED, {
        orderId: existing.id,
        personId: after.personId,
        status: after.status,
        totalSek,
        created: false,
      });
      return { order: toOrderView(after), created: false };
    }
    const row = {
      id: newId(tx),
      ...values,
      currency: "SEK",
      sourceSystem,
      externalId,
      ...newOrderOwner(tx.actor),
      createdAt: now,
    };
    await tx.db.insert(orders).values(row);
    await recordAudit(tx, { action: "order.create", entity: "order", entityId: row.id, after: row });
    await emitEvent(tx, ORDER_RECORDED, {
      orderId: row.id,
      personId: row.personId,
      status: row.status,
      totalSek,
      created: true,
    });
    return { order: toOrderView(row), created: true };
  });
}
