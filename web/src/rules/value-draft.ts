import { valueShape } from "./operators";
import type { FieldType, Operator, RelativeUnit } from "./types";

/**
 * A comparison's value as its inputs hold it: numbers as a NumberInput gives them (a number, or
 * text while empty), times as the date-time field writes them ("YYYY-MM-DDTHH:mm"), lists as typed tags.
 */
export type ScalarDraft = string | number | boolean | null;
export interface SpanDraft {
  amount: number | string;
  unit: RelativeUnit;
}
export type ValueDraft = ScalarDraft | [ScalarDraft, ScalarDraft] | string[] | SpanDraft;

const isNumeric = (type: FieldType) => type === "number" || type === "kronor";

/** The empty value for a field's type and operator; a boolean starts as true, a span as 30 days. */
export function defaultValue(type: FieldType, op: Operator): ValueDraft {
  switch (valueShape(op)) {
    case "none":
      return null;
    case "pair":
      return ["", ""];
    case "list":
      return [];
    case "span":
      return { amount: 30, unit: "days" };
    case "scalar":
      return type === "boolean" ? true : "";
  }
}

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** "1 234,5" is a number to a Swedish reader; anything else is sent as typed, for the server to refuse. */
function typedNumber(text: string): number | string {
  const compact = text.trim().replace(/\s/g, "");
  return NUMBER.test(compact) ? Number(compact.replace(",", ".")) : text.trim();
}

const pad = (value: number) => String(value).padStart(2, "0");

/** A `datetime-local` value, read in the browser's time zone, as the instant the server expects. */
export function instantOf(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return undefined;
  const moment = new Date(local);
  return Number.isNaN(moment.getTime()) ? undefined : moment.toISOString().replace(".000Z", "Z");
}

/** An instant as a `datetime-local` input shows it, in the browser's time zone. */
export function localOf(instant: string): string {
  const moment = new Date(instant);
  if (Number.isNaN(moment.getTime())) return "";
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}T${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

function scalarValue(draft: unknown, type: FieldType): unknown {
  if (draft === null || draft === undefined) return undefined;
  if (isNumeric(type)) {
    if (typeof draft === "number") return Number.isFinite(draft) ? draft : undefined;
    return typeof draft === "string" && draft.trim() !== "" ? typedNumber(draft) : undefined;
  }
  if (type === "boolean") return typeof draft === "boolean" ? draft : undefined;
  if (typeof draft !== "string" || draft === "") return undefined;
  return type === "timestamp" ? instantOf(draft) : draft;
}

/** The value as the API takes it; undefined while nothing usable is typed. */
export function sentValue(draft: ValueDraft, type: FieldType, op: Operator): unknown {
  switch (valueShape(op)) {
    case "none":
      return undefined;
    case "pair": {
      const [from, to] = Array.isArray(draft) ? draft : [];
      return [scalarValue(from, type), scalarValue(to, type)];
    }
    case "list": {
      const items = Array.isArray(draft) ? draft.map(String) : [];
      return items.map((item) => (isNumeric(type) ? typedNumber(item) : item));
    }
    case "span": {
      const span = draft as Partial<SpanDraft> | null;
      const amount = typeof span?.amount === "number" ? span.amount : Number.NaN;
      return Number.isFinite(amount) ? { amount, unit: span?.unit ?? "days" } : undefined;
    }
    case "scalar":
      return op === "contains" || op === "starts_with"
        ? scalarValue(draft, "text")
        : scalarValue(draft, type === "choice" ? "text" : type);
  }
}

/** A stored value as the inputs hold it, the inverse of `sentValue`. */
export function draftValue(value: unknown, type: FieldType, op: Operator): ValueDraft {
  const scalar = (item: unknown): ScalarDraft => {
    if (type === "timestamp" && typeof item === "string") return localOf(item);
    return typeof item === "string" || typeof item === "number" || typeof item === "boolean" ? item : "";
  };
  switch (valueShape(op)) {
    case "none":
      return null;
    case "pair": {
      const [from, to] = Array.isArray(value) ? value : [];
      return [scalar(from), scalar(to)];
    }
    case "list":
      return Array.isArray(value) ? value.map(String) : [];
    case "span": {
      const span = (value ?? {}) as Partial<SpanDraft>;
      return { amount: typeof span.amount === "number" ? span.amount : "", unit: span.unit ?? "days" };
    }
    case "scalar":
      return value === undefined ? defaultValue(type, op) : scalar(value);
  }
}

/** Whether the value is filled in enough to ask the server who matches. */
export function isComplete(value: unknown, op: Operator): boolean {
  switch (valueShape(op)) {
    case "none":
      return true;
    case "pair":
      return Array.isArray(value) && value.length === 2 && value.every((end) => end !== undefined);
    case "list":
      return Array.isArray(value) && value.length > 0;
    default:
      return value !== undefined;
  }
}
