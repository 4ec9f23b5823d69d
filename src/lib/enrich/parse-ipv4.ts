/**
 * The IPv4 address in `text[from, to)` as an unsigned 32-bit number, or -1 when it is not one.
 * Works on a slice so the country table can parse a whole CSV file without cutting strings.
 * Leading zeros are refused: some systems read "010" as octal, so such an address is ambiguous.
 */
export function parseIpv4(text: string, from = 0, to = text.length): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  let firstDigit = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === 0) firstDigit = c;
      else if (firstDigit === 48) return -1;
      part = part * 10 + (c - 48);
      digits++;
      if (digits > 3 || part > 255) return -1;
    } else if (c === 46) {
      if (digits === 0 || parts === 3) return -1;
      value = value * 256 + part;
      parts++;
      part = 0;
      digits = 0;
    } else {
      return -1;
    }
  }
  if (digits === 0 || parts !== 3) return -1;
  return value * 256 + part;
}
