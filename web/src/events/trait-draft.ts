import type { TraitAggregate, TraitEventType, TraitFilter, TraitFilterOp } from "./types";

/** One condition row as typed: the value is text until it is sent. */
export interface FilterDraft {
  property: string;
  op: TraitFilterOp;
  value: string;
}

export interface TraitDraft {
  key: string;
  label: string;
  eventType: TraitEventType;
  eventName: string;
  filters: FilterDraft[];
  aggregate: TraitAggregate;
  property: string;
  /** A NumberInput gives "" while empty. */
  windowDays: number | string;
}

export const EMPTY_TRAIT: TraitDraft = {
  key: "",
  label: "",
  eventType: "track",
  eventName: "",
  filters: [],
  aggregate: "count",
  property: "",
  windowDays: 30,
};

export const EMPTY_FILTER: FilterDraft = { property: "", op: "eq", value: "" };

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** "1 234,5" is a number to a Swedish reader, and so is what they type. */
function scalar(text: string): string | number {
  const compact = text.trim().replace(/\s/g, "");
  return NUMBER.test(compact) ? Number(compact.replace(",", ".")) : text.trim();
}

/**
 * The typed value as the comparison needs it: a list for "is one of" (split at commas, so its
 * numbers take a decimal point), a number for the order comparisons, true and false as booleans for equality (a site sends flags as booleans). An
 * empty value is left out, and the server says which row needs one.
 */
function filterValue(draft: FilterDraft): TraitFilter["value"] {
  if (draft.op === "exists" || draft.value.trim() === "") return undefined;
  if (draft.op === "in") {
    return draft.value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .map(scalar);
  }
  if ((draft.op === "eq" || draft.op === "neq") && /^(true|false)$/i.test(draft.value.trim())) {
    return draft.value.trim().toLowerCase() === "true";
  }
  return draft.op === "eq" || draft.op === "neq" ? draft.value.trim() : scalar(draft.value);
}

/** The request body: only what applies, e.g. no property for a count. */
export function traitBody(draft: TraitDraft) {
  return {
    key: draft.key.trim(),
    label: draft.label.trim(),
    eventType: draft.eventType,
    eventName: draft.eventName.trim() || undefined,
    filters: draft.filters.map((filter) => ({
      property: filter.property.trim(),
      op: filter.op,
      value: filterValue(filter),
    })),
    aggregate: draft.aggregate,
    property: draft.aggregate === "count" ? undefined : draft.property.trim() || undefined,
    windowDays: typeof draft.windowDays === "number" ? draft.windowDays : undefined,
  };
}
