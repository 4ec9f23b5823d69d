import { sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";
import type { Facts, FieldDef } from "../../lib/rules";
import { loadCustomAttributes } from "./list-custom-attributes";
import { CONTACT_CHANNELS, LIFECYCLE_STAGES } from "./schema";

interface PersonFacts {
  lifecycle_stage: string;
  language: string;
  time_zone: string;
  birth_date: string | null;
  created_at: string;
  last_contact_at: string | null;
  next_contact_at: string | null;
  owner_id: string | null;
  owner_team_id: string | null;
  profiling_objection: boolean;
  greeting_uncertain: boolean;
  custom: Record<string, unknown>;
  /** Latest marketing consent per channel: true granted, false withdrawn. */
  consent: Record<string, boolean>;
}

const person = (facts: Facts) => facts.person as PersonFacts | null | undefined;

/** A person's register facts, for rules, loaded in one query per batch of people. */
export async function loadPersonFacts(ctx: Ctx, ids: readonly string[]): Promise<Map<string, PersonFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<PersonFacts & { id: string }>(
    ctx.db,
    sql`select p.id, p.lifecycle_stage, p.language, p.time_zone, p.birth_date::text as birth_date,
          p.created_at, p.last_contact_at, p.next_contact_at, p.owner_id, p.owner_team_id, p.profiling_objection, p.greeting_uncertain, p.custom,
          coalesce((select jsonb_object_agg(c.channel, c.status = 'granted') from (
            select distinct on (channel) channel, status from consents
            where person_id = p.id and purpose = 'marketing' order by channel, recorded_at desc, id desc) c), '{}'::jsonb) as consent
        from people p where p.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`,
  );
  return new Map(rows.map(({ id, ...facts }) => [id, facts]));
}

/** The hour of `now` in a zone, 0–23; the person's own zone makes "call between 9 and 17" mean theirs. */
function localParts(now: Date, zone: string): { hour: number; weekday: number } {
  try {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hour: "2-digit",
      hourCycle: "h23",
      weekday: "short",
    }).formatToParts(now);
    const hour = Number(parts.find((part) => part.type === "hour")?.value ?? 0);
    const weekday =
      ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(
        parts.find((part) => part.type === "weekday")?.value ?? "",
      ) + 1;
    return { hour, weekday };
  } catch {
    return { hour: Number.NaN, weekday: Number.NaN };
  }
}

/** The register's rule fields: attributes, lifecycle, owner, consent, custom attributes, local time. */
export async function personRuleFields(ctx: Ctx): Promise<FieldDef[]> {
  const column = (
    key: keyof PersonFacts,
    label: string,
    type: FieldDef["type"],
    extra: Partial<FieldDef> = {},
  ): FieldDef => ({
    key: `person.${key}`,
    label,
    type,
    group: "person",
    js: (facts) => person(facts)?.[key] ?? null,
    sql: () => sql.raw(`p.${key}`),
    ...extra,
  });
  const fields: FieldDef[] = [
    column("lifecycle_stage", "Lifecycle stage", "choice", { choices: LIFECYCLE_STAGES }),
    column("language", "Language", "text"),
    column("time_zone", "Time zone", "text"),
    column("birth_date", "Date of birth", "date"),
    column("created_at", "Registered", "timestamp"),
    // "A lead nobody has called for a month": more_than_ago, or empty for never.
    column("last_contact_at", "Last call, meeting or e-mail", "timestamp"),
    // "… and nothing booked": empty.
    column("next_contact_at", "Next call, meeting or e-mail booked", "timestamp"),
    column("owner_id", "Owner (user id)", "text", { sql: () => sql`p.owner_id::text` }),
    column("owner_team_id", "Owning team (id)", "text", { sql: () => sql`p.owner_team_id::text` }),
    column("profiling_objection", "Objects to profiling", "boolean"),
    column("greeting_uncertain", "Preferred name unknown", "boolean"),
    {
      key: "person.local_hour",
      label: "Hour of day where the person is",
      type: "number",
      group: "person",
      js: (facts) => {
        const zone = person(facts)?.time_zone;
        return zone ? localParts(facts.now, zone).hour : null;
      },
      sql: (now) => sql`extract(hour from (${now}) at time zone p.time_zone)::int`,
    },
    {
      key: "person.local_weekday",
      label: "Weekday where the person is (1 = Monday)",
      type: "number",
      group: "person",
      js: (facts) => {
        const zone = person(facts)?.time_zone;
        return zone ? localParts(facts.now, zone).weekday : null;
      },
      sql: (now) => sql`extract(isodow from (${now}) at time zone p.time_zone)::int`,
    },
    ...CONTACT_CHANNELS.map(
      (channel): FieldDef => ({
        key: `person.consent.${channel}`,
        label: `Marketing consent by ${channel}`,
        type: "boolean",
        group: "person",
        js: (facts) => person(facts)?.consent?.[channel] ?? null,
        sql: () =>
          sql`(select c.status = 'granted' from consents c where c.person_id = p.id and c.purpose = 'marketing'
               and c.channel = ${channel} order by c.recorded_at desc, c.id desc limit 1)`,
      }),
    ),
  ];
  for (const attribute of await loadCustomAttributes(ctx.db, "person")) {
    const type: FieldDef["type"] =
      attribute.type === "kronor" ? "kronor" : attribute.type === "choice" ? "choice" : attribute.type;
    const raw = sql`p.custom ->> ${attribute.key}`;
    fields.push({
      key: `person.custom.${attribute.key}`,
      // A retired attribute's values are kept, so rules that read them go on working.
      label: attribute.retired ? `${attribute.label} (retired)` : attribute.label,
      type,
      group: "person",
      ...(attribute.choices ? { choices: attribute.choices } : {}),
      js: (facts) => person(facts)?.custom?.[attribute.key] ?? null,
      sql: () =>
        type === "number" || type === "kronor"
          ? sql`(${raw})::numeric`
          : type === "boolean"
            ? sql`(${raw})::boolean`
            : type === "date"
              ? sql`(${raw})::date`
              : raw,
    });
  }
  return fields;
}
