export type MatchOutcome = "auto_merge" | "review" | "distinct";

export interface FieldComparison {
  field: string;
  level: string;
  label: string;
  valueA: string | null;
  valueB: string | null;
  /** log2 Bayes factor, including any term-frequency adjustment. */
  weight: number;
}

export interface PairScore {
  a: string;
  b: string;
  /** Prior plus the field weights, in bits: the log2 odds that the two are one person. */
  weight: number;
  probability: number;
  outcome: MatchOutcome;
  fields: FieldComparison[];
}
