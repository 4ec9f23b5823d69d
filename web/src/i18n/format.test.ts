import { describe, expect, it } from "vitest";
import {
  formatCountry,
  formatDate,
  formatDateTime,
  formatDateTimeSeconds,
  formatFileSize,
  formatKronor,
  formatLanguage,
  formatLongDate,
  formatMilliseconds,
  formatNumber,
  formatPercent,
  formatSigned,
} from "./format";

const NBSP = "\u00a0";
// Built from local parts so the expectations hold in every time zone.
const sunday = new Date(2026, 10, 22, 9, 5);

describe("Swedish formats", () => {
  it("writes dates the ISO way", () => {
    expect(formatDate(sunday, "sv")).toBe("2026-11-22");
    expect(formatDateTime(sunday, "sv")).toBe("2026-11-22 09:05");
    expect(formatDateTimeSeconds(new Date(2026, 10, 22, 9, 5, 17), "sv")).toBe("2026-11-22 09:05:17");
  });

  it("spells out long dates in Swedish", () => {
    expect(formatLongDate(sunday, "sv")).toBe("söndag 22 november 2026");
  });

  it("groups digits with no-break spaces and uses a decimal comma", () => {
    expect(formatNumber(1234567.5, "sv")).toBe(`1${NBSP}234${NBSP}567,5`);
  });

  it("writes a share as per cent with a space before the sign, never rounding a near-certainty up to 100", () => {
    expect(formatPercent(0.98016, "sv")).toBe(`98${NBSP}%`);
    expect(formatPercent(0.9994, "sv", 1)).toBe(`99,9${NBSP}%`);
    expect(formatPercent(0.99996, "sv", 1)).toBe(`>${NBSP}99,9${NBSP}%`);
    expect(formatPercent(1, "sv")).toBe(`100${NBSP}%`);
    expect(formatPercent(0.000001, "sv")).toBe(`<${NBSP}1${NBSP}%`);
  });

  it("writes a weight with its sign and a decimal comma", () => {
    expect(formatSigned(5.626, "sv")).toBe("+5,6");
    expect(formatSigned(-1.32, "sv")).toBe("\u22121,3");
    expect(formatSigned(0, "sv")).toBe("0,0");
    expect(formatSigned(-0.01, "sv")).toBe("0,0");
  });

  it("writes kronor after the amount, with öre only when there are any", () => {
    expect(formatKronor(12345, "sv")).toBe(`12${NBSP}345${NBSP}kr`);
    expect(formatKronor(12345.5, "sv")).toBe(`12${NBSP}345,50${NBSP}kr`);
  });

  it("names languages in Swedish, as a label", () => {
    expect(formatLanguage("sv", "sv")).toBe("Svenska");
    expect(formatLanguage("fi", "sv")).toBe("Finska");
  });

  it("names countries in Swedish, and keeps a code it does not know", () => {
    expect(formatCountry("SE", "sv")).toBe("Sverige");
    expect(formatCountry("no", "sv")).toBe("Norge");
    expect(formatCountry("??", "sv")).toBe("??");
  });

  it("writes file sizes in kB and MB with a decimal comma", () => {
    expect(formatFileSize(120_400, "sv")).toBe(`120${NBSP}kB`);
    expect(formatFileSize(2_400_000, "sv")).toBe(`2,4${NBSP}MB`);
  });

  it("writes short times in milliseconds to the hundredth, and longer ones whole", () => {
    expect(formatMilliseconds(0.4231, "sv")).toBe("0,42");
    expect(formatMilliseconds(1234.6, "sv")).toBe(`1${NBSP}235`);
  });

  it("accepts the ISO strings the API sends", () => {
    expect(formatDate(sunday.toISOString(), "sv")).toBe("2026-11-22");
  });
});

describe("English formats", () => {
  it("writes dates the British way", () => {
    expect(formatDate(sunday, "en")).toBe("22/11/2026");
    expect(formatDateTime(sunday, "en")).toBe("22/11/2026, 09:05");
    expect(formatLongDate(sunday, "en")).toBe("Sunday, 22 November 2026");
  });

  it("groups digits with commas", () => {
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
  });

  it("names languages in English", () => {
    expect(formatLanguage("sv", "en")).toBe("Swedish");
  });

  it("still counts in Swedish kronor", () => {
    expect(formatKronor(12345, "en")).toBe(`SEK${NBSP}12,345`);
  });
});
