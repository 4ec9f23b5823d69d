import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { describeTrait } from "./describe-trait";
import type { ComputedTrait } from "./types";

type Definition = Parameters<typeof describeTrait>[0];

const pageViews: Definition = { eventType: "page", eventName: null, aggregate: "count", property: null, filters: [] };

describe("what a computed trait counts, in words", () => {
  it("names a count of page views", () => {
    expect(describeTrait(pageViews, sv)).toBe("Antal sidvisningar");
    expect(describeTrait(pageViews, en)).toBe("Number of page views");
  });

  it("names the property, the event and every condition", () => {
    const orders: Pick<ComputedTrait, keyof Definition> = {
      eventType: "track",
      eventName: "Order Completed",
      aggregate: "sum",
      property: "total",
      filters: [
        { property: "currency", op: "in", value: ["SEK", "NOK"] },
        { property: "coupon", op: "exists" },
      ],
    };
    expect(describeTrait(orders, sv)).toBe(
      "Summan av total i händelser ”Order Completed” där currency är en av SEK, NOK och coupon finns",
    );
  });
});
