import { describe, expect, it } from "vitest";
import { SALES_LETTER } from "../../../test/rules/sample-fields";
import { conditionFields } from "./condition-fields";

describe("conditionFields", () => {
  it("lists each field once, in order, from every depth", () => {
    expect(conditionFields(SALES_LETTER)).toEqual([
      "traits.complaint_calls_90d",
      "traits.page_views_30d",
      "orders.open_sek",
    ]);
    expect(
      conditionFields({
        any: [
          { not: { field: "event.country", op: "eq", value: "SE" } },
          { all: [SALES_LETTER, { field: "event.country", op: "is_set" }] },
        ],
      }),
    ).toEqual(["event.country", "traits.complaint_calls_90d", "traits.page_views_30d", "orders.open_sek"]);
  });
});
