import { describe, expect, it } from "vitest";
import { SALES_LETTER } from "../../../test/rules/sample-fields";
import { ZCondition } from "./z-condition";

describe("ZCondition", () => {
  it("accepts the shape of nested conditions, whatever the fields", () => {
    const condition = { not: { any: [SALES_LETTER, { field: "anything", op: "is_set" }] } };
    expect(ZCondition.parse(condition)).toEqual(condition);
  });

  it("refuses unknown operators and extra keys", () => {
    expect(ZCondition.safeParse({ field: "x", op: "greater", value: 1 }).success).toBe(false);
    expect(ZCondition.safeParse({ all: [], any: [] }).success).toBe(false);
    expect(ZCondition.safeParse({ field: "x", op: "eq", value: 1, note: "" }).success).toBe(false);
  });
});
