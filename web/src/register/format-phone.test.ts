import { describe, expect, it } from "vitest";
import { formatPhone } from "./format-phone";

describe("phone numbers", () => {
  it("writes Swedish numbers with the area code and groups", () => {
    expect(formatPhone("+46701234567")).toBe("070-123 45 67");
    expect(formatPhone("+46812345678")).toBe("08-123 456 78");
  });

  it("keeps the country code on foreign numbers", () => {
    expect(formatPhone("+4740123456")).toBe("+47 40 12 34 56");
  });

  it("shows what it cannot read unchanged", () => {
    expect(formatPhone("okänt")).toBe("okänt");
  });
});
