import { formatIpv6 } from "./format-ipv6";
import { readIpAddress } from "./read-ip-address";

/** What is kept of a visitor's address: all of it, the network only, or nothing. */
export type IpMode = "keep" | "truncate" | "drop";

const words = new Uint32Array(4);

/**
 * The address as it may be stored. "truncate" keeps the network (IPv4 /24, IPv6 /48), which
 * still tells country and provider but no longer points at one household. Anything that is not
 * an address gives null, so garbage never reaches storage.
 */
export function anonymizeIp(ip: string | null | undefined, mode: IpMode): string | null {
  if (mode === "drop" || typeof ip !== "string") return null;
  const kind = readIpAddress(ip, words);
  if (kind === 0) return null;
  if (kind === 4) {
    const address = mode === "truncate" ? ((words[0] ?? 0) & 0xffffff00) >>> 0 : (words[0] ?? 0);
    return `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`;
  }
  if (mode === "truncate") {
    words[1] = (words[1] ?? 0) & 0xffff0000;
    words[2] = 0;
    words[3] = 0;
  }
  return formatIpv6(words);
}
