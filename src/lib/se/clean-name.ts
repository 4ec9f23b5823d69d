// Nobility and foreign particles stay lower case in front of the rest of the name ("af Klint").
const PARTICLES = new Set(["von", "af", "de", "van", "der", "la", "du"]);

/**
 * Tidies a name for storage: Unicode NFC, trimmed, inner whitespace collapsed to one space.
 *
 * Casing is changed only when the whole input is in one case, which is what registers and old
 * systems export ("ANNA-KARIN", "af klint"): then every part is title-cased, also after hyphens
 * and after an O' or D' prefix, and particles are lower-cased when another word follows them. A
 * particle that stands last is a name of its own and is title-cased. Mixed case is the person's
 * own spelling (McDonald, DiCaprio, "af Klint") and is kept.
 */
export function cleanName(input: string): string {
  let tidy = input.normalize("NFC").trim();
  if (/\s{2}|[^\S ]/u.test(tidy)) tidy = tidy.replace(/\s+/gu, " ");
  const upper = tidy.toUpperCase();
  const lower = tidy.toLowerCase();
  if ((tidy === upper) === (tidy === lower)) return tidy;
  // Lower-casing the whole string at once keeps context rules (the Greek final sigma) right.
  const words = lower.split(" ");
  const last = words.length - 1;
  let out = "";
  for (let i = 0; i <= last; i++) {
    const word = words[i] as string;
    if (i > 0) out += " ";
    out += i < last && PARTICLES.has(word) ? word : titleCaseWord(word);
  }
  return out.normalize("NFC");
}

function titleCaseWord(word: string): string {
  let out = "";
  let start = 0;
  for (let i = 0; i <= word.length; i++) {
    const c = i < word.length ? word.charCodeAt(i) : 45;
    if (c === 45 || c === 0x2010 || c === 0x2011) {
      out += titleCasePart(word.slice(start, i));
      if (i < word.length) out += word[i];
      start = i + 1;
    }
  }
  return out;
}

function titleCasePart(part: string): string {
  const second = part[1];
  if ((second === "'" || second === "\u2019") && isCased(part[0]) && isCased(part[2])) {
    return upperFirst(part.slice(0, 1)) + second + upperFirst(part.slice(2));
  }
  return upperFirst(part);
}

function isCased(char: string | undefined): boolean {
  return char !== undefined && char.toUpperCase() !== char.toLowerCase();
}

// Characters whose capital is longer (ß to SS) keep their lower case, so that cleaning twice
// gives the same result as cleaning once.
function upperFirst(part: string): string {
  const first = part.codePointAt(0);
  if (first === undefined) return part;
  const char = String.fromCodePoint(first);
  const capital = char.toUpperCase();
  return (capital.length === char.length ? capital : char) + part.slice(char.length);
}
