import { type GivenNamePart, locateGivenNameParts } from "./given-name-parts";

export interface GreetingName {
  name: string;
  /** True when the name was guessed because there was no usable marking. */
  uncertain: boolean;
}

/**
 * The name to greet someone by. With a marking (positions as from `decodeTilltalsnamn`), the
 * marked names joined: neighbours from one hyphenated name keep its hyphen ("Anna-Karin"),
 * others are joined by a space ("Anna Maria").
 *
 * Without a usable marking (null, empty, or positions that do not fit the names) it guesses the
 * first whole word, e.g. "Anna-Karin", and says it is uncertain, except when there is only one
 * name, where there is nothing to guess. Casing is kept: clean the names first.
 */
export function greetingName(givenNames: string, preferred: number[] | null | undefined): GreetingName {
  const trimmed = givenNames.trim();
  const parts = locateGivenNameParts(trimmed);
  const marked = usablePositions(preferred, parts.length);
  if (marked !== null) {
    let name = "";
    let previous: GivenNamePart | undefined;
    for (const position of marked) {
      const part = parts[position - 1] as GivenNamePart;
      if (previous === undefined) {
        name = part.text;
      } else if (previous === parts[position - 2] && previous.word === part.word) {
        // The original hyphen (or hyphens) between two halves of one name.
        name += trimmed.slice(previous.end, part.end);
      } else {
        name += ` ${part.text}`;
      }
      previous = part;
    }
    return { name, uncertain: false };
  }
  const firstWord = trimmed.split(/\s+/u)[0] ?? "";
  const withoutEdgeHyphens = firstWord.replace(/^[-\u2010\u2011\u2013]+|[-\u2010\u2011\u2013]+$/gu, "");
  return {
    name: withoutEdgeHyphens.length > 0 ? withoutEdgeHyphens : firstWord,
    uncertain: parts.length > 1,
  };
}

function usablePositions(preferred: number[] | null | undefined, count: number): number[] | null {
  if (!preferred || preferred.length === 0) return null;
  const sorted = [...preferred].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) {
    const position = sorted[i] as number;
    if (!Number.isInteger(position) || position < 1 || position > count || position === sorted[i - 1]) return null;
  }
  return sorted;
}
