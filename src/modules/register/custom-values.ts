import type { FieldErrors } from "../../kernel/field-errors";
import type { TCustomAttribute } from "./define-custom-attribute";

/**
 * Checks custom values against their definitions and returns them in stored form: numbers as
 * numbers, dates as YYYY-MM-DD, kronor rounded to öre. `null` removes a value.
 */
export function validateCustomValues(
  definitions: readonly TCustomAttribute[],
  values: Record<string, unknown>,
  errors: FieldErrors,
  { requireAll }: { requireAll: boolean },
): Record<string, unknown> {
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const result: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    const definition = byKey.get(key);
    const field = `custom.${key}`;
    if (!definition) {
      errors.add(field, "unknown_attribute", `No custom attribute ${key} is defined`);
      continue;
    }
    if (raw === null || raw === undefined || raw === "") {
      if (definition.required) errors.add(field, "required", `${definition.label} is required`);
      else result[key] = null;
      continue;
    }
    const value = coerce(definition, raw);
    if (value === undefined) {
      errors.add(field, `invalid_${definition.type}`, describe(definition));
      continue;
    }
    result[key] = value;
  }
  if (requireAll) {
    for (const definition of definitions) {
      if (definition.required && !(definition.key in values)) {
        errors.add(`custom.${definition.key}`, "required", `${definition.label} is required`);
      }
    }
  }
  return result;
}

export function coerce(definition: TCustomAttribute, raw: unknown): unknown {
  switch (definition.type) {
    case "text":
      return typeof raw === "string" && raw.length <= 2_000 ? raw.trim() : undefined;
    case "number": {
      const value = typeof raw === "string" ? decimal(raw) : raw;
      return typeof value === "number" && Number.isFinite(value) ? value : undefined;
    }
    case "kronor": {
      const value = typeof raw === "string" ? decimal(raw.replace(/kr|sek/gi, "")) : raw;
      return typeof value === "number" && Number.isFinite(value) ? Math.round(value * 100) / 100 : undefined;
    }
    case "boolean": {
      if (typeof raw === "boolean") return raw;
      const word = typeof raw === "string" ? raw.trim().toLowerCase() : raw;
      if (word === "true" || word === "ja" || word === "yes" || word === "1" || word === "x") return true;
      if (word === "false" || word === "nej" || word === "no" || word === "0") return false;
      return undefined;
    }
    case "date":
      return typeof raw === "string" && isCalendarDate(raw) ? raw : undefined;
    case "choice":
      // "Guld" is the choice guld: the defined spelling is stored.
      return typeof raw === "string"
        ? definition.choices?.find((choice) => choice.toLowerCase() === raw.trim().toLowerCase())
        : undefined;
  }
}

/** A decimal number as people write it: "1 234,50", "-3.5". Not hex, not exponents, not blank. */
function decimal(raw: string): number | undefined {
  const compact = raw.replace(/[\s\u00a0]/g, "").replace(",", ".");
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(compact) ? Number(compact) : undefined;
}

/** YYYY-MM-DD naming a day that exists: 2020-02-31 does not, whatever Date.parse makes of it. */
export function isCalendarDate(raw: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1000 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function describe(definition: TCustomAttribute): string {
  switch (definition.type) {
    case "choice":
      return `${definition.label} must be one of: ${definition.choices?.join(", ")}`;
    case "date":
      return `${definition.label} must be a date, YYYY-MM-DD`;
    case "kronor":
      return `${definition.label} must be an amount in kronor`;
    default:
      return `${definition.label} must be a ${definition.type}`;
  }
}
