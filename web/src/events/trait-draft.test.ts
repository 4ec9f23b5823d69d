import { describe, expect, it } from "vitest";
import { EMPTY_TRAIT, traitBody } from "./trait-draft";

describe("a computed trait as the form sends it", () => {
  it("leaves out the property of a count and an empty event name", () => {
    const body = traitBody({ ...EMPTY_TRAIT, key: " page_views_30d ", label: "Sidvisningar", property: "total" });
    expect(body).toMatchObject({ key: "page_views_30d", aggregate: "count", windowDays: 30 });
    expect(body.property).toBeUndefined();
    expect(body.eventName).toBeUndefined();
  });

  it("reads numbers the Swedish way for comparisons, lists for 'is one of', flags as booleans", () => {
    const body = traitBody({
      ...EMPTY_TRAIT,
      aggregate: "sum",
      property: "total",
      filters: [
        { property: "total", op: "gte", value: "1 234,5" },
        { property: "currency", op: "in", value: "SEK, NOK, 4" },
        { property: "gift", op: "eq", value: "true" },
        { property: "coupon", op: "exists", value: "ignored" },
        { property: "note", op: "eq", value: "  " },
      ],
    });
    expect(body.property).toBe("total");
    expect(body.filters.map((filter) => filter.value)).toEqual([1234.5, ["SEK", "NOK", 4], true, undefined, undefined]);
  });

  it("sends no window while the number input is empty, so the server names the field", () => {
    expect(traitBody({ ...EMPTY_TRAIT, windowDays: "" }).windowDays).toBeUndefined();
  });
});
