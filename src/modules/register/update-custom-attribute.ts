import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/types";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { FieldErrors } from "../../kernel/field-errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import {
  assertLabelFree,
  choiceKey,
  duplicateChoicesMessage,
  repeatedChoices,
  type TCustomAttribute,
  type TCustomEntity,
  toCustomAttribute,
  zChoice,
  zDescription,
  zLabel,
} from "./custom-attribute-definition";
import { customAttributes, organizations, people } from "./schema";

const IMMUTABLE = ["key", "type", "entity"] as const;

export const ZUpdateCustomAttributeInput = z
  .strictObject({
    label: zLabel().optional(),
    description: zDescription().nullable().optional(),
    required: z.boolean().optional(),
    retired: z.boolean().optional().describe("true retires the attribute, false restores it"),
    choices: z
      .array(z.union([zChoice(), z.strictObject({ from: zChoice(), to: zChoice() })]))
      .min(1)
      .max(200)
      .optional()
      .describe(
        "The whole new list, in order: a choice as text keeps or adds it; { from, to } renames one, and the values stored with it. A choice left out is removed, which is refused while records hold it.",
      ),
    // Named so that a request changing them is told why, rather than that the field is unknown.
    key: z.unknown().optional().describe("Cannot change (immutable)"),
    type: z.unknown().optional().describe("Cannot change (immutable)"),
    entity: z.unknown().optional().describe("Cannot change (immutable)"),
  })
  .superRefine((input, ctx) => {
    for (const field of IMMUTABLE) {
      if (input[field] !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `An attribute's ${field} cannot change; define a new attribute instead`,
          params: { code: "immutable" },
        });
      }
    }
  });
export type TUpdateCustomAttributeInput = z.input<typeof ZUpdateCustomAttributeInput>;

/** The attribute as changed, and the choices renamed (old spelling → new), for rules to follow. */
export interface TCustomAttributeChange {
  attribute: TCustomAttribute;
  renamedChoices: ReadonlyMap<string, string>;
}

interface ChoicePlan {
  choices: string[];
  /** Old spelling to new, for stored values. */
  renames: Map<string, string>;
  removed: string[];
}

/** Reads the new list against the old: which choices stay, which are renamed, which go. */
function planChoices(
  old: readonly string[],
  entries: NonNullable<z.output<typeof ZUpdateCustomAttributeInput>["choices"]>,
  errors: FieldErrors,
): ChoicePlan {
  const oldByKey = new Map(old.map((choice) => [choiceKey(choice), choice]));
  const used = new Set<string>();
  const renames = new Map<string, string>();
  const choices: string[] = [];
  entries.forEach((entry, index) => {
    const from = typeof entry === "string" ? entry : entry.from;
    const to = typeof entry === "string" ? entry : entry.to;
    const previous = oldByKey.get(choiceKey(from));
    if (typeof entry !== "string" && previous === undefined) {
      errors.add(`choices.${index}.from`, "unknown_choice", `"${from}" is not one of the choices: ${old.join(", ")}`);
      return;
    }
    if (previous !== undefined) {
      if (used.has(previous)) {
        errors.add(`choices.${index}`, "duplicate_choice", `"${previous}" is named twice`);
        return;
      }
      used.add(previous);
      if (previous !== to) renames.set(previous, to);
    }
    choices.push(to);
  });
  const repeated = repeatedChoices(choices);
  if (repeated.length > 0) errors.add("choices", "duplicate_choice", duplicateChoicesMessage(repeated));
  return { choices, renames, removed: old.filter((choice) => !used.has(choice)) };
}

const tableOf = (entity: TCustomEntity) => (entity === "person" ? people : organizations);

/** How many records hold the choice, compared as values are matched: trimmed, in any case. */
async function countHolding(db: Db, entity: TCustomEntity, key: string, choice: string): Promise<number> {
  const table = tableOf(entity);
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(table)
    .where(sql`lower(btrim(${table.custom} ->> ${key})) = lower(btrim(${choice}))`);
  return row?.count ?? 0;
}

/**
 * Renames the stored values in one statement, so that swapped choices (A→B with B→A) swap
 * rather than merge. Returns how many records each old spelling had.
 */
async function renameValues(
  db: Db,
  entity: TCustomEntity,
  key: string,
  renames: ReadonlyMap<string, string>,
): Promise<Record<string, { to: string; records: number }>> {
  if (renames.size === 0) return {};
  const table = tableOf(entity);
  const value = sql`lower(btrim(${table.custom} ->> ${key}))`;
  const entries = [...renames];
  const cases = sql.join(
    entries.map(([from, to]) => sql`when lower(btrim(${from}::text)) then ${to}::text`),
    sql` `,
  );
  const froms = sql.join(
    entries.map(([from]) => sql`lower(btrim(${from}::text))`),
    sql`, `,
  );
  const renamed = await db
    .update(table)
    .set({ custom: sql`jsonb_set(${table.custom}, array[${key}::text], to_jsonb(case ${value} ${cases} end))` })
    .where(sql`${value} in (${froms})`)
    .returning({ value: sql<string>`${table.custom} ->> ${key}` });
  const result: Record<string, { to: string; records: number }> = {};
  for (const [from, to] of entries) {
    result[from] = { to, records: renamed.filter((row) => row.value === to).length };
  }
  return result;
}

/**
 * Changes what an admin may change of an attribute: label, description, required, choices, and
 * whether it is retired. Its key and type stay, so stored values keep their meaning. A renamed
 * choice renames the values stored with it in the same transaction; a choice some record holds
 * cannot be removed (rename it into another spelling or clear those values first).
 */
export async function updateCustomAttribute(
  ctx: Ctx,
  id: string,
  input: TUpdateCustomAttributeInput,
): Promise<TCustomAttributeChange> {
  authorize(ctx.actor, "access", "write");
  const data = parseInput(ZUpdateCustomAttributeInput, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(customAttributes).where(eq(customAttributes.id, id)).for("update");
    if (!row) throw notFound("custom attribute", id);
    const before = toCustomAttribute(row);
    const errors = new FieldErrors();
    let plan: ChoicePlan | null = null;
    if (data.choices !== undefined) {
      if (row.type !== "choice") {
        errors.add(
          "choices",
          "not_a_choice_attribute",
          `Only a choice attribute has choices; ${row.key} is ${row.type}`,
        );
      } else {
        plan = planChoices(row.choices ?? [], data.choices, errors);
      }
    }
    errors.throwIfAny();
    if (data.label !== undefined && data.label !== row.label) await assertLabelFree(tx.db, row.entity, data.label, id);
    if (plan) {
      const held: string[] = [];
      for (const choice of plan.removed) {
        const count = await countHolding(tx.db, row.entity, row.key, choice);
        if (count > 0) held.push(`"${choice}" (${count})`);
      }
      if (held.length > 0) {
        const message = `Records hold ${held.join(", ")}: rename the choice instead, or change those records first`;
        throw new AppError("conflict", message, {
          fields: [{ field: "choices", code: "choice_in_use", message }],
        });
      }
    }
    const renamedValues = await renameValues(tx.db, row.entity, row.key, plan?.renames ?? new Map());
    const now = tx.clock.now();
    const retiredAt = data.retired === undefined ? row.retiredAt : data.retired ? (row.retiredAt ?? now) : null;
    const [updated] = await tx.db
      .update(customAttributes)
      .set({
        ...(data.label !== undefined ? { label: data.label } : {}),
        ...(data.description !== undefined ? { description: data.description || null } : {}),
        ...(data.required !== undefined ? { required: data.required } : {}),
        ...(plan ? { choices: plan.choices } : {}),
        retiredAt,
        updatedAt: now,
      })
      .where(eq(customAttributes.id, id))
      .returning();
    if (!updated) throw notFound("custom attribute", id);
    const after = toCustomAttribute(updated);
    const action =
      before.retired === after.retired
        ? "custom_attribute.update"
        : after.retired
          ? "custom_attribute.retire"
          : "custom_attribute.restore";
    await recordAudit(tx, {
      action,
      entity: "custom_attribute",
      entityId: id,
      before,
      after: Object.keys(renamedValues).length > 0 ? { ...after, renamedValues } : after,
    });
    return { attribute: after, renamedChoices: plan?.renames ?? new Map() };
  });
}
