import { describe, expect, it } from "vitest";
import { parseIpv6 } from "./parse-ipv6";

function words(text: string): number[] | null {
  const into = new Uint32Array(4);
  return parseIpv6(text, 0, text.length, into) ? [...into] : null;
}

describe("parseIpv6", () => {
  it("reads full and shortened addresses into four big-endian words", () => {
    expect(words("2001:0db8:0000:0000:0000:ff00:0042:8329")).toEqual([0x20010db8, 0, 0xff00, 0x00428329]);
    expect(words("2001:db8::ff00:42:8329")).toEqual([0x20010db8, 0, 0xff00, 0x00428329]);
    expect(words("::")).toEqual([0, 0, 0, 0]);
    expect(words("::1")).toEqual([0, 0, 0, 1]);
    expect(words("fe80::")).toEqual([0xfe800000, 0, 0, 0]);
    expect(words("2001:2::ffff:ffff:ffff:ffff:ffff")).toEqual([0x20010002, 0xffff, 0xffffffff, 0xffffffff]);
    expect(words("2A00:1450:400F:80C::200E")).toEqual([0x2a001450, 0x400f080c, 0, 0x200e]);
  });

  it("reads an embedded IPv4 tail", () => {
    expect(words("::ffff:192.0.2.1")).toEqual([0, 0, 0xffff, 0xc0000201]);
  });

  it("refuses malformed addresses", () => {
    for (const text of [
      "",
      ":",
      ":1::",
      "1::2::3",
      "1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:8:9",
      "12345::",
      "1:",
      "g::",
      "::1.2.3",
    ]) {
      expect(words(text), text).toBeNull();
    }
  });
});
