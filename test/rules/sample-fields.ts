import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { type Condition, type Facts, type FieldDef, FieldRegistry } from "../../src/lib/rules";

type Group = Record<string, unknown> | undefined;

const groupOf = (facts: Facts, name: string): Group => facts[name] as Group;

/** A field read from `facts[group][name]` in JS and from the column `alias.name` in SQL. */
export function columnField(
  key: string,
  label: string,
  type: FieldDef["type"],
  extra: Partial<FieldDef> = {},
): FieldDef {
  const [group = "", name = ""] = key.split(".");
  return {
    key,
    label,
    type,
    group,
    js: (facts) => groupOf(facts, group)?.[name],
    sql: () => sql.raw(`${group}.${name}`),
    ...extra,
  };
}

/** The hour of `now` where the person lives: both forms read the person's time_zone. */
export const LOCAL_HOUR: FieldDef = {
  key: "person.local_hour",
  label: "Local hour",
  type: "number",
  group: "person",
  js: (facts) => {
    const zone = groupOf(facts, "person")?.time_zone;
    return typeof zone === "string" ? DateTime.fromJSDate(facts.now, { zone }).hour : null;
  },
  sql: (now) => sql`extract(hour from ${now} at time zone person.time_zone)`,
};

/** The fields of the sales-letter rule and one of each type, as a rules module would register them. */
export function sampleRegistry(): FieldRegistry {
  const registry = new FieldRegistry();
  registry.register(columnField("traits.complaint_calls_90d", "Complaint calls, 90 days", "number"));
  registry.register(columnField("traits.page_views_30d", "Page views, 30 days", "number"));
  registry.register(columnField("orders.open_sek", "Open orders", "kronor"));
  registry.register(columnField("person.given_name", "Given name", "text"));
  registry.register(
    columnField("person.lifecycle_stage", "Lifecycle stage", "choice", {
      choices: ["interested", "prospect", "lead", "customer"],
    }),
  );
  registry.register(columnField("person.marketing_consent", "Marketing consent", "boolean"));
  registry.register(columnField("person.birth_date", "Birth date", "date"));
  registry.register(columnField("person.last_seen_at", "Last seen", "timestamp"));
  registry.register(LOCAL_HOUR);
  registry.register({ ...columnField("event.country", "Country (event)", "text"), sql: null });
  return registry;
}

export const SALES_LETTER: Condition = {
  all: [
    { field: "traits.complaint_calls_90d", op: "gt", value: 3 },
    { field: "traits.page_views_30d", op: "lt", value: 5 },
    { field: "orders.open_sek", op: "gt", value: 10_000 },
  ],
};
