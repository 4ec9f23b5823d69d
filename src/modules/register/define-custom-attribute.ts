import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { CUSTOM_ATTRIBUTE_TYPES, customAttributes } from "./schema";

export const ZDefineCustomAttributeInput = z
  .strictObject({
    entity: z.enum(["person", "organization"]),
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Lower-case letters, digits and _, starting with a letter"),
    label: z.string().trim().min(1).max(100),
    type: z.enum(CUSTOM_ATTRIBUTE_TYPES),
    choices: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
    required: z.boolean().default(false),
  })
  .refine((input) => input.type !== "choice" || (input.choices?.length ?? 0) > 0, {
    path: ["choices"],
    message: "A choice attribute needs its choices",
  });

export const ZCustomAttribute = z.object({
  id: z.uuid(),
  entity: z.enum(["person", "organization"]),
  key: z.string(),
  label: z.string(),
  type: z.enum(CUSTOM_ATTRIBUTE_TYPES),
  choices: z.array(z.string()).nullable(),
  required: z.boolean(),
  createdAt: z.date(),
});
export type TCustomAttribute = z.infer<typeof ZCustomAttribute>;

/** Admins define typed attributes per entity; values are then validated on every write. */
export async function defineCustomAttribute(
  ctx: Ctx,
  input: z.input<typeof ZDefineCustomAttributeInput>,
): Promise<TCustomAttribute> {
  authorize(ctx.actor, "access", "write");
  const data = parseInput(ZDefineCustomAttributeInput, input);
  return withTransaction(ctx, async (tx) => {
    const existing = await tx.db
      .select({ id: customAttributes.id })
      .from(customAttributes)
      .where(and(eq(customAttributes.entity, data.entity), eq(customAttributes.key, data.key)));
    if (existing.length > 0) {
      throw new AppError("already_exists", `The ${data.entity} attribute ${data.key} already exists`, {
        fields: [{ field: "key", code: "taken", message: "This key is already defined" }],
      });
    }
    const attribute: TCustomAttribute = {
      id: newId(tx),
      entity: data.entity,
      key: data.key,
      label: data.label,
      type: data.type,
      choices: data.type === "choice" ? (data.choices ?? []) : null,
      required: data.required,
      createdAt: tx.clock.now(),
    };
    await tx.db.insert(customAttributes).values(attribute);
    await recordAudit(tx, {
      action: "custom_attribute.define",
      entity: "custom_attribute",
      entityId: attribute.id,
      after: attribute,
    });
    return attribute;
  });
}
