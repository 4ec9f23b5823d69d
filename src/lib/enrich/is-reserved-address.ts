/**
 * True for an IPv4 address (as an unsigned number) in a block that belongs to no country
 * (RFC 6890 and friends): this network, private networks, carrier-grade NAT, loopback,
 * link-local, IETF protocol assignments, documentation, benchmarking, multicast and reserved.
 * The registry data lists some of them under a country, so they are checked before it.
 * Decided by the first octet because this runs for every event.
 */
export function isReservedIpv4(address: number): boolean {
  const first = address >>> 24;
  switch (first) {
    case 0:
    case 10:
    case 127:
      return true;
    case 100:
      return address >>> 22 === 0x64400000 >>> 22;
    case 169:
      return address >>> 16 === 0xa9fe;
    case 172:
      return address >>> 20 === 0xac1;
    case 192:
      return address >>> 16 === 0xc0a8 || address >>> 8 === 0xc00000 || address >>> 8 === 0xc00002;
    case 198:
      return address >>> 17 === 0xc612 >>> 1 || address >>> 8 === 0xc63364;
    case 203:
      return address >>> 8 === 0xcb0071;
    default:
      return first >= 224;
  }
}

/**
 * True for an IPv6 address (four big-endian words) outside global unicast or in a block that
 * belongs to no country: unspecified, loopback, unique local (fc00::/7), link-local
 * (fe80::/10), multicast (ff00::/8) and documentation (2001:db8::/32).
 */
export function isReservedIpv6(words: Uint32Array): boolean {
  const top = words[0] ?? 0;
  if (top === 0) return true;
  const firstByte = top >>> 24;
  if (firstByte === 0xfc || firstByte === 0xfd || firstByte === 0xff) return true;
  if (top >>> 22 === 0xfe80 >>> 6) return true;
  return top === 0x20010db8;
}
