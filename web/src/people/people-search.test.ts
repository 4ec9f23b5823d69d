import { describe, expect, it } from "vitest";
import { peopleExportHref, validatePeopleSearch } from "./people-search";

describe("the people list's address", () => {
  it("keeps the filters it knows and drops the rest", () => {
    expect(validatePeopleSearch({ q: "Berg", stage: "customer", city: "Lund", page: 3 })).toEqual({
      q: "Berg",
      stage: "customer",
      city: "Lund",
    });
    expect(validatePeopleSearch({ stage: "vip", q: " " })).toEqual({ q: undefined, stage: undefined, city: undefined });
  });

  it("reads digits the router turned into a number as search text", () => {
    expect(validatePeopleSearch({ q: 4711 }).q).toBe("4711");
  });

  it("exports exactly the filtered list", () => {
    expect(peopleExportHref({ q: "Berg", stage: "lead" })).toBe("/api/people/export.csv?q=Berg&lifecycleStage=lead");
    expect(peopleExportHref({})).toBe("/api/people/export.csv");
  });
});
