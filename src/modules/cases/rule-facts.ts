import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";
import type { Facts, FieldDef } from "../../lib/rules";
import { CATEGORY_PATTERN } from "./category";
import { OPEN_CASE_STATUSES } from "./schema";

const DAY_MS = 86_400_000;
const MEASURES = ["open_count", "count_30d", "count_90d", "count_365d"] as const;
type Measure = (typeof MEASURES)[number];
const WINDOW_DAYS: Record<Exclude<Measure, "open_count">, number> = { count_30d: 30, count_90d: 90, count_365d: 365 };

type CategoryCounts = Record<Measure, number>;

interface CaseFacts {
  open_count: number;
  count_90d: number;
  last_opened_at: Date | null;
  /** Keyed by category; a Map, so no category can read an object's built-in properties. */
  categories: Map<string, CategoryCounts>;
}

const openStatuses = sql.join(
  OPEN_CASE_STATUSES.map((status) => sql`${status}`),
  sql`, `,
);

/**
 * The count a measure makes, as a SQL aggregate. Windows start at `now` minus whole days of
 * 24 hours, computed here rather than by interval arithmetic in the session's time zone, so the
 * per-person load and the whole-base join count the same cases.
 */
function measureSql(measure: Measure, now: Date, category?: string): SQL {
  const inCategory = category === undefined ? sql`` : sql`category = ${category} and `;
  if (measure === "open_count") return sql`count(*) filter (where ${inCategory}status in (${openStatuses}))`;
  const since = new Date(now.getTime() - WINDOW_DAYS[measure] * DAY_MS).toISOString();
  return sql`count(*) filter (where ${inCategory}opened_at >= ${since}::timestamptz)`;
}

/** Case counts for many people at once, as of now: one grouped scan per person and category. */
export async function loadCaseFacts(ctx: Ctx, ids: readonly string[]): Promise<Map<string, CaseFacts>> {
  const result = new Map<string, CaseFacts>(
    ids.map((id) => [id, { open_count: 0, count_90d: 0, last_opened_at: null, categories: new Map() }]),
  );
  if (ids.length === 0) return result;
  const now = ctx.clock.now();
  const columns = sql.join(
    MEASURES.map((measure) => sql`${measureSql(measure, now)} as ${sql.raw(measure)}`),
    sql`, `,
  );
  const rows = await queryRows<
    { person_id: string; category: string; last_opened_at: Date | string } & Record<Measure, string | number>
  >(
    ctx.db,
    sql`select person_id, category, ${columns}, max(opened_at) as last_opened_at from cases
        where person_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)
        group by person_id, category`,
  );
  for (const row of rows) {
    const facts = result.get(row.person_id);
    if (!facts) continue;
    const counts = Object.fromEntries(MEASURES.map((measure) => [measure, Number(row[measure])])) as CategoryCounts;
    facts.categories.set(row.category, counts);
    facts.open_count += counts.open_count;
    facts.count_90d += counts.count_90d;
    const opened = new Date(row.last_opened_at);
    if (!facts.last_opened_at || opened > facts.last_opened_at) facts.last_opened_at = opened;
  }
  return result;
}

interface CategoryKey {
  category: string;
  measure: Measure;
}

const CATEGORY_KEY = /^cases\.category\.([^.]+)\.(open_count|count_30d|count_90d|count_365d)$/u;

function parseCategoryKey(key: string): CategoryKey | null {
  const match = CATEGORY_KEY.exec(key);
  const category = match?.[1];
  if (!category || !CATEGORY_PATTERN.test(category)) return null;
  return { category, measure: match[2] as Measure };
}

/**
 * A per-category column's name in the join: a digest of the category, so the category itself
 * (any text a user typed) only ever reaches SQL as a bound parameter.
 */
function categoryColumn({ category, measure }: CategoryKey): SQL {
  const digest = createHash("sha256").update(category).digest("hex").slice(0, 16);
  return sql.raw(`"cc_${digest}_${measure}"`);
}

/** Joined onto `people p` when a rule over the whole base reads case facts. */
export async function caseJoin(_ctx: Ctx, now: Date, fieldKeys: readonly string[], required = false): Promise<SQL> {
  const perCategory = [
    ...new Map(
      fieldKeys.flatMap((key) => {
        const parsed = parseCategoryKey(key);
        return parsed ? [[key, parsed] as const] : [];
      }),
    ).values(),
  ];
  const columns = [
    sql`${measureSql("open_count", now)} as open_count`,
    sql`${measureSql("count_90d", now)} as count_90d`,
    sql`max(opened_at) as last_opened_at`,
    ...perCategory.map((key) => sql`${measureSql(key.measure, now, key.category)} as ${categoryColumn(key)}`),
  ];
  return sql`${required ? sql`join` : sql`left join`} (select person_id, ${sql.join(columns, sql`, `)}
    from cases where person_id is not null group by person_id) cs on cs.person_id = p.id`;
}

const caseFacts = (facts: Facts) => facts.cases as CaseFacts | null | undefined;

/** Open cases, cases in the last 90 days and when the last one was opened. */
export function caseRuleFields(): FieldDef[] {
  return [
    {
      key: "cases.open_count",
      label: "Open cases",
      type: "number",
      group: "cases",
      js: (facts) => caseFacts(facts)?.open_count ?? 0,
      sql: () => sql`coalesce(cs.open_count, 0)`,
    },
    {
      key: "cases.count_90d",
      label: "Cases opened, 90 days",
      type: "number",
      group: "cases",
      js: (facts) => caseFacts(facts)?.count_90d ?? 0,
      sql: () => sql`coalesce(cs.count_90d, 0)`,
    },
    {
      key: "cases.last_opened_at",
      label: "Last case opened",
      type: "timestamp",
      group: "cases",
      js: (facts) => caseFacts(facts)?.last_opened_at ?? null,
      sql: () => sql`cs.last_opened_at`,
    },
  ];
}

const MEASURE_LABELS: Record<Measure, string> = {
  open_count: "open",
  count_30d: "opened, 30 days",
  count_90d: "opened, 90 days",
  count_365d: "opened, 365 days",
};

/**
 * Case counts by category, made when a rule names one, e.g. `cases.category.complaint.count_90d`:
 * `open_count`, or cases opened in the last 30, 90 or 365 days, of that category.
 */
export function caseCategoryField(key: string): FieldDef | undefined {
  const parsed = parseCategoryKey(key);
  if (!parsed) return undefined;
  const { category, measure } = parsed;
  const column = categoryColumn(parsed);
  return {
    key,
    label: `Cases in ${category}, ${MEASURE_LABELS[measure]}`,
    type: "number",
    group: "cases",
    js: (facts) => caseFacts(facts)?.categories.get(category)?.[measure] ?? 0,
    sql: () => sql`coalesce(cs.${column}, 0)`,
  };
}
