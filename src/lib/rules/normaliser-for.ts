import type { FieldType } from "./field-def";
import { toDay } from "./to-day";
import { toEpochMs } from "./to-epoch-ms";
import { toNumber } from "./to-number";

export type Normaliser = (value: unknown) => unknown;

const asText: Normaliser = (value) => (typeof value === "string" ? value : null);
const asBoolean: Normaliser = (value) => (typeof value === "boolean" ? value : null);

const NORMALISERS: Readonly<Record<FieldType, Normaliser>> = {
  number: toNumber,
  kronor: toNumber,
  text: asText,
  choice: asText,
  boolean: asBoolean,
  date: toDay,
  timestamp: toEpochMs,
};

/** Turns what a field's `js` returned into the type's comparable form, or null when it has no value. */
export function normaliserFor(type: FieldType): Normaliser {
  return NORMALISERS[type];
}
