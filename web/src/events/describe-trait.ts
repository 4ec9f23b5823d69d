import type { Messages } from "../i18n/sv";
import type { ComputedTrait, TraitFilter } from "./types";

function valueText(value: TraitFilter["value"]): string {
  if (Array.isArray(value)) return value.join(", ");
  return value === undefined ? "" : String(value);
}

function condition(filter: TraitFilter, t: Messages): string {
  const op = t.traits.ops[filter.op];
  return filter.op === "exists" ? `${filter.property} ${op}` : `${filter.property} ${op} ${valueText(filter.value)}`;
}

/** What a trait counts, in a sentence: "Summan av total i händelser ”Order Completed” där currency är lika med SEK". */
export function describeTrait(
  trait: Pick<ComputedTrait, "eventType" | "eventName" | "aggregate" | "property" | "filters">,
  t: Messages,
): string {
  const subject = t.traits.subjects[trait.eventType](trait.eventName);
  const property = trait.property ?? "";
  const measured =
    trait.aggregate === "count"
      ? t.traits.describe.count(subject)
      : t.traits.describe[trait.aggregate](property, subject);
  if (trait.filters.length === 0) return measured;
  return measured + t.traits.where(trait.filters.map((filter) => condition(filter, t)).join(t.traits.and));
}
