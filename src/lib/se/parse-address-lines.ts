export interface AddressParts {
  street: string | null;
  /** The name after c/o: "c/o Andersson" gives "Andersson". */
  careOf: string | null;
  /** The box number: "Box 123" gives "123". */
  box: string | null;
  /** The four-digit lägenhetsnummer: "lgh 1102" gives "1102". */
  apartment: string | null;
}

const CARE_OF = /^(?:c\s*\/\s*o\b|co\s)[\s.:]*(.+)$/iu;
const BOX = /^(?:post)?box\s*(\d+)\b/iu;
const APARTMENT = /(?:^|[\s,])(?:lgh|lägenhet)\.?\s*(?:nr\.?\s*)?(\d{4})(?=$|[\s,])/iu;
// A four-digit number after a street and its number is the apartment: "Storgatan 1 1102".
const TRAILING_APARTMENT = /^(.*\p{L}.*\s\d{1,4}(?:\s?\p{L})?)[\s,]+(\d{4})$/u;
const POSTCODE_AND_TOWN = /^(?:S(?:E)?[\s-]*)?[1-9]\d{2}\s?\d{2}\s+\p{L}/iu;

/**
 * Splits the free-text lines of a Swedish address into street, c/o, box and apartment number.
 * Recognises "c/o X", "C/O X", "co X", "Box 123", "Box123", "Postbox 123", "lgh 1102" anywhere in a
 * line, and a bare four-digit apartment number after a street number. A line that is a postcode
 * and town is skipped. Of the remaining lines, the first with a letter and a digit is the street,
 * else the first; the others (a company name, say) are not part of the result.
 */
export function parseAddressLines(lines: string[]): AddressParts {
  const parts: AddressParts = { street: null, careOf: null, box: null, apartment: null };
  const candidates: string[] = [];
  const queue = lines.flatMap((line) => (line.includes("\n") ? line.split(/\r?\n/u) : [line]));
  for (let i = 0; i < queue.length; i++) {
    let line = tidy(queue[i] as string);
    if (line === "") continue;
    // Cheap first-character and substring checks keep most lines away from the regexes.
    const first = line.charCodeAt(0) | 0x20;
    const careOf = first === 0x63 ? CARE_OF.exec(line) : null;
    if (careOf !== null && parts.careOf === null) {
      // "c/o Andersson, Storgatan 1": what follows the comma is another line.
      const [name = "", ...rest] = (careOf[1] as string).split(",");
      parts.careOf = tidy(name) || null;
      if (rest.length > 0) queue.splice(i + 1, 0, rest.join(","));
      continue;
    }
    const box = first === 0x62 || first === 0x70 ? BOX.exec(line) : null;
    if (box !== null && parts.box === null) {
      parts.box = box[1] as string;
      continue;
    }
    if ((first === 0x73 || (first >= 0x31 && first <= 0x39)) && POSTCODE_AND_TOWN.test(line)) continue;
    const lower = line.toLowerCase();
    const apartment = lower.includes("lgh") || lower.includes("lägenhet") ? APARTMENT.exec(line) : null;
    if (apartment !== null) {
      parts.apartment ??= apartment[1] as string;
      line = tidy(line.slice(0, apartment.index) + line.slice(apartment.index + apartment[0].length));
    } else if (parts.apartment === null && endsWithFourDigitNumber(line)) {
      const trailing = TRAILING_APARTMENT.exec(line);
      if (trailing !== null) {
        parts.apartment = trailing[2] as string;
        line = tidy(trailing[1] as string);
      }
    }
    if (line !== "") candidates.push(line);
  }
  parts.street = candidates.find((line) => /\p{L}.*\d/u.test(line)) ?? candidates[0] ?? null;
  return parts;
}

function endsWithFourDigitNumber(line: string): boolean {
  const n = line.length;
  for (let i = n - 4; i < n; i++) {
    const c = line.charCodeAt(i);
    if (!(c >= 48 && c <= 57)) return false;
  }
  const before = line.charCodeAt(n - 5);
  return before === 32 || before === 44;
}

// Collapses whitespace and trims spaces, commas and semicolons; returns the input untouched, with
// no regular expression run, in the usual case where there is nothing to do.
function tidy(text: string): string {
  const collapsed = /\s{2}|[^\S ]/u.test(text) ? text.replace(/\s+/gu, " ") : text;
  let start = 0;
  let end = collapsed.length;
  while (start < end && isEdgeJunk(collapsed.charCodeAt(start))) start++;
  while (end > start && isEdgeJunk(collapsed.charCodeAt(end - 1))) end--;
  return start === 0 && end === collapsed.length ? collapsed : collapsed.slice(start, end);
}

function isEdgeJunk(c: number): boolean {
  return c === 32 || c === 44 || c === 59;
}
