import { describe, expect, it } from "vitest";
import { chooseSurvivor, type SourcedValue } from "./choose-survivor";

const values: SourcedValue<string | null>[] = [
  { value: "Storgatan 12", source: "webshop", observedAt: "2021-03-01T00:00:00Z" },
  { value: "Ekvägen 3", source: "crm", observedAt: "2019-05-10T00:00:00Z" },
  { value: null, source: "support", observedAt: "2024-01-01T00:00:00Z" },
  { value: "Storgatan 12", source: "store", observedAt: "2023-08-15T00:00:00Z" },
];

describe("chooseSurvivor", () => {
  it("most_recent keeps the value seen last, never an empty one", () => {
    expect(chooseSurvivor(values, "most_recent")).toEqual([values[3]]);
  });

  it("source_trust keeps the most trusted source's value", () => {
    expect(chooseSurvivor(values, "source_trust", { crm: 3, webshop: 2 })).toEqual([values[1]]);
  });

  it("source_trust breaks a tie by recency", () => {
    expect(chooseSurvivor(values, "source_trust", { webshop: 1, store: 1 })).toEqual([values[3]]);
  });

  it("most_complete keeps the value with most parts filled in", () => {
    const names: SourcedValue<{ givenNames: string[]; preferred: string[] }>[] = [
      { value: { givenNames: ["Stig"], preferred: [] }, source: "webshop", observedAt: "2024-01-01" },
      {
        value: { givenNames: ["Karl", "Stig", "Emanuel"], preferred: ["Stig"] },
        source: "crm",
        observedAt: "2018-01-01",
      },
    ];
    expect(chooseSurvivor(names, "most_complete")[0]?.value.givenNames).toEqual(["Karl", "Stig", "Emanuel"]);
  });

  it("keep_all keeps each distinct value once, as last seen, newest first", () => {
    expect(chooseSurvivor(values, "keep_all")).toEqual([values[3], values[1]]);
  });

  it("gives nothing for no values", () => {
    expect(chooseSurvivor([], "most_recent")).toEqual([]);
    expect(chooseSurvivor([{ value: "", source: "x", observedAt: "2020-01-01" }], "keep_all")).toEqual([]);
  });
});
