import type { Messages } from "../i18n/sv";
import type { FieldComparison } from "./types";

/**
 * The matcher words a level in English and, when it weighed a name or birth date as for two people
 * of one household (where a parent and child share them), says so at the end of the label; the
 * comparison has no field of its own for that. Both of its wordings are read:
 * "exact match, weighed as at one address" and "exact match (weighed as within one household)".
 */
const HOUSEHOLD_NOTE = /,?\s*\(?weighed as [^()]*\)?$/u;
/** The matcher shows a record's given names with the preferred one, as "Åsa Maria (called Åsa)". */
const CALLED = /\(called ([^)]+)\)/gu;

export interface ComparisonWords {
  field: string;
  level: string;
  /** The two values as the matcher compared them, "Asa ~ Åsa"; null when one side had none. */
  values: string | null;
  /** Weighed as for two people at one address. */
  household: boolean;
}

/** One field of a comparison in the reader's language, falling back to the matcher's own words. */
export function describeComparison(comparison: FieldComparison, t: Messages): ComparisonWords {
  const words = t.duplicates.comparison;
  const household = HOUSEHOLD_NOTE.test(comparison.label);
  const serverLevel = comparison.label.replace(HOUSEHOLD_NOTE, "");
  const shown = (value: string) => value.replace(CALLED, (_, name: string) => `(${words.called(name)})`);
  const { valueA, valueB } = comparison;
  return {
    field: words.fields[comparison.field] ?? comparison.field.replace(/_/g, " "),
    level:
      words.fieldLevels[`${comparison.field}.${comparison.level}`] ?? words.levels[comparison.level] ?? serverLevel,
    values:
      valueA === null || valueB === null
        ? null
        : valueA === valueB
          ? shown(valueA)
          : `${shown(valueA)} ~ ${shown(valueB)}`,
    household,
  };
}
