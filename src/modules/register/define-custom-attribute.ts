import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import {
  assertLabelFree,
  CUSTOM_ENTITIES,
  duplicateChoicesMessage,
  repeatedChoices,
  type TCustomAttribute,
  toCustomAttribute,
  zChoice,
  zDescription,
  zLabel,
} from "./custom-attribute-definition";
import { buildCustomSortIndex, ensureCustomSortIndex } from "./custom-sort-index";
import { CUSTOM_ATTRIBUTE_TYPES, customAttributes } from "./schema";

// Kept for the modules that took the type from here.
export type { TCustomAttribute } from "./custom-attribute-definition";

export const ZDefineCustomAttributeInput = z
  .strictObject({
    entity: z.enum(CUSTOM_ENTITIES),
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Lower-case letters, digits and _, starting with a letter"),
    label: zLabel(),
    description: zDescription().optional(),
    type: z.enum(CUSTOM_ATTRIBUTE_TYPES),
    choices: z.array(zChoice()).max(200).optional(),
    required: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    if (input.type === "choice") {
      if ((input.choices?.length ?? 0) === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["choices"],
          message: "A choice attribute needs its choices",
          params: { code: "required" },
        });
      }
      const repeated = repeatedChoices(input.choices ?? []);
      if (repeated.length > 0) {
        ctx.addIssue({
          code: "custom",
          path: ["choices"],
          message: duplicateChoicesMessage(repeated),
          params: { code: "duplicate_choice" },
        });
      }
    } else if (input.choices !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["choices"],
        message: `Only a choice attribute has choices; a ${input.type} attribute has none`,
        params: { code: "not_a_choice_attribute" },
      });
    }
  });

/** Admins define typed attributes per entity; values are then validated on every write. */
export async function defineCustomAttribute(
  ctx: Ctx,
  input: z.input<typeof ZDefineCustomAttributeInput>,
): Promise<TCustomAttribute> {
  authorize(ctx.actor, "access", "write");
  const data = parseInput(ZDefineCustomAttributeInput, input);
  const attribute = await withTransaction(ctx, async (tx) => {
    const [existing] = await tx.db
      .select({ id: customAttributes.id, retiredAt: customAttributes.retiredAt })
      .from(customAttributes)
      .where(and(eq(customAttributes.entity, data.entity), eq(customAttributes.key, data.key)));
    if (existing) {
      // A retired attribute still holds its values under the key: a new one would take them over.
      const retired = existing.retiredAt !== null;
      throw new AppError("already_exists", `The ${data.entity} attribute ${data.key} already exists`, {
        fields: [
          {
            field: "key",
            code: retired ? "taken_by_retired" : "taken",
            message: retired
              ? "A retired attribute has this key and keeps its values; restore it instead"
              : "This key is already defined",
          },
        ],
        extra: { existingId: existing.id },
      });
    }
    await assertLabelFree(tx.db, data.entity, data.label);
    const now = tx.clock.now();
    const row = {
      id: newId(tx),
      entity: data.entity,
      key: data.key,
      label: data.label,
      description: data.description || null,
      type: data.type,
      choices: data.type === "choice" ? (data.choices ?? []) : null,
      required: data.required,
      retiredAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.db.insert(customAttributes).values(row);
    // Within a caller's transaction the index is made with it; otherwise after the commit, below.
    if (ctx.inTransaction) await ensureCustomSortIndex(tx.db, row);
    const attribute = toCustomAttribute(row);
    await recordAudit(tx, {
      action: "custom_attribute.define",
      entity: "custom_attribute",
      entityId: attribute.id,
      after: attribute,
    });
    return attribute;
  });
  if (!ctx.inTransaction) await buildCustomSortIndex(ctx, attribute);
  return attribute;
}
