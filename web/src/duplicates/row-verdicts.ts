import type { FieldComparison } from "./types";

/** The rows of the side-by-side view, top to bottom. */
export const PAIR_ROWS = [
  "names",
  "greeting",
  "personnummer",
  "birthDate",
  "emails",
  "phones",
  "address",
  "addressHistory",
  "organizations",
  "stage",
  "created",
  "sources",
] as const;
export type PairRow = (typeof PAIR_ROWS)[number];

export type RowVerdict = "agrees" | "differs";

/** The row each of the matcher's fields is shown in; names are one row, as a person reads them. */
const ROW_OF_FIELD: Readonly<Record<string, PairRow>> = {
  given_names: "names",
  surname: "names",
  personnummer: "personnummer",
  birth_date: "birthDate",
  email: "emails",
  phone: "phones",
  address: "address",
};

/**
 * What the comparison says about each row: a field that weighed against the pair makes its row
 * differ, even when another field of the row agreed; a row no field weighed either way has none.
 */
export function rowVerdicts(comparison: readonly FieldComparison[]): Partial<Record<PairRow, RowVerdict>> {
  const verdicts: Partial<Record<PairRow, RowVerdict>> = {};
  for (const field of comparison) {
    const row = ROW_OF_FIELD[field.field];
    if (!row) continue;
    if (field.weight < 0) verdicts[row] = "differs";
    else if (field.weight > 0 && verdicts[row] !== "differs") verdicts[row] = "agrees";
  }
  return verdicts;
}
