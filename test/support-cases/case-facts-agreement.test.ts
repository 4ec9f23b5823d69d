import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import type { ManualClock } from "../../src/kernel/clock";
import type { Ctx } from "../../src/kernel/ctx";
import { uuidv7 } from "../../src/kernel/ids";
import { type Condition, compileJs, validateCondition } from "../../src/lib/rules";
import { createPerson } from "../../src/modules/register";
import { describeStores, inRollback } from "../support/services";

// A rule over case counts must pick the same people per event (facts loaded for one person, JS)
// as over the whole base (the grouped join, SQL): windows, open statuses, categories and the
// people without any case included.

const DAY = 86_400_000;
const PEOPLE = 8;
const STATUSES = ["new", "open", "waiting", "resolved", "closed"] as const;
const CATEGORIES = ["complaint", "billing", "återköp", "x-y_z", "constructor", "7"] as const;
const MEASURES = ["open_count", "count_30d", "count_90d", "count_365d"] as const;
const NUMBER_OPS = ["eq", "neq", "gt", "gte", "lt", "lte"] as const;

interface CaseRow {
  person: number;
  category: string;
  status: (typeof STATUSES)[number];
  offsetMs: number;
}

const offset = fc.oneof(
  fc.constantFrom(0, -1, 1, -30 * DAY, -30 * DAY - 1, -90 * DAY, -90 * DAY + 1, -90 * DAY - 1, -365 * DAY, -366 * DAY),
  fc.integer({ min: -400 * DAY, max: 2 * DAY }),
);
const caseRow: fc.Arbitrary<CaseRow> = fc.record({
  person: fc.integer({ min: 0, max: PEOPLE - 1 }),
  category: fc.oneof(fc.constantFrom(...CATEGORIES), fc.constantFrom("delivery", "question")),
  status: fc.constantFrom(...STATUSES),
  offsetMs: offset,
});

const numberField = fc.oneof(
  fc.constantFrom("cases.open_count", "cases.count_90d"),
  fc
    .tuple(fc.constantFrom(...CATEGORIES), fc.constantFrom(...MEASURES))
    .map(([category, measure]) => `cases.category.${category}.${measure}`),
);
const comparison: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ field: numberField, op: fc.constantFrom(...NUMBER_OPS), value: fc.integer({ min: 0, max: 4 }) }),
  fc.record({
    field: numberField,
    op: fc.constant("between" as const),
    value: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 2, max: 5 })),
  }),
  fc.record({
    field: fc.constant("cases.last_opened_at"),
    op: fc.constantFrom("within_last" as const, "more_than_ago" as const),
    value: fc.record({ amount: fc.integer({ min: 0, max: 120 }), unit: fc.constant("days") }),
  }),
  fc.record({
    field: fc.constant("cases.last_opened_at"),
    op: fc.constantFrom("is_set" as const, "is_not_set" as const),
  }),
);
const condition: fc.Arbitrary<Condition> = fc.oneof(
  comparison,
  fc.array(comparison, { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
  fc.array(comparison, { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
  comparison.map((inner) => ({ not: inner })),
);
const nowMs = fc.integer({ min: Date.parse("2025-01-01T00:00:00Z"), max: Date.parse("2027-12-31T00:00:00Z") });

describeStores("rules: case facts agree in JS and SQL", ({ services }) => {
  const personIds: string[] = [];

  beforeAll(async () => {
    const ctx = services().systemCtx("test");
    for (let index = 0; index < PEOPLE; index++) {
      personIds.push((await createPerson(ctx, { givenNames: `Person${index}`, surname: "Ärendesson" })).id);
    }
  });

  async function insertCases(ctx: Ctx, rows: CaseRow[], now: number) {
    await ctx.db.execute(sql`delete from cases`);
    if (rows.length === 0) return;
    const values = rows.map(
      (row) =>
        sql`(${uuidv7()}, ${personIds[row.person]}, 'Ärende', ${row.category}, 'other', 'normal', ${row.status}, 1,
          ${new Date(now + row.offsetMs).toISOString()}::timestamptz, 'test', now(), now())`,
    );
    await ctx.db.execute(
      sql`insert into cases (id, person_id, subject, category, channel, priority, status, line, opened_at,
            source_system, created_at, updated_at) values ${sql.join(values, sql`, `)}`,
    );
  }

  it("match the same people for random cases, conditions and instants", async () => {
    const engine = services().rules;
    const clock = services().clock as ManualClock;
    await fc.assert(
      fc.asyncProperty(fc.array(caseRow, { maxLength: 40 }), condition, nowMs, async (rows, tree, now) => {
        clock.set(new Date(now));
        await inRollback(services().systemCtx("test"), async (ctx) => {
          await insertCases(ctx, rows, now);
          const registry = await engine.registry(ctx);
          expect(validateCondition(tree, registry)).toEqual([]);
          const facts = await engine.loadFacts(ctx, ["cases"], personIds);
          const check = compileJs(tree, registry);
          const expected = personIds.filter((id) => check(facts(id, {}))).sort();
          const matched = await engine.matchingPeople(ctx, tree, { limit: PEOPLE });
          expect([...matched.ids].sort()).toEqual(expected);
          expect(matched.count).toBe(expected.length);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("counts each category apart, with the category only ever a bound parameter", async () => {
    const clock = services().clock as ManualClock;
    const now = Date.parse("2026-11-02T08:00:00Z");
    clock.set(new Date(now));
    await inRollback(services().systemCtx("test"), async (ctx) => {
      await insertCases(
        ctx,
        [
          { person: 0, category: "återköp", status: "open", offsetMs: -DAY },
          { person: 0, category: "återköp", status: "closed", offsetMs: -40 * DAY },
          { person: 1, category: "complaint", status: "new", offsetMs: -DAY },
        ],
        now,
      );
      const registry = await services().rules.registry(ctx);
      const refused: Condition = { field: "cases.category.x'; drop table cases; --.count_90d", op: "gt", value: 0 };
      expect(validateCondition(refused, registry)[0]).toMatchObject({ code: "unknown_field" });
      const returns = await services().rules.matchingPeople(ctx, {
        all: [
          { field: "cases.category.återköp.count_90d", op: "eq", value: 2 },
          { field: "cases.category.återköp.open_count", op: "eq", value: 1 },
          { field: "cases.category.återköp.count_30d", op: "eq", value: 1 },
        ],
      });
      expect(returns.ids).toEqual([personIds[0]]);
    });
  });
});
