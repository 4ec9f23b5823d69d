import { sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";
import type { Facts, FieldDef } from "../../lib/rules";

interface Memberships {
  lists: string[];
  segments: string[];
}

const member = (facts: Facts) => facts.membership as Memberships | null | undefined;

/** Which static lists and segments each person is in, for rules that ask. */
export async function loadMembershipFacts(ctx: Ctx, ids: readonly string[]): Promise<Map<string, Memberships>> {
  const result = new Map<string, Memberships>(ids.map((id) => [id, { lists: [], segments: [] }]));
  if (ids.length === 0) return result;
  const rows = await queryRows<{ person_id: string; kind: "list" | "segment"; ref: string }>(
    ctx.db,
    sql`with wanted as (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid as id)
        select person_id, 'list' as kind, list_id::text as ref from list_members where person_id in (select id from wanted)
        union all
        select person_id, 'segment', rule_id::text from segment_members where person_id in (select id from wanted)`,
  );
  for (const row of rows) {
    const entry = result.get(row.person_id);
    if (entry) (row.kind === "list" ? entry.lists : entry.segments).push(row.ref);
  }
  return result;
}

/**
 * `list.<name>` for every static list and `segment.<rule id>` for every rule used as a segment:
 * true when the person is in it. Segment membership is as of the last minute's tick.
 */
export async function membershipRuleFields(ctx: Ctx): Promise<FieldDef[]> {
  const lists = await queryRows<{ id: string; name: string }>(ctx.db, sql`select id, name from lists order by name`);
  const segments = await queryRows<{ id: string; name: string }>(
    ctx.db,
    sql`select distinct r.id, r.name from rules r
        join rules l on l.trigger_key = 'segment:' || r.id::text order by r.name`,
  );
  return [
    ...lists.map(
      (list): FieldDef => ({
        key: `list.${list.name}`,
        label: `In the list ${list.name}`,
        type: "boolean",
        group: "membership",
        js: (facts) => member(facts)?.lists.includes(list.id) ?? false,
        sql: () => sql`exists (select 1 from list_members m where m.list_id = ${list.id}::uuid and m.person_id = p.id)`,
      }),
    ),
    ...segments.map(
      (segment): FieldDef => ({
        key: `segment.${segment.id}`,
        label: `In the segment ${segment.name}`,
        type: "boolean",
        group: "membership",
        js: (facts) => member(facts)?.segments.includes(segment.id) ?? false,
        sql: () =>
          sql`exists (select 1 from segment_members m where m.rule_id = ${segment.id}::uuid and m.person_id = p.id)`,
      }),
    ),
  ];
}
