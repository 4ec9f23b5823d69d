import type { FieldType } from "./field-def";
import { formatDay } from "./format-day";

/** A normalised field value as plain JSON: day numbers and epoch milliseconds become ISO text. */
export function displayValue(type: FieldType, normalised: unknown): unknown {
  if (normalised === null || normalised === undefined) return null;
  if (type === "date") return formatDay(normalised as number);
  if (type === "timestamp") return new Date(normalised as number).toISOString();
  return normalised;
}
