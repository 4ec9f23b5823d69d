import { describe, expect, it } from "vitest";
import { readIpAddress } from "./read-ip-address";

function read(text: string): [number, number[]] {
  const into = new Uint32Array(4);
  const kind = readIpAddress(text, into);
  return [kind, kind === 4 ? [into[0] ?? 0] : [...into]];
}

describe("readIpAddress", () => {
  it("reads IPv4 and IPv6 addresses with surrounding space, brackets and zones", () => {
    expect(read(" 192.0.2.1 ")).toEqual([4, [0xc0000201]]);
    expect(read("[2001:db8::1]")).toEqual([6, [0x20010db8, 0, 0, 1]]);
    expect(read("fe80::1%eth0")).toEqual([6, [0xfe800000, 0, 0, 1]]);
  });

  it("reads an IPv4 address mapped into IPv6 as IPv4", () => {
    expect(read("::ffff:192.0.2.1")).toEqual([4, [0xc0000201]]);
  });

  it("says 0 for what is no address", () => {
    expect(read("")[0]).toBe(0);
    expect(read("unknown")[0]).toBe(0);
    expect(read("1.2.3.4, 5.6.7.8")[0]).toBe(0);
  });
});
