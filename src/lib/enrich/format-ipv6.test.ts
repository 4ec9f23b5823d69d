import { describe, expect, it } from "vitest";
import { formatIpv6 } from "./format-ipv6";

describe("formatIpv6", () => {
  it("writes the canonical short form", () => {
    expect(formatIpv6([0x20010db8, 0, 0, 1])).toBe("2001:db8::1");
    expect(formatIpv6([0, 0, 0, 0])).toBe("::");
    expect(formatIpv6([0x20010db8, 0x00010000, 0, 0])).toBe("2001:db8:1::");
    expect(formatIpv6([0x20010db8, 0, 0x00010000, 1])).toBe("2001:db8::1:0:0:1");
  });

  it("leaves a single zero group written out", () => {
    expect(formatIpv6([0x20010db8, 0x00000001, 0x00010001, 0x00010001])).toBe("2001:db8:0:1:1:1:1:1");
  });
});
