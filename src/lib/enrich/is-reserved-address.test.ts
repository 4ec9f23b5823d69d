import { describe, expect, it } from "vitest";
import { isReservedIpv4, isReservedIpv6 } from "./is-reserved-address";
import { readIpAddress } from "./read-ip-address";

function reserved(text: string): boolean {
  const into = new Uint32Array(4);
  const kind = readIpAddress(text, into);
  return kind === 4 ? isReservedIpv4(into[0] ?? 0) : isReservedIpv6(into);
}

describe("isReservedIpv4 and isReservedIpv6", () => {
  it("marks private, loopback, link-local, shared and documentation addresses", () => {
    for (const text of [
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "127.0.0.1",
      "169.254.10.10",
      "100.64.0.1",
      "192.0.2.5",
      "224.0.0.1",
      "::1",
      "::",
      "fd12:3456::1",
      "fe80::1",
      "ff02::1",
      "2001:db8::1",
    ]) {
      expect(reserved(text), text).toBe(true);
    }
  });

  it("leaves public addresses alone", () => {
    for (const text of ["172.32.0.1", "8.8.8.8", "193.10.1.1", "2001:6b0::1", "2a00:1450::1"]) {
      expect(reserved(text), text).toBe(false);
    }
  });
});
