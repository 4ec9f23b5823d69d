import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/types";
import { AppError } from "../../kernel/errors";
import { CUSTOM_ATTRIBUTE_TYPES, customAttributes } from "./schema";

export const CUSTOM_ENTITIES = ["person", "organization"] as const;
export type TCustomEntity = (typeof CUSTOM_ENTITIES)[number];

export const ZCustomAttribute = z.object({
  id: z.uuid(),
  entity: z.enum(CUSTOM_ENTITIES),
  key: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  type: z.enum(CUSTOM_ATTRIBUTE_TYPES),
  choices: z.array(z.string()).nullable(),
  required: z.boolean(),
  /** A retired attribute is left out of forms and lists; its values are kept. */
  retired: z.boolean(),
  retiredAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date().nullable(),
});
export type TCustomAttribute = z.infer<typeof ZCustomAttribute>;

export const zChoice = () => z.string().trim().min(1).max(100);
export const zLabel = () => z.string().trim().min(1).max(100);
export const zDescription = () => z.string().trim().max(500);

type Row = typeof customAttributes.$inferSelect;

export function toCustomAttribute(row: Row): TCustomAttribute {
  return { ...row, retired: row.retiredAt !== null };
}

/** Choices are told apart as people read them: trimmed, in any case. */
export const choiceKey = (choice: string) => choice.trim().normalize("NFC").toLocaleLowerCase("sv");

/** The positions of choices that repeat an earlier one ("Ja", "ja"). */
export function repeatedChoices(choices: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const choice of choices) {
    const key = choiceKey(choice);
    if (seen.has(key)) repeated.push(choice);
    seen.add(key);
  }
  return repeated;
}

export const duplicateChoicesMessage = (repeated: readonly string[]) =>
  `Each choice may appear once (in any case): ${repeated.map((choice) => `"${choice}"`).join(", ")} repeats`;

/**
 * Two attributes of one entity with one label could not be told apart in a form, a list or a
 * person's data export. Retired ones count too, so one can always be restored.
 */
export async function assertLabelFree(db: Db, entity: TCustomEntity, label: string, exceptId?: string) {
  const [clash] = await db
    .select({ key: customAttributes.key })
    .from(customAttributes)
    .where(
      and(
        eq(customAttributes.entity, entity),
        sql`lower(btrim(${customAttributes.label})) = lower(btrim(${label}))`,
        exceptId ? ne(customAttributes.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (clash) {
    throw new AppError("already_exists", `The ${entity} attribute ${clash.key} already has the label ${label}`, {
      fields: [{ field: "label", code: "taken", message: `The attribute ${clash.key} already has this label` }],
      extra: { key: clash.key },
    });
  }
}
