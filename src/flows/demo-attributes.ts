import type { Ctx } from "../kernel/ctx";
import { defineCustomAttribute, listCustomAttributes } from "../modules/register";

type TDemoAttribute = Parameters<typeof defineCustomAttribute>[1];

/** What a Swedish shop would keep beyond the register's own fields, on people and companies. */
const DEMO_ATTRIBUTES: TDemoAttribute[] = [
  {
    entity: "person",
    key: "kundniva",
    label: "Kundnivå",
    description: "Efter köpen de senaste två åren",
    type: "choice",
    choices: ["Brons", "Silver", "Guld"],
  },
  { entity: "person", key: "kundklubb", label: "Med i kundklubben", type: "boolean" },
  { entity: "organization", key: "kreditgrans", label: "Kreditgräns", type: "kronor" },
  { entity: "organization", key: "ramavtal_till", label: "Ramavtal gäller till", type: "date" },
];

/** Defines the demo's custom attributes that are not there yet. */
export async function defineDemoAttributes(ctx: Ctx): Promise<void> {
  for (const attribute of DEMO_ATTRIBUTES) {
    const existing = await listCustomAttributes(ctx, attribute.entity, { includeRetired: true });
    if (existing.some((defined) => defined.key === attribute.key)) continue;
    await defineCustomAttribute(ctx, attribute);
  }
}
