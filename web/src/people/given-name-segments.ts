export interface GivenNameSegment {
  text: string;
  /** True for a given name the person goes by; separators are never preferred. */
  preferred: boolean;
}

const SEPARATORS = /([\s\-\u2010\u2011\u2013]+)/u;

/**
 * The given names cut into names and the separators between them, with the preferred ones
 * marked. Positions count as the population register counts them: "Anna-Karin" is two names.
 */
export function givenNameSegments(givenNames: string, preferredParts: readonly number[] | null): GivenNameSegment[] {
  const preferred = new Set(preferredParts ?? []);
  let position = 0;
  return givenNames
    .trim()
    .split(SEPARATORS)
    .filter((text) => text.length > 0)
    .map((text) => {
      if (SEPARATORS.test(text)) return { text, preferred: false };
      position += 1;
      return { text, preferred: preferred.has(position) };
    });
}

/** The whole words a user can pick as the name someone goes by: "Anna-Karin" stays whole. */
export function givenNameWords(givenNames: string): string[] {
  return givenNames.split(/\s+/u).filter((word) => word.length > 0);
}
