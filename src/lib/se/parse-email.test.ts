import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEmail } from "./parse-email";

describe("parseEmail", () => {
  it("trims, lower-cases the domain and keeps the local part as given", () => {
    expect(parseEmail("  Anna.Svensson@Exempel.SE ")).toEqual({
      ok: true,
      value: { address: "Anna.Svensson@exempel.se", domain: "exempel.se", canonical: "anna.svensson@exempel.se" },
    });
  });

  it("accepts the forms real addresses take", () => {
    for (const input of [
      "a@b.se",
      "first.last+tag@sub.domain.example.com",
      "o'brien@example.ie",
      "åsa@räksmörgås.se",
      "x_y-z@xn--rksmrgs-5wao1o.se",
      "info@example.museum",
      "1234@123.example.com",
    ]) {
      expect(parseEmail(input).ok, input).toBe(true);
    }
  });

  it("refuses the junk import files hold", () => {
    for (const input of [
      "",
      "   ",
      "anna",
      "anna@",
      "@example.se",
      "anna@example",
      "anna@example.",
      "anna@.example.se",
      "anna@example..se",
      "anna@@example.se",
      "anna@b@example.se",
      "anna svensson@example.se",
      "anna@exam ple.se",
      ".anna@example.se",
      "anna.@example.se",
      "an..na@example.se",
      "anna@example.s",
      "anna@example.123",
      "anna@-example.se",
      "anna@example-.se",
      '"anna"@example.se',
      "anna,bertil@example.se",
      "<anna@example.se>",
      "anna@example.se;bertil@example.se",
      `${"a".repeat(65)}@example.se`,
    ]) {
      expect(parseEmail(input), input).toMatchObject({ ok: false, code: "invalid_email" });
    }
  });

  it("gives a canonical form that is the same for any casing of the address", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const lower = parseEmail(email.toLowerCase());
        const upper = parseEmail(email.toUpperCase());
        return lower.ok === upper.ok && (!lower.ok || (upper.ok && lower.value.canonical === upper.value.canonical));
      }),
    );
  });

  it("accepts what it produced", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const parsed = parseEmail(email);
        if (!parsed.ok) return true;
        const again = parseEmail(parsed.value.address);
        return again.ok && again.value.address === parsed.value.address;
      }),
    );
  });

  it("never throws", () => {
    fc.assert(fc.property(fc.string(), (input) => typeof parseEmail(input).ok === "boolean"));
  });
});
