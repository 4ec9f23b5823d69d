import { checkConstant, rankOf } from "./check-constant";
import type { Operator } from "./condition";
import { type ConditionIssue, isRecord, pathOf } from "./condition-issue";
import type { FieldDef } from "./field-def";
import { LIMITS } from "./limits";
import { RELATIVE_UNITS } from "./relative-span";

const MAX_AMOUNT = 100_000;

/** The issues with a comparison's value, given that the operator applies to the field. */
export function validateValue(def: FieldDef, op: Operator, value: unknown, path: string): ConditionIssue[] {
  const invalid = (message: string, at = path): ConditionIssue[] => [{ field: at, code: "invalid_value", message }];
  switch (op) {
    case "is_set":
    case "is_not_set":
      return value === undefined || value === null ? [] : invalid(`"${op}" takes no value`);
    case "between": {
      if (!Array.isArray(value) || value.length !== 2) return invalid("Needs two values, [from, to]");
      const issues = value.flatMap((end, index) => {
        const message = checkConstant(def, end, true);
        return message ? invalid(message, pathOf(path, index)) : [];
      });
      if (issues.length === 0 && rankOf(def, value[0]) > rankOf(def, value[1])) {
        return invalid("The first value must not be greater than the second");
      }
      return issues;
    }
    case "in":
    case "not_in": {
      if (!Array.isArray(value) || value.length === 0) return invalid("Needs a list of at least one value");
      if (value.length > LIMITS.maxInValues) {
        return [{ field: path, code: "too_many_values", message: `More than ${LIMITS.maxInValues} values` }];
      }
      return value.flatMap((item, index) => {
        const message = checkConstant(def, item, true);
        return message ? invalid(message, pathOf(path, index)) : [];
      });
    }
    case "within_last":
    case "more_than_ago":
      return validateSpan(def, value, path);
    default: {
      const message = checkConstant(def, value, op !== "contains" && op !== "starts_with");
      return message ? invalid(message) : [];
    }
  }
}

function validateSpan(def: FieldDef, value: unknown, path: string): ConditionIssue[] {
  const amount = isRecord(value) ? value.amount : undefined;
  const unit = isRecord(value) ? value.unit : undefined;
  const shapeOk = isRecord(value) && Object.keys(value).every((key) => key === "amount" || key === "unit");
  if (!shapeOk || !Number.isInteger(amount) || (amount as number) < 0 || (amount as number) > MAX_AMOUNT) {
    const message = `Needs { amount, unit } with a whole amount from 0 to ${MAX_AMOUNT}`;
    return [{ field: path, code: "invalid_value", message }];
  }
  if (!(RELATIVE_UNITS as readonly unknown[]).includes(unit)) {
    return [{ field: pathOf(path, "unit"), code: "invalid_value", message: "Unit must be minutes, hours or days" }];
  }
  if (def.type === "date" && unit !== "days") {
    return [{ field: pathOf(path, "unit"), code: "invalid_value", message: "Date fields count in days" }];
  }
  return [];
}
