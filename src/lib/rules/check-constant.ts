import type { FieldDef } from "./field-def";
import { parseDay } from "./parse-day";
import { parseTimestamp } from "./parse-timestamp";

// PostgreSQL text cannot hold NUL or lone surrogates, so such a constant could never agree.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Why a constant does not fit the field, or null when it does. `choices` is false for
 * contains/starts_with, where a fragment of a choice is the point.
 */
export function checkConstant(def: FieldDef, value: unknown, choices: boolean): string | null {
  switch (def.type) {
    case "number":
    case "kronor":
      return typeof value === "number" && Number.isFinite(value) ? null : "Needs a number";
    case "text":
    case "choice": {
      if (typeof value !== "string") return "Needs text";
      if (value.includes("\u0000") || LONE_SURROGATE.test(value))
        return "Text cannot contain NUL or unpaired surrogate characters";
      if (choices && def.type === "choice" && def.choices && !def.choices.includes(value)) {
        return `"${value}" is not one of: ${def.choices.join(", ")}`;
      }
      return null;
    }
    case "boolean":
      return typeof value === "boolean" ? null : "Needs true or false";
    case "date":
      return typeof value === "string" && parseDay(value) !== null ? null : "Needs a date as YYYY-MM-DD";
    case "timestamp":
      return typeof value === "string" && parseTimestamp(value) !== null
        ? null
        : "Needs a timestamp with an offset, e.g. 2024-05-01T08:00:00Z";
  }
}

/** A valid constant's position for ordering the ends of `between`. */
export function rankOf(def: FieldDef, value: unknown): number {
  if (def.type === "date") return parseDay(value as string) ?? Number.NaN;
  if (def.type === "timestamp") return parseTimestamp(value as string) ?? Number.NaN;
  return value as number;
}
