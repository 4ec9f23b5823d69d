import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { SALES_LETTER, sampleRegistry } from "../../../test/rules/sample-fields";
import { compileSql } from "./compile-sql";
import type { Condition } from "./condition";

const registry = sampleRegistry();
const now = new Date("2026-10-05T08:00:00Z");
const query = (condition: Condition) => new PgDialect().sqlToQuery(compileSql(condition, registry, now));

describe("compileSql", () => {
  it("compiles the sales letter with every constant bound, and no comparison ever NULL", () => {
    expect(query(SALES_LETTER)).toMatchObject({
      sql:
        "(coalesce((traits.complaint_calls_90d) > $1::numeric, false) and " +
        "coalesce((traits.page_views_30d) < $2::numeric, false) and " +
        "coalesce((orders.open_sek) > $3::numeric, false))",
      params: ["3", "5", "10000"],
    });
  });

  it("keeps text out of the statement, however it is written", () => {
    const hostile = "'; drop table people; --";
    const { sql, params } = query({ field: "person.given_name", op: "starts_with", value: hostile });
    expect(sql).toBe("coalesce(left((person.given_name), length($1::text)) = $2::text, false)");
    expect(params).toEqual([hostile, hostile]);
  });

  it("compiles not, any, presence and case-sensitive text tests", () => {
    const { sql } = query({
      not: {
        any: [
          { field: "person.given_name", op: "contains", value: "Å" },
          { field: "person.lifecycle_stage", op: "not_in", value: ["lead", "customer"] },
          { field: "person.marketing_consent", op: "is_not_set" },
        ],
      },
    });
    expect(sql).toBe(
      "(not (coalesce(strpos((person.given_name), $1::text) > 0, false) or " +
        "coalesce((person.lifecycle_stage) not in ($2::text, $3::text), false) or " +
        "((person.marketing_consent) is null)))",
    );
  });

  it("binds time windows computed from now, and normalises timestamp constants to UTC", () => {
    expect(
      query({ field: "person.last_seen_at", op: "within_last", value: { amount: 2, unit: "hours" } }).params,
    ).toEqual(["2026-10-05T06:00:00.000Z", "2026-10-05T08:00:00.000Z"]);
    expect(
      query({ field: "person.birth_date", op: "more_than_ago", value: { amount: 3, unit: "days" } }),
    ).toMatchObject({
      sql: "coalesce((person.birth_date) < $1::date, false)",
      params: ["2026-10-02"],
    });
    expect(query({ field: "person.last_seen_at", op: "after", value: "2026-10-05T10:00:00+02:00" }).params).toEqual([
      "2026-10-05T08:00:00.000Z",
    ]);
  });

  it("hands fields the bound now, so time-relative fields agree with JS", () => {
    expect(query({ field: "person.local_hour", op: "eq", value: 9 })).toMatchObject({
      sql: "coalesce((extract(hour from ($1::timestamptz) at time zone person.time_zone)) = $2::numeric, false)",
      params: ["2026-10-05T08:00:00.000Z", "9"],
    });
  });

  it("refuses fields that exist only per event, naming them", () => {
    const condition: Condition = { any: [{ field: "event.country", op: "eq", value: "SE" }, SALES_LETTER] };
    expect(() => compileSql(condition, registry, now)).toThrow(
      "Cannot evaluate over the whole base: event.country exist only per event",
    );
  });

  it("refuses an invalid condition or now", () => {
    expect(() => compileSql({ any: [] }, registry, now)).toThrow(/needs at least one condition/);
    expect(() => compileSql(SALES_LETTER, registry, new Date(Number.NaN))).toThrow(/valid now/);
  });
});
