import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";
import type { Facts, FieldDef } from "../../lib/rules";
import { windowStart } from "./computed-trait-values";
import type { TComputedTrait } from "./define-computed-trait";
import { listComputedTraits } from "./list-computed-traits";

const traitColumn = (key: string) => sql.raw(`"tr_${key}"`);

/**
 * The aggregate of a trait's buckets in its window, as a SQL expression over `computed_trait_buckets`.
 * Counts are summed as double precision, the number type the JS compiler compares with: exact up
 * to 2^53, and over a million people a third faster than the numeric that `sum(bigint)` gives.
 */
function aggregateSql(trait: TComputedTrait, now: Date): SQL {
  const inWindow = sql`trait_id = ${trait.id}::uuid and day >= ${windowStart(now, trait.windowDays)}::date`;
  switch (trait.aggregate) {
    case "count":
      return sql`coalesce(sum(count::float8) filter (where ${inWindow}), 0)`;
    case "sum":
      return sql`coalesce(sum(sum) filter (where ${inWindow}), 0)`;
    case "min":
      return sql`min(min) filter (where ${inWindow})`;
    case "max":
      return sql`max(max) filter (where ${inWindow})`;
    default:
      return sql`sum(sum) filter (where ${inWindow}) / nullif(sum(count::float8) filter (where ${inWindow}), 0)`;
  }
}

/**
 * Computed traits for many people at once, as of `now`: one grouped scan of their buckets. Count and
 * sum are 0 where nothing happened, min, max and average null.
 */
export async function loadTraitFacts(
  ctx: Ctx,
  ids: readonly string[],
): Promise<Map<string, Record<string, number | null>>> {
  const traits = await listComputedTraits(ctx);
  const result = new Map<string, Record<string, number | null>>();
  const empty = () =>
    Object.fromEntries(
      traits.map((trait) => [trait.key, trait.aggregate === "count" || trait.aggregate === "sum" ? 0 : null]),
    );
  for (const id of ids) result.set(id, empty());
  if (traits.length === 0 || ids.length === 0) return result;
  const now = ctx.clock.now();
  const columns = sql.join(
    traits.map((trait) => sql`${aggregateSql(trait, now)} as ${traitColumn(trait.key)}`),
    sql`, `,
  );
  const rows = await queryRows<Record<string, unknown> & { subject: string }>(
    ctx.db,
    sql`select subject, ${columns} from computed_trait_buckets
        where subject in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
          and day >= ${windowStart(now, Math.max(...traits.map((trait) => trait.windowDays)))}::date
        group by subject`,
  );
  for (const row of rows) {
    const values = result.get(row.subject);
    if (!values) continue;
    for (const trait of traits) {
      const value = row[`tr_${trait.key}`];
      values[trait.key] = value === null || value === undefined ? (values[trait.key] ?? null) : Number(value);
    }
  }
  return result;
}

/** The join that gives `people p` one column per used trait, for evaluating a rule over the whole base. */
export async function traitJoin(ctx: Ctx, now: Date, fieldKeys: readonly string[], required = false): Promise<SQL> {
  const traits = await listComputedTraits(ctx);
  {
    const used = traits.filter((trait) => fieldKeys.includes(`trait.${trait.key}`));
    if (used.length === 0) return sql``;
    const columns = sql.join(
      used.map((trait) => sql`${aggregateSql(trait, now)} as ${traitColumn(trait.key)}`),
      sql`, `,
    );
    return sql`${required ? sql`join` : sql`left join`} (select subject, ${columns} from computed_trait_buckets
        where trait_id in (${sql.join(
          used.map((trait) => sql`${trait.id}::uuid`),
          sql`, `,
        )})
          and day >= ${windowStart(now, Math.max(...used.map((trait) => trait.windowDays)))}::date
        group by subject) tr on tr.subject = p.id::text`;
  }
}

/** One rule field per computed trait, read from the buckets, never from raw events. */
export async function traitRuleFields(ctx: Ctx): Promise<FieldDef[]> {
  const traits = await listComputedTraits(ctx);
  return traits.map((trait) => {
    const zero = trait.aggregate === "count" || trait.aggregate === "sum";
    return {
      key: `trait.${trait.key}`,
      label: trait.label,
      type: "number",
      group: "traits",
      js: (facts: Facts) => (facts.traits as Record<string, number | null> | null)?.[trait.key] ?? (zero ? 0 : null),
      sql: () => (zero ? sql`coalesce(tr.${traitColumn(trait.key)}, 0)` : sql`tr.${traitColumn(trait.key)}`),
    };
  });
}

interface EventFacts {
  type: string;
  name: string | null;
  properties: Record<string, unknown>;
  enrichment: Record<string, unknown>;
}
const eventOf = (facts: Facts) => facts.event as EventFacts | undefined;
const enrichment = (facts: Facts, path: string[]) => {
  let value: unknown = eventOf(facts)?.enrichment;
  for (const part of path)
    value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  return value ?? null;
};

/** Fields of the event that set a rule off: only per event, so they have no SQL. */
export function eventRuleFields(): FieldDef[] {
  const field = (key: string, label: string, type: FieldDef["type"], js: (facts: Facts) => unknown): FieldDef => ({
    key: `event.${key}`,
    label,
    type,
    group: "event",
    js,
    sql: null,
  });
  return [
    field("type", "Event type", "text", (facts) => eventOf(facts)?.type ?? null),
    field("name", "Event name", "text", (facts) => eventOf(facts)?.name ?? null),
    field("country", "Country", "text", (facts) => enrichment(facts, ["country"])),
    field("device_type", "Device type", "text", (facts) => enrichment(facts, ["device", "deviceType"])),
    field("browser", "Browser", "text", (facts) => enrichment(facts, ["device", "browser"])),
    field("os", "Operating system", "text", (facts) => enrichment(facts, ["device", "os"])),
    field("channel", "Channel (organic, paid, social, e-mail…)", "text", (facts) =>
      enrichment(facts, ["reference", "channel"]),
    ),
    field("campaign", "Campaign", "text", (facts) => enrichment(facts, ["reference", "campaign"])),
    field("utm_source", "Source", "text", (facts) => enrichment(facts, ["reference", "source"])),
    field("utm_medium", "Medium", "text", (facts) => enrichment(facts, ["reference", "medium"])),
    field("local_hour", "Hour of day where the visitor is", "number", (facts) =>
      enrichment(facts, ["local", "localHour"]),
    ),
    field("weekday", "Weekday where the visitor is (1 = Monday)", "number", (facts) =>
      enrichment(facts, ["local", "weekday"]),
    ),
  ];
}

/** A property of the event, e.g. `event.properties.reason`, read as text or as a number. */
export function eventPropertyField(key: string): FieldDef | undefined {
  const match = /^event\.(properties|number)\.([A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*){0,3})$/.exec(key);
  if (!match) return undefined;
  const numeric = match[1] === "number";
  const path = (match[2] as string).split(".");
  return {
    key,
    label: `Event property ${match[2]}${numeric ? " (number)" : ""}`,
    type: numeric ? "number" : "text",
    group: "event",
    sql: null,
    js: (facts) => {
      let value: unknown = eventOf(facts)?.properties;
      for (const part of path)
        value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
      if (value === undefined || value === null) return null;
      if (numeric) {
        const number = typeof value === "number" ? value : Number(value);
        return Number.isFinite(number) ? number : null;
      }
      return typeof value === "string" ? value : String(value);
    },
  };
}
