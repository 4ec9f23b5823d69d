import type { Operator } from "./condition";

export type ExplainLanguage = "sv" | "en";

/** What a comparison says of its expected value when it held and when it failed. */
export type Phrases = (expected: unknown) => readonly [held: string, failed: string];

/** How one language words a decision; field names and constants stay as the rule language writes them. */
export interface ExplainWords {
  phrases: Readonly<Record<Exclude<Operator, "is_set" | "is_not_set">, Phrases>>;
  headers: Readonly<Record<"all" | "any" | "not", string>>;
  noValue: (name: string) => string;
  noValueNeeds: (name: string, held: string) => string;
  isSet: (name: string, seen: string) => string;
}
