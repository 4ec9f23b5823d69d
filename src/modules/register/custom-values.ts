import type { FieldErrors } from "../../kernel/field-errors";
import type { TCustomAttribute } from "./custom-attribute-definition";

/** At most 15 significant digits: every such decimal comes back from a stored number exactly. */
export const MAX_SIGNIFICANT_DIGITS = 15;
/** Numbers below 10^15 in size; kronor, with their two decimals, below 10^13. */
export const MAX_NUMBER = 999_999_999_999_999;
export const MAX_KRONOR = 9_999_999_999_999.99;
export const MAX_TEXT_LENGTH = 2_000;

/** Why a value does not fit its attribute: a stable code and a message naming the attribute. */
export interface CustomValueFault {
  code: string;
  message: string;
}

/**
 * Checks custom values against their definitions and returns them in stored form: numbers as
 * numbers, dates as YYYY-MM-DD, kronor in kronor and öre. `null` removes a value. A retired
 * attribute takes no values until it is restored.
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
    if (definition.retired) {
      errors.add(field, "retired_attribute", `${definition.label} is retired; an administrator can restore it`);
      continue;
    }
    if (raw === null || raw === undefined || raw === "") {
      if (definition.required) errors.add(field, "required", `${definition.label} is required`);
      else result[key] = null;
      continue;
    }
    const checked = checkCustomValue(definition, raw);
    if ("fault" in checked) {
      errors.add(field, checked.fault.code, checked.fault.message);
      continue;
    }
    result[key] = checked.value;
  }
  if (requireAll) {
    for (const definition of definitions) {
      if (definition.required && !definition.retired && !(definition.key in values)) {
        errors.add(`custom.${definition.key}`, "required", `${definition.label} is required`);
      }
    }
  }
  return result;
}

/** The value in stored form, or undefined when it does not fit the attribute. */
export function coerce(definition: TCustomAttribute, raw: unknown): unknown {
  const checked = checkCustomValue(definition, raw);
  return "value" in checked ? checked.value : undefined;
}

export function checkCustomValue(
  definition: TCustomAttribute,
  raw: unknown,
): { value: unknown } | { fault: CustomValueFault } {
  const { label } = definition;
  const fault = (code: string, message: string) => ({ fault: { code, message } });
  switch (definition.type) {
    case "text":
      if (typeof raw !== "string") return fault("invalid_text", `${label} must be text`);
      if (raw.length > MAX_TEXT_LENGTH) {
        return fault("too_long", `${label} may be at most ${MAX_TEXT_LENGTH} characters (this is ${raw.length})`);
      }
      return { value: raw.trim() };
    case "number":
    case "kronor":
      return checkAmount(definition, raw);
    case "boolean": {
      if (typeof raw === "boolean") return { value: raw };
      const word = typeof raw === "string" ? raw.trim().toLowerCase() : raw;
      if (word === "true" || word === "ja" || word === "yes" || word === "1" || word === "x") return { value: true };
      if (word === "false" || word === "nej" || word === "no" || word === "0") return { value: false };
      return fault("invalid_boolean", `${label} must be yes or no`);
    }
    case "date":
      return typeof raw === "string" && isCalendarDate(raw)
        ? { value: raw }
        : fault("invalid_date", `${label} must be a date, YYYY-MM-DD`);
    case "choice": {
      // "Guld" is the choice guld: the defined spelling is stored.
      const choice =
        typeof raw === "string"
          ? definition.choices?.find((candidate) => candidate.toLowerCase() === raw.trim().toLowerCase())
          : undefined;
      return choice !== undefined
        ? { value: choice }
        : fault("invalid_choice", `${label} must be one of: ${definition.choices?.join(", ")}`);
    }
  }
}

/**
 * Numbers and kronor are kept as JSON numbers, which hold 15 significant digits exactly; a value
 * that needs more would come back changed, so it is refused rather than silently rounded. Kronor
 * have at most two decimals (öre).
 */
function checkAmount(definition: TCustomAttribute, raw: unknown): { value: number } | { fault: CustomValueFault } {
  const { label, type } = definition;
  const kronor = type === "kronor";
  const invalid = {
    fault: {
      code: `invalid_${type}`,
      message: kronor ? `${label} must be an amount in kronor, such as 1 234,50` : `${label} must be a number`,
    },
  };
  const max = kronor ? MAX_KRONOR : MAX_NUMBER;
  const outOfRange = {
    fault: { code: "out_of_range", message: `${label} must be between -${max} and ${max}` },
  };
  let digits: DecimalDigits | undefined;
  if (typeof raw === "string") {
    digits = decimalDigits(kronor ? raw.replace(/kr|sek/gi, "") : raw);
  } else if (typeof raw === "number" && Number.isFinite(raw)) {
    if (Math.abs(raw) > max) return outOfRange;
    // A JSON number is already a double; its shortest spelling is what gets stored.
    digits = decimalDigits(numberText(raw));
  }
  if (!digits) return invalid;
  const value = Number(digits.text);
  if (Math.abs(value) > max) return outOfRange;
  if (kronor && digits.decimals > 2) {
    return { fault: { code: "too_many_decimals", message: `${label} has at most two decimals (öre)` } };
  }
  if (typeof raw === "string" && digits.significant > MAX_SIGNIFICANT_DIGITS) {
    return {
      fault: {
        code: "too_precise",
        message: `${label} can hold at most ${MAX_SIGNIFICANT_DIGITS} significant digits`,
      },
    };
  }
  return { value: value === 0 ? 0 : value };
}

interface DecimalDigits {
  /** Plain decimal that Number() reads: "-1234.5". */
  text: string;
  decimals: number;
  significant: number;
}

/**
 * A decimal number as people write it: "1 234,50", "-3.5", "−500" (the minus sign the app itself
 * prints). Not hex, not exponents, not blank.
 */
function decimalDigits(raw: string): DecimalDigits | undefined {
  const compact = raw
    .replace(/[\s\u00a0\u202f\u2009]/g, "")
    .replace(/^\u2212/, "-")
    .replace(",", ".");
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(compact);
  if (!match || !/\d/.test(compact)) return undefined;
  const whole = match[2] ?? "";
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  const significant = `${whole}${fraction}`.replace(/^0+/, "").length;
  return { text: `${match[1]}${whole || "0"}.${fraction || "0"}`, decimals: fraction.length, significant };
}

/** A double's shortest spelling without exponent, for counting its decimals. */
function numberText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, "");
}

/** YYYY-MM-DD naming a day that exists: 2020-02-31 does not, whatever Date.parse makes of it. */
export function isCalendarDate(raw: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1000 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
