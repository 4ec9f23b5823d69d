import { eq } from "drizzle-orm";
import { z } from "zod";
import { actingUserId } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { computedTraits, TRAIT_AGGREGATES, TRAIT_FILTER_OPS } from "./schema";
import { forgetTraitDefinitions } from "./trait-definitions";

export const COMPUTED_TRAIT_DEFINED = "tracking.computed_trait_defined";

const ZPropertyPath = z
  .string()
  .trim()
  .max(200)
  .regex(/^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*){0,4}$/, "A property name, or a dotted path such as order.total");

export const ZTraitFilter = z.strictObject({
  property: ZPropertyPath,
  op: z.enum(TRAIT_FILTER_OPS),
  value: z
    .union([z.string().max(200), z.number(), z.boolean(), z.array(z.union([z.string().max(200), z.number()])).max(50)])
    .optional(),
});

export const ZDefineComputedTraitInput = z
  .strictObject({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,62}$/, "Lower-case letters, digits and _ such as page_views_30d"),
    label: z.string().trim().min(1).max(200),
    eventType: z.enum(["track", "page", "screen"]),
    eventName: z.string().trim().min(1).max(200).nullish(),
    filters: z.array(ZTraitFilter).max(10).default([]),
    aggregate: z.enum(TRAIT_AGGREGATES),
    property: ZPropertyPath.nullish(),
    windowDays: z.number().int().min(1).max(730),
  })
  .superRefine((value, issue) => {
    if (value.aggregate !== "count" && !value.property) {
      issue.addIssue({
        code: "custom",
        path: ["property"],
        message: `A ${value.aggregate} needs the property to aggregate`,
      });
    }
    for (const [index, filter] of value.filters.entries()) {
      if (filter.op !== "exists" && filter.value === undefined) {
        issue.addIssue({ code: "custom", path: ["filters", index, "value"], message: "This comparison needs a value" });
      }
      if (filter.op === "in" && !Array.isArray(filter.value)) {
        issue.addIssue({ code: "custom", path: ["filters", index, "value"], message: "in needs a list of values" });
      }
    }
  });

export const ZComputedTrait = z.object({
  id: z.uuid(),
  key: z.string(),
  label: z.string(),
  eventType: z.enum(["track", "page", "screen"]),
  eventName: z.string().nullable(),
  filters: z.array(ZTraitFilter),
  aggregate: z.enum(TRAIT_AGGREGATES),
  property: z.string().nullable(),
  windowDays: z.number().int(),
  createdAt: z.date(),
  backfilledAt: z.date().nullable(),
});
export type TComputedTrait = z.infer<typeof ZComputedTrait>;

/**
 * Defines a windowed per-person aggregate, e.g. complaint calls in 90 days. Events ingested from
 * now on are folded in as they arrive; the retained past is filled in by `backfillComputedTrait`.
 */
export async function defineComputedTrait(
  ctx: Ctx,
  input: z.input<typeof ZDefineComputedTraitInput>,
): Promise<TComputedTrait> {
  authorize(ctx.actor, "events", "write");
  const data = parseInput(ZDefineComputedTraitInput, input);
  return withTransaction(ctx, async (tx) => {
    const [taken] = await tx.db
      .select({ id: computedTraits.id })
      .from(computedTraits)
      .where(eq(computedTraits.key, data.key));
    if (taken) {
      throw new AppError("already_exists", `A computed trait ${data.key} exists`, {
        fields: [{ field: "key", code: "taken", message: "This key is taken" }],
      });
    }
    const trait: TComputedTrait = {
      id: newId(tx),
      key: data.key,
      label: data.label,
      eventType: data.eventType,
      eventName: data.eventName ?? null,
      filters: data.filters,
      aggregate: data.aggregate,
      property: data.aggregate === "count" ? null : (data.property ?? null),
      windowDays: data.windowDays,
      createdAt: tx.clock.now(),
      backfilledAt: null,
    };
    await tx.db.insert(computedTraits).values({ ...trait, createdBy: actingUserId(tx.actor) });
    await recordAudit(tx, {
      action: "computed_trait.define",
      entity: "computed_trait",
      entityId: trait.id,
      after: trait,
    });
    await emitEvent(tx, COMPUTED_TRAIT_DEFINED, { traitId: trait.id, key: trait.key });
    tx.afterCommit.push(() => forgetTraitDefinitions(ctx));
    return trait;
  });
}
