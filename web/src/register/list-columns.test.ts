import { describe, expect, it } from "vitest";
import { sv } from "../i18n/sv";
import { columnText, optionalColumns, shownColumns, sortAfterHiding, validSort } from "./list-columns";
import type { CustomAttribute } from "./types";

const attribute = (key: string, type: CustomAttribute["type"], retired = false): CustomAttribute => ({
  id: key,
  key,
  label: key,
  description: null,
  type,
  choices: null,
  required: false,
  retired,
});

describe("a list's optional columns and its order", () => {
  it("takes an order the list knows, or a custom attribute's, from the address", () => {
    const builtIn = ["name", "createdAt"];
    expect(validSort("-createdAt", builtIn)).toBe("-createdAt");
    expect(validSort("custom.kundniva", builtIn)).toBe("custom.kundniva");
    expect(validSort("-custom.kredit_grans", builtIn)).toBe("-custom.kredit_grans");
    expect(validSort("surname", builtIn)).toBeUndefined();
    expect(validSort("custom.Niva", builtIn)).toBeUndefined();
    expect(validSort("--name", builtIn)).toBeUndefined();
    expect(validSort(3, builtIn)).toBeUndefined();
  });

  it("offers the register's fields, then the custom ones still in use, and shows those chosen in that order", () => {
    const columns = optionalColumns(
      "organization",
      [attribute("kredit", "kronor"), attribute("gammal", "text", true), attribute("avtal", "date")],
      sv,
    );
    expect(columns.map((column) => [column.id, column.numeric, column.firstDescending])).toEqual([
      ["revenueSek", true, true],
      ["createdAt", false, true],
      ["lastContactAt", false, false],
      ["nextContactAt", false, false],
      ["custom.kredit", true, true],
      ["custom.avtal", false, false],
    ]);
    expect(shownColumns(columns, ["custom.avtal", "custom.gammal", "revenueSek"]).map((column) => column.id)).toEqual([
      "revenueSek",
      "custom.avtal",
    ]);
  });

  it("writes each value as the list shows it, and nothing where there is none", () => {
    const [birthDate, , lastContact, nextContact, kronor, yes] = optionalColumns(
      "person",
      [attribute("kredit", "kronor"), attribute("medlem", "boolean")],
      sv,
    );
    const row = { birthDate: "1961-02-03", custom: { kredit: 125000, medlem: false } };
    expect(birthDate && columnText(birthDate, row, "sv", sv)).toBe("1961-02-03");
    expect(kronor && columnText(kronor, row, "sv", sv).replace(/\s/g, " ")).toBe("125 000 kr");
    expect(yes && columnText(yes, row, "sv", sv)).toBe("Nej");
    expect(birthDate && columnText(birthDate, { birthDate: null, custom: {} }, "sv", sv)).toBe("");
    expect(yes && columnText(yes, { custom: {} }, "sv", sv)).toBe("");
    expect(lastContact?.label).toBe("Senaste kontakt");
    expect(
      lastContact && columnText(lastContact, { lastContactAt: "2026-06-19T07:30:00Z", custom: {} }, "sv", sv),
    ).toBe("2026-06-19");
    expect(lastContact && columnText(lastContact, { lastContactAt: null, custom: {} }, "sv", sv)).toBe("");
    // A booked meeting is shown with its time: the seller needs to know when to be there.
    expect(nextContact?.label).toBe("Nästa bokade kontakt");
    expect(nextContact && columnText(nextContact, { nextContactAt: "2026-12-03T10:00:00", custom: {} }, "sv", sv)).toBe(
      "2026-12-03 10:00",
    );
  });

  it("drops the order when the column it is by is hidden", () => {
    expect(sortAfterHiding("-custom.kundniva", "custom.kundniva")).toBeUndefined();
    expect(sortAfterHiding("custom.kundniva", "createdAt")).toBe("custom.kundniva");
    expect(sortAfterHiding(undefined, "createdAt")).toBeUndefined();
  });
});
