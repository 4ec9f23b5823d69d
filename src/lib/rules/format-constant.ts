import type { RelativeSpan } from "./condition";

const KEYWORDS = new Set(["and", "or", "not", "in", "is", "set", "between", "true", "false"]);
const BARE = /^[\p{L}\p{N}_][\p{L}\p{N}_.:+@-]*$/u;

/**
 * A constant or seen value as it reads in rule text: words and dates bare, anything a reader could
 * mistake for a number, keyword or several words quoted.
 */
export function formatConstant(value: unknown): string {
  if (typeof value === "string") {
    const bare = BARE.test(value) && Number.isNaN(Number(value)) && !KEYWORDS.has(value.toLowerCase());
    return bare ? value : JSON.stringify(value);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? "nothing";
}

export function formatList(values: unknown): string {
  return Array.isArray(values) ? `(${values.map(formatConstant).join(", ")})` : formatConstant(values);
}

/** "30 days", "1 hour". */
export function formatSpan(value: unknown): string {
  const { amount, unit } = (value ?? {}) as Partial<RelativeSpan>;
  const name = amount === 1 && unit ? unit.slice(0, -1) : unit;
  return `${amount} ${name}`;
}

/**
 * How a field is named in rule text: the last segment of its key (`complaint_calls_90d`), or the
 * last two for keys of four segments or more, where the one before says what is counted
 * (`cases.category.complaint.count_90d` reads `complaint.count_90d`, not the total's `count_90d`).
 */
export function lastSegment(key: string): string {
  const parts = key.split(".");
  return parts.length >= 4 ? parts.slice(-2).join(".") : (parts.at(-1) ?? key);
}
