export interface GivenNamePart {
  text: string;
  /** Index of the whitespace-separated word the part belongs to. */
  word: number;
  /** Offsets of the part in the trimmed input. */
  start: number;
  end: number;
}

const SEPARATORS = /[\s\-\u2010\u2011\u2013]+/u;

/**
 * The given names as the population register counts them: split on whitespace and on hyphens,
 * so "Anna-Karin Maria" is three names. The marking of the preferred name (tilltalsnamn) refers
 * to these positions.
 */
export function givenNameParts(givenNames: string): string[] {
  return givenNames.split(SEPARATORS).filter((part) => part.length > 0);
}

/** The same parts with where they stand, for rebuilding the name with its original hyphens. */
export function locateGivenNameParts(trimmed: string): GivenNamePart[] {
  const parts: GivenNamePart[] = [];
  let word = -1;
  let start = -1;
  let inWhitespace = true;
  for (let i = 0; i <= trimmed.length; i++) {
    const c = i < trimmed.length ? trimmed.charCodeAt(i) : 32;
    const isSpace = isWhitespace(c);
    if (isSpace || c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013) {
      if (start !== -1) {
        parts.push({ text: trimmed.slice(start, i), word, start, end: i });
        start = -1;
      }
      if (isSpace) inWhitespace = true;
    } else {
      if (inWhitespace) {
        word++;
        inWhitespace = false;
      }
      if (start === -1) start = i;
    }
  }
  return parts;
}

// Exactly the characters of \s, without a regular expression per character.
function isWhitespace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
