import { CronExpressionParser } from "cron-parser";
import { sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";
import type { Condition } from "../../lib/rules";
import type { CompiledRule, RuleEngine } from "./engine";
import type { TTrigger } from "./triggers";

/** People a tick fires one rule for at most; the next tick takes the rest. */
const PER_TICK = 5_000;

export interface TTickResult {
  evaluated: number;
  fired: number;
}

function cronDue(expression: string, minute: Date, zone: string): boolean {
  try {
    const next = CronExpressionParser.parse(expression, {
      currentDate: new Date(minute.getTime() - 1),
      tz: zone,
    }).next();
    return next.getTime() === minute.getTime();
  } catch {
    return false;
  }
}

/**
 * The minute tick: schedule rules whose cron is due, relative-date rules ("3 days after the last
 * order") and segment entry and exit. Each finds its people over the whole base in SQL, then
 * fires for each with the JS trace as the explanation; a cause fires once, however often a tick
 * is repeated.
 */
export async function runScheduledRules(ctx: Ctx, engine: RuleEngine, zone = "Europe/Stockholm"): Promise<TTickResult> {
  const byKey = await engine.rulesByKey(ctx);
  const now = ctx.clock.now();
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const result: TTickResult = { evaluated: 0, fired: 0 };
  for (const rule of byKey.get("schedule") ?? []) {
    const trigger = rule.trigger as Extract<TTrigger, { type: "schedule" }>;
    if (!cronDue(trigger.cron, minute, zone)) continue;
    await fireForBase(ctx, engine, rule, () => `schedule:${minute.toISOString()}`, result);
  }
  for (const rule of byKey.get("relative_date") ?? []) {
    await fireRelative(ctx, engine, rule, result);
  }
  const segmentRules = new Set<string>();
  for (const [key, list] of byKey) if (key.startsWith("segment:") && list.length) segmentRules.add(key.slice(8));
  for (const segmentRuleId of segmentRules) await diffSegment(ctx, engine, segmentRuleId, byKey, result);
  await engine.flushStats(ctx);
  return result;
}

async function fireForBase(
  ctx: Ctx,
  engine: RuleEngine,
  rule: CompiledRule,
  causeOf: (row: { id: string; value?: unknown }) => string,
  result: TTickResult,
  extra?: { select: ReturnType<typeof sql>; where: ReturnType<typeof sql> },
): Promise<void> {
  const condition = rule.row.condition as unknown as Condition;
  const { joins, where } = await engine.baseQuery(ctx, condition);
  const rows = await queryRows<{ id: string; value?: unknown }>(
    ctx.db,
    sql`select p.id ${extra ? sql`, ${extra.select} as value` : sql``} from people p ${joins}
        where ${where} ${extra ? sql`and (${extra.where})` : sql``}
        order by p.id limit ${PER_TICK}`,
  );
  if (rows.length === 0) return;
  const facts = await engine.loadFacts(
    ctx,
    rule.groups,
    rows.map((row) => row.id),
  );
  for (const row of rows) {
    result.evaluated += 1;
    const seen = facts(row.id, {});
    // SQL found them; the JS closure gives the trace. They agree by construction and by test.
    if (!rule.check(seen)) continue;
    const decision = await engine.fire(ctx, rule, row.id, causeOf(row), seen);
    if (decision.fired) result.fired += 1;
  }
}

async function fireRelative(ctx: Ctx, engine: RuleEngine, rule: CompiledRule, result: TTickResult): Promise<void> {
  const trigger = rule.trigger as Extract<TTrigger, { type: "relative_date" }>;
  const registry = await engine.registry(ctx);
  const field = registry.get(trigger.field);
  if (!field?.sql) return;
  const now = ctx.clock.now();
  const value = field.sql(sql`${now.toISOString()}::timestamptz`);
  const offset = sql`${`${trigger.amount} ${trigger.unit}`}::interval`;
  // Due once the date plus (or minus) the offset has passed, within a day, so a missed tick still fires.
  const due =
    trigger.direction === "after"
      ? sql`(${value})::timestamptz + ${offset} <= ${now.toISOString()}::timestamptz and (${value})::timestamptz + ${offset} > ${now.toISOString()}::timestamptz - interval '1 day'`
      : sql`(${value})::timestamptz - ${offset} <= ${now.toISOString()}::timestamptz and (${value})::timestamptz - ${offset} > ${now.toISOString()}::timestamptz - interval '1 day'`;
  const joinNeeded = registry.get(trigger.field)?.group;
  const condition = rule.row.condition as unknown as Condition;
  const withField: Condition = joinNeeded ? { all: [condition, { field: trigger.field, op: "is_set" }] } : condition;
  await fireForBase(
    ctx,
    engine,
    { ...rule, row: { ...rule.row, condition: withField as unknown as Record<string, unknown> } },
    (row) => `relative:${String(row.value instanceof Date ? row.value.toISOString() : row.value)}`,
    result,
    { select: sql`(${value})::timestamptz`, where: due },
  );
}

/**
 * Segments are rules' conditions; membership is kept from tick to tick, so who entered and who
 * left can fire the rules listening for that.
 */
async function diffSegment(
  ctx: Ctx,
  engine: RuleEngine,
  segmentRuleId: string,
  byKey: Map<string, CompiledRule[]>,
  result: TTickResult,
): Promise<void> {
  const [segment] = await queryRows<{ condition: Condition }>(
    ctx.db,
    sql`select condition from rules where id = ${segmentRuleId}::uuid`,
  );
  if (!segment) return;
  const { joins, where } = await engine.baseQuery(ctx, segment.condition);
  const now = ctx.clock.now().toISOString();
  const changes = await queryRows<{ change: "enter" | "leave"; person_id: string }>(
    ctx.db,
    sql`with current as (
          select p.id from people p ${joins} where ${where}
        ), entered as (
          insert into segment_members (rule_id, person_id, since)
          select ${segmentRuleId}::uuid, id, ${now}::timestamptz from current
          on conflict do nothing returning person_id
        ), gone as (
          delete from segment_members m where m.rule_id = ${segmentRuleId}::uuid
            and not exists (select 1 from current c where c.id = m.person_id)
          returning person_id
        )
        select 'enter' as change, person_id from entered union all select 'leave', person_id from gone`,
  );
  const listeners = byKey.get(`segment:${segmentRuleId}`) ?? [];
  if (listeners.length === 0 || changes.length === 0) return;
  // The objection flow takes objectors out of every segment at once; one who is still found
  // leaving here (an objection that came with a merge) is not evaluated by the listening rules.
  const objectors = await engine.runtime.people.objectors(
    ctx,
    changes.map((change) => change.person_id),
  );
  for (const change of changes) {
    if (objectors.has(change.person_id)) continue;
    for (const rule of listeners) {
      const trigger = rule.trigger as Extract<TTrigger, { type: "segment" }>;
      if (trigger.on !== change.change) continue;
      const facts = await engine.loadFacts(ctx, rule.groups, [change.person_id]);
      const seen = facts(change.person_id, {});
      result.evaluated += 1;
      if (!rule.check(seen)) continue;
      const decision = await engine.fire(ctx, rule, change.person_id, `segment:${change.change}:${now}`, seen);
      if (decision.fired) result.fired += 1;
    }
  }
}
