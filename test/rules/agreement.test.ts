import { sql } from "drizzle-orm";
import fc from "fast-check";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/db/client";
import { queryRows } from "../../src/db/rows";
import {
  type Condition,
  compileJs,
  compileJsTraced,
  compileSql,
  type FieldDef,
  FieldRegistry,
  OPERATORS_BY_TYPE,
  type Operator,
  validateCondition,
} from "../../src/lib/rules";
import { openTestStore, STORE_KINDS } from "../support/stores";

// Both compilers must pick the same people: a segment counted in SQL and the per-event decision
// for one person of it may never disagree. Rows hold every column type, each nullable, in the
// forms the drivers hand JS (numeric as text, bigint as BigInt, timestamps as Date or ISO text).

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONE = "Europe/Stockholm";
const STAGES = ["interested", "prospect", "lead", "customer"] as const;
const TEXTS = ["Åsa", "åsa", "ÅSA", "Ängel", "ängel", "Örebro", "örebro", "Öre", "Malmö", "MALMÖ", "", " ", "a", "A"];
const TEXT_UNITS = ["a", "A", "å", "Å", "ä", "Ä", "ö", "Ö", "e", "é", "e\u0301", "ß", " ", "😀"];
const ZONES = ["Europe/Stockholm", "Europe/Helsinki", "Europe/London", "America/New_York", "UTC", "Asia/Kolkata"];
// Stockholm's DST changes and one midnight there: where "today" and the local hour jump.
const INSTANTS = [
  "2024-03-31T01:00:00Z",
  "2024-10-27T01:00:00Z",
  "2025-03-30T01:00:00Z",
  "2025-10-26T01:00:00Z",
  "2026-03-29T01:00:00Z",
  "2026-10-25T01:00:00Z",
  "2025-06-30T22:00:00Z",
].map((iso) => Date.parse(iso));

interface Row {
  id: number;
  n: number | null;
  k: string | null;
  b: bigint | null;
  f: number | null;
  t: string | null;
  c: string | null;
  flag: boolean | null;
  dayOffset: number | null;
  dateAsDate: boolean;
  tsOffset: number | null;
  tsForm: "date" | "utc" | "local";
  tz: string | null;
}

function field(name: string, type: FieldDef["type"], extra: Partial<FieldDef> = {}): FieldDef {
  return {
    key: `r.${name}`,
    label: name,
    type,
    group: "r",
    js: (facts) => (facts.r as Record<string, unknown>)[name],
    sql: () => sql.raw(`r.${name}`),
    ...extra,
  };
}

const registry = new FieldRegistry();
for (const def of [
  field("n", "number"),
  field("k", "kronor"),
  field("b", "number"),
  field("f", "number"),
  field("t", "text"),
  field("c", "choice", { choices: STAGES }),
  field("flag", "boolean"),
  field("d", "date"),
  field("ts", "timestamp"),
  field("local_hour", "number", {
    js: (facts) => {
      const zone = (facts.r as Record<string, unknown>).tz;
      return typeof zone === "string" ? DateTime.fromJSDate(facts.now, { zone }).hour : null;
    },
    sql: (now) => sql`extract(hour from ${now} at time zone r.tz)`,
  }),
]) {
  registry.register(def);
}

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 5 });
const cents = fc.oneof(fc.constantFrom(0, 1_000_000, 1_000_050, 9_999, -525), fc.integer({ min: -2e6, max: 2e6 }));
const numberConstant = fc.oneof(
  fc.constantFrom(-2, 0, 1, 3, 4, 5, 10, 10_000, 10_000.5, 0.1, -5.25, 99.99),
  fc.integer({ min: -20, max: 20 }),
  cents.map((c) => c / 100),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);
const text = fc.oneof(
  fc.constantFrom(...TEXTS),
  fc.array(fc.constantFrom(...TEXT_UNITS), { maxLength: 5 }).map((units) => units.join("")),
);
const dayOffset = fc.oneof(fc.constantFrom(0, -1, -3, -4, -30, -31, 1), fc.integer({ min: -40, max: 5 }));
const tsOffset = fc.oneof(
  fc.constantFrom(0, 1, -1, -30 * DAY, -30 * DAY - 1, -3 * DAY, -3 * DAY + 1, -HOUR, -90 * 60_000),
  fc.integer({ min: -40 * DAY, max: 2 * DAY }),
);

const row = fc.record({
  n: nullable(fc.integer({ min: -3, max: 12 })),
  k: nullable(cents.map((c) => (c / 100).toFixed(2))),
  b: nullable(fc.oneof(fc.constantFrom(0n, 3n, 10_000n), fc.bigInt(-(10n ** 12n), 10n ** 12n))),
  f: nullable(fc.oneof(fc.constantFrom(0, -0, 0.1, 0.5, 3, 10_000.5), fc.double({ min: -1e6, max: 1e6, noNaN: true }))),
  t: nullable(text),
  c: nullable(fc.constantFrom(...STAGES)),
  flag: nullable(fc.boolean()),
  dayOffset: nullable(dayOffset),
  dateAsDate: fc.boolean(),
  tsOffset: nullable(tsOffset),
  tsForm: fc.constantFrom("date", "utc", "local") as fc.Arbitrary<Row["tsForm"]>,
  tz: nullable(fc.constantFrom(...ZONES)),
});

const now = fc.oneof(
  fc.tuple(fc.constantFrom(...INSTANTS), fc.integer({ min: -3 * HOUR, max: 3 * HOUR })).map(([at, by]) => at + by),
  fc.integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: Date.parse("2030-12-31T00:00:00Z") }),
);

const todayIn = (nowMs: number) => DateTime.fromMillis(nowMs, { zone: ZONE }).startOf("day");
const dayText = (nowMs: number, offset: number) => todayIn(nowMs).plus({ days: offset }).toISODate() as string;
const tsText = (nowMs: number, offset: number, local: boolean) =>
  local
    ? (DateTime.fromMillis(nowMs + offset, { zone: ZONE }).toISO() as string)
    : new Date(nowMs + offset).toISOString();

function stampAt(offset: number, local: boolean): (nowMs: number) => string {
  return (nowMs) => tsText(nowMs, offset, local);
}

/** A value for the operator, built from `now` so windows and bounds are hit exactly. */
function valueFor(def: FieldDef, op: Operator): fc.Arbitrary<(nowMs: number) => unknown> {
  const fixed = <T>(arb: fc.Arbitrary<T>) => arb.map((value) => () => value);
  if (op === "is_set" || op === "is_not_set") return fc.constant(() => undefined);
  if (def.type === "boolean") return fixed(fc.boolean());
  if (def.type === "number" || def.type === "kronor") {
    if (op === "between")
      return fixed(fc.tuple(numberConstant, numberConstant).map(([a, b]) => (a <= b ? [a, b] : [b, a])));
    if (op === "in" || op === "not_in") return fixed(fc.array(numberConstant, { minLength: 1, maxLength: 4 }));
    return fixed(def.key === "r.local_hour" ? fc.integer({ min: -1, max: 24 }) : numberConstant);
  }
  if (def.type === "text" || def.type === "choice") {
    const scalar =
      def.type === "choice" && op !== "contains" && op !== "starts_with" ? fc.constantFrom(...STAGES) : text;
    if (op === "in" || op === "not_in") return fixed(fc.array(scalar, { minLength: 1, maxLength: 4 }));
    return fixed(scalar);
  }
  if (op === "within_last" || op === "more_than_ago") {
    const unit = def.type === "date" ? fc.constant("days") : fc.constantFrom("minutes", "hours", "days");
    return fixed(fc.record({ amount: fc.integer({ min: 0, max: 40 }), unit }));
  }
  const point: fc.Arbitrary<(nowMs: number) => string> =
    def.type === "date"
      ? dayOffset.map((offset) => (nowMs) => dayText(nowMs, offset))
      : fc.tuple(tsOffset, fc.boolean()).map(([offset, local]) => stampAt(offset, local));
  if (op !== "between") return point;
  return fc.tuple(point, point).map(([a, b]) => (nowMs: number) => {
    const ends = [a(nowMs), b(nowMs)];
    return ends.sort((x, y) => Date.parse(x) - Date.parse(y));
  });
}

type Built = (nowMs: number) => Condition;

const builtAt = (nowMs: number) => (part: Built) => part(nowMs);

function compare(key: string, op: Operator, value: (nowMs: number) => unknown): Built {
  return (nowMs) => ({ field: key, op, value: value(nowMs) });
}

function group(kind: "all" | "any", parts: Built[]): Built {
  return (nowMs) => (kind === "all" ? { all: parts.map(builtAt(nowMs)) } : { any: parts.map(builtAt(nowMs)) });
}

function negate(part: Built): Built {
  return (nowMs) => ({ not: part(nowMs) });
}

const comparison: fc.Arbitrary<Built> = fc
  .constantFrom(...registry.list())
  .chain((def) =>
    fc
      .constantFrom(...OPERATORS_BY_TYPE[def.type])
      .chain((op) => valueFor(def, op).map((value) => compare(def.key, op, value))),
  );

const condition = fc.memo((depth: number): fc.Arbitrary<Built> => {
  if (depth <= 1) return comparison;
  const children = fc.array(condition(depth - 1), { minLength: 1, maxLength: 3 });
  return fc.oneof(
    { depthSize: "small" },
    comparison,
    children.map((parts) => group("all", parts)),
    children.map((parts) => group("any", parts)),
    condition(depth - 1).map(negate),
  );
});

function emptyRow(): Omit<Row, "id"> {
  const none = { n: null, k: null, b: null, f: null, t: null, c: null, flag: null, tz: null };
  return { ...none, dayOffset: null, dateAsDate: false, tsOffset: null, tsForm: "date" };
}

function factsOf(source: Row, nowMs: number): Record<string, unknown> {
  const day = source.dayOffset === null ? null : dayText(nowMs, source.dayOffset);
  const offset = source.tsOffset;
  return {
    n: source.n,
    k: source.k,
    b: source.b,
    f: source.f,
    t: source.t,
    c: source.c,
    flag: source.flag,
    d: day !== null && source.dateAsDate ? new Date(`${day}T00:00:00Z`) : day,
    ts:
      offset === null
        ? null
        : source.tsForm === "date"
          ? new Date(nowMs + offset)
          : tsText(nowMs, offset, source.tsForm === "local"),
    tz: source.tz,
  };
}

async function replaceRows(store: Store, rows: Row[], nowMs: number): Promise<void> {
  await store.db.execute(sql`delete from rule_agreement_rows`);
  const values = rows.map((source) => {
    const v = factsOf(source, nowMs);
    const d = source.dayOffset === null ? null : dayText(nowMs, source.dayOffset);
    const ts = source.tsOffset === null ? null : new Date(nowMs + source.tsOffset).toISOString();
    const b = source.b === null ? null : String(source.b);
    return sql`(${source.id}, ${v.n}, ${v.k}, ${b}, ${v.f}, ${v.t}, ${v.c}, ${v.flag}, ${d}, ${ts}, ${v.tz})`;
  });
  await store.db.execute(
    sql`insert into rule_agreement_rows (id, n, k, b, f, t, c, flag, d, ts, tz) values ${sql.join(values, sql`, `)}`,
  );
}

async function matchedIds(store: Store, condition: Condition, now: Date): Promise<number[]> {
  const where = compileSql(condition, registry, now);
  const rows = await queryRows<{ id: number }>(
    store.db,
    sql`select id from rule_agreement_rows r where ${where} order by id`,
  );
  return rows.map(({ id }) => Number(id));
}

describe.each(STORE_KINDS)("rules: compileJs and compileSql agree [%s]", (kind) => {
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore(kind);
    await store.db.execute(sql`
      create table rule_agreement_rows (
        id integer primary key, n integer, k numeric(14, 2), b bigint, f double precision, t text, c text,
        flag boolean, d date, ts timestamptz, tz text
      )`);
  });

  afterAll(async () => {
    await store?.close();
  });

  it("match the same rows for random conditions, rows and instants, across DST changes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 40, maxLength: 60 }),
        condition(4),
        now,
        async (sources, build, nowMs) => {
          const at = new Date(nowMs);
          const tree = build(nowMs);
          expect(validateCondition(tree, registry)).toEqual([]);
          const rows = sources.map((source, index) => ({ ...source, id: index + 1 }));
          const facts = rows.map((source) => ({ id: source.id, values: factsOf(source, nowMs) }));
          await replaceRows(store, rows, nowMs);
          const check = compileJs(tree, registry);
          const traced = compileJsTraced(tree, registry);
          const expected = facts.filter(({ values }) => check({ now: at, r: values })).map(({ id }) => id);
          expect(await matchedIds(store, tree, at)).toEqual(expected);
          for (const { values } of facts)
            expect(traced({ now: at, r: values }).result).toBe(check({ now: at, r: values }));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("agree on a person's local hour across Stockholm's DST changes", async () => {
    const blank = emptyRow();
    const rows = [
      { ...blank, id: 1, tz: "Europe/Stockholm" },
      { ...blank, id: 2, tz: "America/New_York" },
      { ...blank, id: 3, tz: null },
    ];
    await replaceRows(store, rows, 0);
    const hours: Array<[string, number]> = [
      ["2026-03-29T00:59:00Z", 1],
      ["2026-03-29T01:00:00Z", 3],
      ["2026-10-25T00:59:00Z", 2],
      ["2026-10-25T01:00:00Z", 2],
      ["2026-10-25T02:00:00Z", 3],
    ];
    for (const [iso, hour] of hours) {
      const now = new Date(iso);
      const condition: Condition = { field: "r.local_hour", op: "eq", value: hour };
      const check = compileJs(condition, registry);
      const expected = rows.filter((source) => check({ now, r: factsOf(source, 0) })).map(({ id }) => id);
      expect(expected).toEqual([1]);
      expect(await matchedIds(store, condition, now)).toEqual(expected);
    }
  });
});
