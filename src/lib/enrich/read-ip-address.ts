import { parseIpv4 } from "./parse-ipv4";
import { parseIpv6 } from "./parse-ipv6";

/**
 * Reads an address as clients send it ("192.0.2.1", "[2001:db8::1]", "fe80::1%eth0") into
 * `into` and says which kind it is: 4 with the number in `into[0]`, 6 with four big-endian
 * words, 0 when it is no address. An IPv4 address mapped into IPv6 ("::ffff:192.0.2.1") is
 * read as the IPv4 address it carries, since that is what the client used.
 */
export function readIpAddress(text: string, into: Uint32Array): 0 | 4 | 6 {
  let from = 0;
  let to = text.length;
  while (from < to && text.charCodeAt(from) <= 32) from++;
  while (to > from && text.charCodeAt(to - 1) <= 32) to--;
  if (from === to) return 0;
  const v4 = parseIpv4(text, from, to);
  if (v4 >= 0) {
    into[0] = v4;
    return 4;
  }
  if (text.charCodeAt(from) === 91 && text.charCodeAt(to - 1) === 93) {
    from++;
    to--;
  }
  const zone = text.indexOf("%", from);
  if (zone !== -1 && zone < to) to = zone;
  if (!parseIpv6(text, from, to, into)) return 0;
  if (into[0] === 0 && into[1] === 0 && into[2] === 0xffff) {
    into[0] = into[3] ?? 0;
    return 4;
  }
  return 6;
}
