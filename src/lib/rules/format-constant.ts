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

export function lastSegment(key: string): string {
  return key.slice(key.lastIndexOf(".") + 1);
}
