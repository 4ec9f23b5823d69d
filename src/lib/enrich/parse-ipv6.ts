/** The sixteen-bit groups of the address being parsed; parsing is synchronous, so one will do. */
const groups = new Uint16Array(8);

/**
 * Parses the IPv6 address in `text[from, to)` into four big-endian 32-bit words at
 * `into[at…at+3]` and tells whether it was one. Takes "::" shortening and an embedded IPv4
 * tail ("::ffff:192.0.2.1"). A zone ("%eth0") is the caller's to cut off.
 */
export function parseIpv6(text: string, from: number, to: number, into: Uint32Array, at = 0): boolean {
  let count = 0;
  let gapAt = -1;
  let i = from;
  if (to - i >= 2 && text.charCodeAt(i) === 58 && text.charCodeAt(i + 1) === 58) {
    gapAt = 0;
    i += 2;
  }
  while (i < to) {
    const start = i;
    let group = 0;
    while (i < to && i - start < 5) {
      const digit = hexValue(text.charCodeAt(i));
      if (digit < 0) break;
      group = group * 16 + digit;
      i++;
    }
    if (i < to && text.charCodeAt(i) === 46) {
      if (count > 6) return false;
      const v4 = ipv4Tail(text, start, to);
      if (v4 < 0) return false;
      groups[count++] = v4 >>> 16;
      groups[count++] = v4 & 0xffff;
      i = to;
      break;
    }
    const length = i - start;
    if (length === 0 || length > 4 || count === 8) return false;
    groups[count++] = group;
    if (i === to) break;
    if (text.charCodeAt(i) !== 58) return false;
    i++;
    if (i < to && text.charCodeAt(i) === 58) {
      if (gapAt !== -1) return false;
      gapAt = count;
      i++;
    } else if (i === to) {
      return false;
    }
  }
  if (gapAt === -1 ? count !== 8 : count > 7) return false;
  const missing = 8 - count;
  for (let g = 0; g < 8; g += 2) {
    into[at + g / 2] = ((groupAt(g, gapAt, missing, count) << 16) | groupAt(g + 1, gapAt, missing, count)) >>> 0;
  }
  return true;
}

/** The g-th group of the full address, where `missing` zero groups stand at the "::". */
function groupAt(g: number, gapAt: number, missing: number, count: number): number {
  if (gapAt === -1 || g < gapAt) return groups[g] ?? 0;
  if (g < gapAt + missing) return 0;
  const parsed = g - missing;
  return parsed < count ? (groups[parsed] ?? 0) : 0;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function ipv4Tail(text: string, from: number, to: number): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return -1;
    } else if (c === 46 && digits > 0 && parts < 3) {
      value = value * 256 + part;
      parts++;
      part = 0;
      digits = 0;
    } else {
      return -1;
    }
  }
  return digits === 0 || parts !== 3 ? -1 : value * 256 + part;
}
