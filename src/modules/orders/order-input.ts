import { z } from "zod";
import { ZSourceRecord, zInstant } from "../../kernel/validate";
import { ORDER_STATUSES } from "./schema";

export const ZOrderLineInput = z.strictObject({
  sku: z.string().max(100).nullish(),
  description: z.string().trim().min(1).max(500),
  quantity: z.number().positive().max(1_000_000),
  unitPriceSek: z.number().min(-10_000_000).max(100_000_000),
});

const MIN_TOTAL_SEK = -100_000_000;
const MAX_TOTAL_SEK = 10_000_000_000;

/**
 * Kronor to the öre: the number's shortest spelling has at most two decimals. The total is kept
 * to the öre, so 1.555 would be stored as 1.56 and then differ from the 1.555 of every later
 * import of the same file, an update each time.
 */
const toTheOre = (value: number) => /^-?\d+(\.\d{1,2})?$/.test(String(value));

/** The order's total from its lines, to the öre. */
export const linesTotal = (lines: ReadonlyArray<{ quantity: number; unitPriceSek: number }>) =>
  Math.round(lines.reduce((sum, line) => sum + line.quantity * line.unitPriceSek, 0) * 100) / 100;

export const ZRecordOrderInput = z
  .strictObject({
    personId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    number: z.string().trim().max(100).optional(),
    status: z.enum(ORDER_STATUSES).default("open"),
    totalSek: z
      .number()
      .min(MIN_TOTAL_SEK, "At least -100 000 000 kr")
      .max(MAX_TOTAL_SEK, "At most 10 000 000 000 kr")
      .refine(toTheOre, { message: "At most two decimals (öre)", params: { code: "too_many_decimals" } })
      .optional(),
    orderedAt: zInstant().optional(),
    lines: z.array(ZOrderLineInput).max(1_000).default([]),
    source: ZSourceRecord.optional(),
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
