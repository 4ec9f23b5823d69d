// Letters that Unicode does not decompose into a base letter and a mark. æ and ø are the Danish
// and Norwegian ä and ö, so they fold the same way.
const SPECIAL: Readonly<Record<string, string>> = {
  æ: "a",
  ø: "o",
  œ: "oe",
  ß: "ss",
  ð: "d",
  đ: "d",
  þ: "th",
  ł: "l",
  ı: "i",
  ħ: "h",
  ŧ: "t",
};

// Folding is per character and pure, so each non-ASCII character is worked out once. Capped so
// that hostile input running through all of Unicode cannot grow it without bound.
const folded = new Map<number, string>();
const MAX_CACHED = 10_000;

function foldCharacter(codePoint: number): string {
  const known = folded.get(codePoint);
  if (known !== undefined) return known;
  const lower = String.fromCodePoint(codePoint).toLowerCase();
  let result = "";
  for (const char of lower) {
    const special = SPECIAL[char];
    if (special !== undefined) result += special;
    else if (/\s/u.test(char)) result += " ";
    else result += char.normalize("NFD").replace(/[^\p{L}]/gu, "");
  }
  if (folded.size < MAX_CACHED) folded.set(codePoint, result);
  return result;
}

/**
 * A form of a name for matching, not for display: lower case, Swedish and other diacritics
 * removed (å ä æ → a, ö ø → o, é → e, ü → u), and everything that is not a letter dropped.
 * Whitespace and hyphens become single spaces, so "Anna-Karin" matches "Anna Karin"; the
 * result has no leading or trailing space.
 */
export function foldSwedish(input: string): string {
  let out = "";
  let pendingSpace = false;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    let piece: string;
    if (c >= 97 && c <= 122) piece = input[i] as string;
    else if (c >= 65 && c <= 90) piece = String.fromCharCode(c + 32);
    else if (c === 32 || c === 45 || (c >= 9 && c <= 13)) piece = " ";
    else if (c < 128) piece = "";
    else {
      const codePoint = input.codePointAt(i) as number;
      if (codePoint > 0xffff) i++;
      piece = codePoint >= 0x2010 && codePoint <= 0x2014 ? " " : foldCharacter(codePoint);
    }
    if (piece === " ") {
      pendingSpace = out.length > 0;
    } else if (piece.length > 0) {
      if (pendingSpace) out += " ";
      pendingSpace = false;
      out += piece;
    }
  }
  return out;
}
