import type { PairScore } from "./pair-score";

const FIELD_LABELS: Readonly<Record<string, string>> = {
  personnummer: "personnummer",
  given_names: "given names",
  surname: "surname",
  birth_date: "birth date",
  address: "address",
  email: "e-mail",
  phone: "phone",
};

/**
 * The score as lines a person can check: the verdict first, then each field with its level, the
 * two values and the weight it added, e.g. "given names: nickname Kalle ~ Karl (+4.1)".
 */
export function explainPair(score: PairScore): string[] {
  const lines = [
    `${verdict(score.outcome)}: match weight ${signed(score.weight)}, probability ${formatProbability(score.probability)}`,
  ];
  for (const field of score.fields) {
    const name = FIELD_LABELS[field.field] ?? field.field.replace(/_/g, " ");
    lines.push(`${name}: ${field.label}${values(field.valueA, field.valueB)} (${signed(field.weight)})`);
  }
  return lines;
}

function values(a: string | null, b: string | null): string {
  if (a === null || b === null) return "";
  return a === b ? ` ${a}` : ` ${a} ~ ${b}`;
}

function verdict(outcome: PairScore["outcome"]): string {
  if (outcome === "auto_merge") return "same person (merge)";
  if (outcome === "review") return "possibly the same person (review)";
  return "different people";
}

function signed(weight: number): string {
  const rounded = weight.toFixed(1);
  return weight >= 0.05 ? `+${rounded}` : rounded === "-0.0" ? "0.0" : rounded;
}

function formatProbability(probability: number): string {
  if (probability > 0.9999) return "> 0.9999";
  if (probability < 0.0001) return "< 0.0001";
  return probability.toFixed(4);
}
