import { describe, expect, it } from "vitest";
import { SALES_LETTER, sampleRegistry } from "../../../test/rules/sample-fields";
import { compileJsTraced } from "./compile-js-traced";

const registry = sampleRegistry();
const now = new Date("2026-10-05T08:00:00Z");

describe("compileJsTraced", () => {
  it("evaluates every part, also after the outcome is decided", () => {
    const trace = compileJsTraced(
      SALES_LETTER,
      registry,
    )({
      now,
      traits: { complaint_calls_90d: 1, page_views_30d: 7 },
      orders: { open_sek: "12000.50" },
    });
    expect(trace).toEqual({
      kind: "all",
      result: false,
      children: [
        {
          kind: "compare",
          result: false,
          field: "traits.complaint_calls_90d",
          label: "Complaint calls, 90 days",
          op: "gt",
          seen: 1,
          expected: 3,
        },
        {
          kind: "compare",
          result: false,
          field: "traits.page_views_30d",
          label: "Page views, 30 days",
          op: "lt",
          seen: 7,
          expected: 5,
        },
        {
          kind: "compare",
          result: true,
          field: "orders.open_sek",
          label: "Open orders",
          op: "gt",
          seen: 12000.5,
          expected: 10000,
        },
      ],
    });
  });

  it("records missing values as null and dates in ISO form, as plain JSON", () => {
    const trace = compileJsTraced(
      {
        any: [
          { not: { field: "person.birth_date", op: "before", value: "1990-01-01" } },
          { field: "person.last_seen_at", op: "is_set" },
          { field: "person.given_name", op: "is_set" },
        ],
      },
      registry,
    )({ now, person: { birth_date: new Date("1985-06-01T00:00:00Z"), last_seen_at: "2026-10-05 10:00:00+02" } });
    expect(trace.result).toBe(true);
    expect(trace.children?.[0]).toMatchObject({
      kind: "not",
      result: false,
      children: [{ seen: "1985-06-01", result: true }],
    });
    expect(trace.children?.[1]).toMatchObject({ seen: "2026-10-05T08:00:00.000Z", result: true });
    expect(trace.children?.[2]).toMatchObject({ seen: null, result: false });
    expect(trace.children?.[2]).not.toHaveProperty("expected");
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
  });
});
