import fc from "fast-check";
import Personnummer from "personnummer";
import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "./luhn";
import { parsePersonnummer } from "./parse-personnummer";

const TODAY = new Date(2025, 5, 15);

/** Completes YYMMDDNNN, or CCYYMMDDNNN, with its check digit. */
function withCheckDigit(payload: string): string {
  const short = payload.slice(-9);
  return payload + luhnCheckDigit(short, 9);
}

function normalizedOf(input: string, today = TODAY): string | null {
  const parsed = parsePersonnummer(input, today);
  return parsed.ok ? parsed.value.normalized : null;
}

function codeOf(input: string, today = TODAY): string | null {
  const parsed = parsePersonnummer(input, today);
  return parsed.ok ? null : parsed.code;
}

describe("parsePersonnummer", () => {
  it("reads the 12-digit form", () => {
    expect(parsePersonnummer("19121212-1212", TODAY)).toEqual({
      ok: true,
      value: {
        normalized: "191212121212",
        kind: "personnummer",
        birthDate: "1912-12-12",
        sex: "male",
        formatted: "19121212-1212",
      },
    });
  });

  it("places a 10-digit number in the century that makes the person under 100, or 100 and over with '+'", () => {
    expect(normalizedOf("121212-1212")).toBe("201212121212");
    expect(normalizedOf("1212121212")).toBe("201212121212");
    expect(normalizedOf("121212+1212")).toBe("191212121212");
  });

  it("switches to '+' in the calendar year of the 100th birthday, as the register does", () => {
    const born1925 = withCheckDigit("251231123");
    expect(normalizedOf(`${born1925.slice(0, 6)}+${born1925.slice(6)}`)).toBe(`19${born1925}`);
    const born1926 = withCheckDigit("260101123");
    expect(normalizedOf(`${born1926.slice(0, 6)}-${born1926.slice(6)}`)).toBe(`19${born1926}`);
    expect(normalizedOf(`${born1926.slice(0, 6)}+${born1926.slice(6)}`)).toBe(`18${born1926}`);
  });

  it("reads a samordningsnummer, whose day is the birth day + 60", () => {
    expect(parsePersonnummer("701063-2391", TODAY)).toEqual({
      ok: true,
      value: {
        normalized: "197010632391",
        kind: "samordningsnummer",
        birthDate: "1970-10-03",
        sex: "male",
        formatted: "19701063-2391",
      },
    });
  });

  it("accepts the published test numbers of the population register", () => {
    const endOf2026 = new Date(2026, 11, 31);
    for (const number of [
      "199001012385",
      "189001019802",
      "190001019801",
      "200002292399",
      "202402292383",
      "202601612381",
      "191401682396",
    ]) {
      expect(normalizedOf(number, endOf2026)).toBe(number);
    }
  });

  it("tells the sexes apart by the third serial digit: odd for men, even for women", () => {
    const parsed = parsePersonnummer("19900101-2385", TODAY);
    expect(parsed.ok && parsed.value.sex).toBe("female");
  });

  it("accepts spaces, a missing separator and dashes from word processors", () => {
    for (const input of [" 19121212 1212 ", "191212121212", "19121212–1212", "19121212 - 1212", "121212 + 1212"]) {
      expect(normalizedOf(input)).toBe("191212121212");
    }
    expect(normalizedOf("19121212+1212")).toBe("191212121212");
  });

  it("leap days depend on the century the separator picks", () => {
    expect(normalizedOf("000229-2399")).toBe("200002292399");
    expect(codeOf("000229+2399")).toBe("invalid_date");
    expect(codeOf(withCheckDigit("190002291234".slice(0, 11)))).toBe("invalid_date");
  });

  it("refuses what is not a personnummer at all", () => {
    for (const input of [
      "",
      "   ",
      "abc",
      "12121212",
      "121212-12121",
      "1212-121212",
      "191212-121212",
      "19121212+-1212",
      "1912121212120",
      "121212-12T2",
      "121212/1212",
    ]) {
      expect(codeOf(input), input).toBe("invalid_format");
    }
  });

  it("refuses the serial number 000, which is never issued", () => {
    expect(codeOf(`19${withCheckDigit("900101000")}`)).toBe("invalid_format");
  });

  it("reports a wrong check digit", () => {
    expect(parsePersonnummer("19121212-1213", TODAY)).toMatchObject({ ok: false, code: "invalid_checksum" });
  });

  it("reports dates that do not exist", () => {
    for (const payload of [
      "199013012", // month 13
      "199000012", // month 0
      "199001322", // day 32
      "199002302", // 30 February
      "199001002", // day 0
      "199001602", // samordningsnummer without a day
      "199001922", // samordningsnummer day 32
      "179001012", // a century no personnummer has
      "219001012",
    ]) {
      const input = `${payload.slice(0, 2)}${withCheckDigit(`${payload.slice(2)}12`)}`;
      expect(codeOf(input), input).toBe("invalid_date");
    }
  });

  it("refuses a birth date after today, which catches a mistyped century", () => {
    const input = `20${withCheckDigit("850312123")}`;
    expect(parsePersonnummer(input, TODAY)).toMatchObject({ ok: false, code: "invalid_date" });
    expect(normalizedOf(`19${input.slice(2)}`)).toBe(`19${input.slice(2)}`);
    expect(codeOf(withCheckDigit("20250616123"))).toBe("invalid_date");
    expect(normalizedOf(withCheckDigit("20250615123"))).toBe(withCheckDigit("20250615123"));
  });

  it("catches every single mistyped digit and every swap of two different neighbouring digits but 0 and 9", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 8 }), (digit, at) => {
        const valid = "199001012385";
        const position = 2 + at;
        if (String(digit) === valid[position]) return true;
        const changed = valid.slice(0, position) + digit + valid.slice(position + 1);
        return codeOf(changed) !== null;
      }),
    );
    const valid = "199001012385";
    for (let i = 2; i < 11; i++) {
      const a = valid[i] as string;
      const b = valid[i + 1] as string;
      if (a === b || (a === "0" && b === "9") || (a === "9" && b === "0")) continue;
      const swapped = valid.slice(0, i) + b + a + valid.slice(i + 2);
      expect(codeOf(swapped), swapped).not.toBeNull();
    }
  });

  it("agrees with the personnummer package on numbers with a century", () => {
    // Up to last year only: the two differ on purpose about birth dates later than today.
    const candidate = fc
      .record({
        year: fc.integer({ min: 1800, max: new Date().getFullYear() - 1 }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 93 }),
        serial: fc.integer({ min: 0, max: 999 }),
        check: fc.option(fc.integer({ min: 0, max: 9 })),
      })
      .map(({ year, month, day, serial, check }) => {
        const payload = `${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${String(serial).padStart(3, "0")}`;
        return payload + (check ?? luhnCheckDigit(payload.slice(2), 9));
      });
    fc.assert(
      fc.property(candidate, (number) => parsePersonnummer(number).ok === Personnummer.valid(number)),
      { numRuns: 5_000 },
    );
  });

  it("never throws, and fails only with its documented codes", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9 +-]{0,16}$/)), (input) => {
        const parsed = parsePersonnummer(input, TODAY);
        return parsed.ok || ["invalid_format", "invalid_checksum", "invalid_date"].includes(parsed.code);
      }),
    );
  });
});
