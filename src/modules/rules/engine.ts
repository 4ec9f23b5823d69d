import { and, eq, gt, sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import { systemActor } from "../../kernel/actor";
import { type Ctx, createCtx, newId, withTransaction } from "../../kernel/ctx";
import { DEFAULT_LOCALE } from "../../kernel/locale";
import {
  type Condition,
  compileJs,
  compileJsTraced,
  compileSql,
  conditionFields,
  explainTrace,
  type Facts,
  type FieldDef,
  FieldRegistry,
  type TraceNode,
} from "../../lib/rules";
import type { TActionContext } from "./actions";
import type { FieldResolver, RulesRuntime } from "./runtime";
import { ruleFirings, rules } from "./schema";
import type { TTrigger } from "./triggers";

type RuleRow = typeof rules.$inferSelect;

export interface CompiledRule {
  row: RuleRow;
  trigger: TTrigger;
  check: (facts: Facts) => boolean;
  traced: (facts: Facts) => TraceNode;
  groups: string[];
}

/** A tracked event as rules see it. */
export interface TRuleEvent {
  id: string;
  type: string;
  name: string | null;
  personId: string | null;
  occurredAt: Date;
  properties: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
  enrichment: Record<string, unknown> | null;
}

export interface TDecision {
  ruleId: string;
  personId: string;
  fired: boolean;
  /**
   * Why not, when a match did not fire: already fired in its period, a loop, or the person objects
   * to profiling (then the rule was not evaluated at all).
   */
  skipped?: string;
  /** From the call to the moment this rule had decided, before any action ran. */
  decidedAfterMs?: number;
}

const CACHE_MS = 2_000;
const MAX_CHAIN = 4;
/** The firing log's note for a person the rules left alone because they object to profiling. */
export const PROFILING_OBJECTION_NOTE = "profiling_objection";

/** Rule chains ride on the acting label, e.g. `rule:<a>>rule:<b>`, so a loop can be seen. */
export function ruleChain(label: string): string[] {
  return label
    .split(">")
    .filter((part) => part.startsWith("rule:"))
    .map((part) => part.slice(5));
}

/**
 * Evaluates rules: indexed by trigger, compiled once per version to JS closures for per-event
 * decisions (facts are loaded in bulk first, then every check is synchronous) and to SQL for the
 * whole base. Every firing stores its trace, so each decision can be explained later.
 */
export class RuleEngine {
  readonly #registries = new WeakMap<object, { at: number; value: Promise<FieldRegistry> }>();
  readonly #compiled = new WeakMap<
    object,
    { at: number; value: Promise<Map<string, CompiledRule[]>>; stamp: string }
  >();
  readonly #stamps = new WeakMap<object, string>();
  readonly #stats = new Map<string, { evaluations: number; firings: number; ms: number }>();

  constructor(readonly runtime: RulesRuntime) {}

  /**
   * Fields and compiled rules shared by every transaction that sees the same rules, traits,
   * custom attributes and lists (the same stamp). Each transaction is a database handle of its
   * own, so without this every event handled in a transaction of its own read and compiled all of
   * them again: six queries and a compile per event. Keyed by what they were built from, an entry
   * built from changes a transaction then rolled back is never used by others, whose stamp differs.
   */
  #shared: {
    stamp: string;
    at: number;
    registry: Promise<FieldRegistry>;
    rules?: Promise<Map<string, CompiledRule[]>>;
  } | null = null;

  /** Forgets compiled rules and fields, after a rule or a computed trait changed in this process. */
  invalidate(): void {
    // WeakMaps cannot be cleared: entries cached before this moment count as stale.
    this.#stale = Date.now();
    this.#shared = null;
  }
  #stale = 0;

  /** A cheap stamp of the rules and the fields they read (computed traits, custom attributes, lists). */
  async #stampOf(ctx: Ctx): Promise<string> {
    const [row] = await queryRows<{ stamp: string }>(
      ctx.db,
      sql`select concat_ws('|', (select count(*) || ':' || coalesce(max(updated_at)::text, '') from rules),
            (select count(*) || ':' || coalesce(max(created_at)::text, '') from computed_traits),
            (select count(*) || ':' || coalesce(max(updated_at)::text, '') from custom_attributes),
            (select count(*) from lists)) as stamp`,
    );
    return row?.stamp ?? "";
  }

  #sharedAt(stamp: string) {
    const shared = this.#shared;
    return shared && shared.stamp === stamp && shared.at >= this.#stale ? shared : null;
  }

  registry(ctx: Ctx): Promise<FieldRegistry> {
    const hit = this.#registries.get(ctx.db);
    // A cache lifetime is real time, not the business clock tests move.
    if (hit && Date.now() - hit.at < CACHE_MS && hit.at >= this.#stale) return hit.value;
    const value = (async () => {
      const stamp = await this.#stampOf(ctx);
      const shared = this.#sharedAt(stamp);
      if (shared) return shared.registry;
      const built = (async () => {
        const registry = new ResolvingRegistry(this.runtime.resolvers);
        for (const provide of this.runtime.fields) for (const def of await provide(ctx)) registry.register(def);
        return registry;
      })();
      this.#shared = { stamp, at: Date.now(), registry: built };
      built.catch(() => {
        if (this.#shared?.registry === built) this.#shared = null;
      });
      return built;
    })();
    this.#registries.set(ctx.db, { at: Date.now(), value });
    value.catch(() => this.#registries.delete(ctx.db));
    return value;
  }

  /** Enabled rules by trigger key, compiled. */
  rulesByKey(ctx: Ctx): Promise<Map<string, CompiledRule[]>> {
    const hit = this.#compiled.get(ctx.db);
    if (hit && Date.now() - hit.at < CACHE_MS && hit.at >= this.#stale) return hit.value;
    const value = (async () => {
      // Most checks find nothing changed: a cheap stamp of the rules and the fields they read
      // (computed traits, custom attributes) decides whether to compile again.
      const stamp = await this.#stampOf(ctx);
      if (hit && hit.at >= this.#stale && hit.stamp === stamp) return hit.value;
      this.#stamps.set(ctx.db, stamp);
      const sharedRules = this.#sharedAt(stamp)?.rules;
      if (sharedRules) return sharedRules;
      this.#registries.delete(ctx.db);
      const registry = await this.registry(ctx);
      const rows = await ctx.db.select().from(rules).where(eq(rules.enabled, true));
      const byKey = new Map<string, CompiledRule[]>();
      for (const row of rows) {
        const compiled = this.compile(row, registry);
        if (!compiled) continue;
        const list = byKey.get(row.triggerKey) ?? [];
        list.push(compiled);
        byKey.set(row.triggerKey, list);
      }
      const shared = this.#sharedAt(stamp);
      if (shared) shared.rules = Promise.resolve(byKey);
      return byKey;
    })();
    const entry = { at: Date.now(), value, stamp: hit?.stamp ?? "" };
    if (hit && hit.at >= this.#stale) {
      // Stale while revalidating: the rules already compiled answer this decision, the check runs
      // beside it and its result serves the next one. A change made here invalidated them at once.
      const current = hit.value;
      value.then(
        () => {
          entry.stamp = this.#stamps.get(ctx.db) ?? "";
          this.#compiled.set(ctx.db, entry);
        },
        () => undefined,
      );
      hit.at = Date.now();
      return current;
    }
    this.#compiled.set(ctx.db, entry);
    value.then(
      () => {
        entry.stamp = this.#stamps.get(ctx.db) ?? "";
      },
      () => this.#compiled.delete(ctx.db),
    );
    return value;
  }

  compile(row: RuleRow, registry: FieldRegistry): CompiledRule | null {
    const condition = row.condition as unknown as Condition;
    try {
      const groups = [...new Set(conditionFields(condition).map((key) => registry.get(key)?.group ?? ""))].filter(
        (group) => group !== "" && group !== "event",
      );
      return {
        row,
        trigger: row.trigger as unknown as TTrigger,
        check: compileJs(condition, registry),
        traced: compileJsTraced(condition, registry),
        groups,
      };
    } catch {
      // A field that has gone (a deleted computed trait) disables the rule rather than the engine.
      return null;
    }
  }

  /** Loads the fact groups the rules need for these people, in bulk. */
  async loadFacts(ctx: Ctx, groups: Iterable<string>, personIds: readonly string[]) {
    // The groups load side by side: on a server each is its own round trip.
    const sources = [...groups].flatMap((group) => {
      const source = this.runtime.facts.get(group);
      return source ? [source] : [];
    });
    const values = await Promise.all(sources.map((source) => source.load(ctx, personIds)));
    const loaded = new Map(sources.map((source, index) => [source.group, values[index] as Map<string, unknown>]));
    return (personId: string, extra: Record<string, unknown>): Facts => {
      const facts: Facts = { now: ctx.clock.now(), ...extra };
      for (const [group, values] of loaded) facts[group] = values.get(personId) ?? null;
      return facts;
    };
  }

  /** The rules listening for these events, evaluated per event for its person. */
  async handleEvents(ctx: Ctx, events: readonly TRuleEvent[]): Promise<TDecision[]> {
    const started = performance.now();
    const byKey = await this.rulesByKey(ctx);
    const work: Array<{ event: TRuleEvent; rule: CompiledRule }> = [];
    for (const event of events) {
      if (!event.personId) continue;
      for (const key of [`event:${event.type}:${event.name ?? ""}`, `event:${event.type}:*`]) {
        for (const rule of byKey.get(key) ?? []) work.push({ event, rule });
      }
    }
    if (work.length === 0) return [];
    // Someone who objects to profiling is not evaluated: their facts are not even loaded.
    const objectors = await this.runtime.people.objectors(ctx, [
      ...new Set(work.map((item) => item.event.personId as string)),
    ]);
    const evaluated = work.filter((item) => !objectors.has(item.event.personId as string));
    const facts = await this.loadFacts(ctx, new Set(evaluated.flatMap((item) => item.rule.groups)), [
      ...new Set(evaluated.map((item) => item.event.personId as string)),
    ]);
    // Every listening rule decides on the same facts before any of them acts, so one rule's
    // action neither delays the others' decisions nor changes what they see.
    const decided = evaluated.map(({ event, rule }) => {
      const seen = facts(event.personId as string, { event: eventFacts(event) });
      return { event, rule, seen, matched: this.#check(rule, seen) };
    });
    const decidedAfterMs = performance.now() - started;
    const decisions: TDecision[] = [];
    for (const { event, rule } of work) {
      const personId = event.personId as string;
      if (!objectors.has(personId)) continue;
      await this.recordSkip(ctx, rule, personId, `event:${event.id}`, PROFILING_OBJECTION_NOTE);
      decisions.push({ ruleId: rule.row.id, personId, fired: false, skipped: PROFILING_OBJECTION_NOTE });
    }
    for (const { event, rule, seen, matched } of decided) {
      const personId = event.personId as string;
      decisions.push(
        matched
          ? { ...(await this.fire(ctx, rule, personId, `event:${event.id}`, seen)), decidedAfterMs }
          : { ruleId: rule.row.id, personId, fired: false, decidedAfterMs },
      );
    }
    await this.flushStats(ctx);
    return decisions;
  }

  /** A record was created or changed (a domain event): rules listening for its entity decide. */
  async handleRecordChange(
    ctx: Ctx,
    change: {
      entity: string;
      personId: string;
      created: boolean;
      fields: readonly string[];
      cause: string;
      actorLabel: string;
    },
  ): Promise<TDecision[]> {
    const byKey = await this.rulesByKey(ctx);
    const candidates = (byKey.get(`record:${change.entity}`) ?? []).filter((rule) => {
      const trigger = rule.trigger;
      if (trigger.type !== "record") return false;
      if (trigger.on === "created" && !change.created) return false;
      if (trigger.on === "changed" && change.created) return false;
      if (!change.created && trigger.fields?.length)
        return trigger.fields.some((field) => change.fields.includes(field));
      return true;
    });
    if (candidates.length === 0) return [];
    if ((await this.runtime.people.objectors(ctx, [change.personId])).size > 0) {
      const decisions: TDecision[] = [];
      for (const rule of candidates) {
        await this.recordSkip(ctx, rule, change.personId, change.cause, PROFILING_OBJECTION_NOTE);
        decisions.push({
          ruleId: rule.row.id,
          personId: change.personId,
          fired: false,
          skipped: PROFILING_OBJECTION_NOTE,
        });
      }
      return decisions;
    }
    const chain = ruleChain(change.actorLabel);
    const facts = await this.loadFacts(ctx, new Set(candidates.flatMap((rule) => rule.groups)), [change.personId]);
    const decisions: TDecision[] = [];
    for (const rule of candidates) {
      if (chain.includes(rule.row.id) || chain.length >= MAX_CHAIN) {
        // The change came from this rule's own action, directly or through others: a loop.
        await this.recordSkip(ctx, rule, change.personId, change.cause, `loop: ${[...chain, rule.row.id].join(" → ")}`);
        decisions.push({ ruleId: rule.row.id, personId: change.personId, fired: false, skipped: "loop" });
        continue;
      }
      const seen = facts(change.personId, {});
      if (!this.#check(rule, seen)) {
        decisions.push({ ruleId: rule.row.id, personId: change.personId, fired: false });
        continue;
      }
      decisions.push(await this.fire(ctx, rule, change.personId, change.cause, seen, chain));
    }
    await this.flushStats(ctx);
    return decisions;
  }

  #check(rule: CompiledRule, facts: Facts): boolean {
    const started = performance.now();
    const matched = rule.check(facts);
    const stats = this.#statsOf(rule.row.id);
    stats.evaluations += 1;
    stats.ms += performance.now() - started;
    return matched;
  }

  #statsOf(ruleId: string) {
    let stats = this.#stats.get(ruleId);
    if (!stats) {
      stats = { evaluations: 0, firings: 0, ms: 0 };
      this.#stats.set(ruleId, stats);
    }
    return stats;
  }

  /**
   * Fires a matched rule for a person: once per cause, and at most once per period when the rule
   * says so. The firing, its trace and what each action did are stored together. A person found
   * objecting to profiling inside the firing's transaction (the objection came between the
   * decision and now) is skipped, and the log says why.
   */
  async fire(
    ctx: Ctx,
    rule: CompiledRule,
    personId: string,
    cause: string,
    facts: Facts,
    chain: readonly string[] = [],
  ): Promise<TDecision> {
    const { row } = rule;
    if (row.oncePerDays) {
      const since = new Date(ctx.clock.now().getTime() - row.oncePerDays * 86_400_000);
      const [recent] = await ctx.db
        .select({ id: ruleFirings.id })
        .from(ruleFirings)
        .where(
          and(
            eq(ruleFirings.ruleId, row.id),
            eq(ruleFirings.personId, personId),
            eq(ruleFirings.status, "done"),
            gt(ruleFirings.firedAt, since),
          ),
        )
        .limit(1);
      if (recent) return { ruleId: row.id, personId, fired: false, skipped: "once_per_period" };
    }
    const trace = rule.traced(facts);
    // Written into tasks, cases and webhook calls that outlive whoever reads them: in the product's
    // language. The stored trace stays the source, so the firing log words it for each reader.
    const explanation = explainTrace(trace, DEFAULT_LOCALE);
    const actor = systemActor([...chain.map((id) => `rule:${id}`), `rule:${row.id}`].join(">"));
    const actingCtx = createCtx(ctx, actor, ctx.requestId);
    const outcome = await withTransaction(actingCtx, async (tx): Promise<"fired" | "repeat" | "objected"> => {
      if ((await this.runtime.people.objectors(tx, [personId])).size > 0) {
        await this.recordSkip(tx, rule, personId, cause, PROFILING_OBJECTION_NOTE);
        return "objected";
      }
      const firingId = newId(tx);
      const inserted = await tx.db
        .insert(ruleFirings)
        .values({
          id: firingId,
          ruleId: row.id,
          ruleVersion: row.version,
          personId,
          cause,
          firedAt: tx.clock.now(),
          trace: trace as unknown as Record<string, unknown>,
          results: [],
          status: "done",
        })
        .onConflictDoNothing()
        .returning({ id: ruleFirings.id });
      if (inserted.length === 0) return "repeat";
      const results: unknown[] = [];
      let failed = false;
      for (const [actionIndex, action] of row.actions.entries()) {
        const target: TActionContext = {
          ruleId: row.id,
          ruleName: row.name,
          firingId,
          actionIndex,
          personId,
          explanation,
        };
        const plugin = this.runtime.actions.get(String(action.type));
        try {
          if (!plugin) throw new Error(`no action ${String(action.type)}`);
          const config = plugin.config.parse(action.config ?? {});
          // Each action in its own savepoint: one that fails leaves the others' work standing.
          const result = await withTransaction(tx, (inner) => plugin.execute(inner, config, target));
          results.push({ type: action.type, ok: true, ...result });
        } catch (error) {
          failed = true;
          results.push({ type: action.type, ok: false, error: (error as Error).message });
        }
      }
      await tx.db
        .update(ruleFirings)
        .set({ results, status: failed ? "failed" : "done" })
        .where(eq(ruleFirings.id, firingId));
      return "fired";
    });
    if (outcome === "fired") {
      this.#statsOf(row.id).firings += 1;
      return { ruleId: row.id, personId, fired: true };
    }
    const skipped = outcome === "objected" ? PROFILING_OBJECTION_NOTE : "already_fired_for_cause";
    return { ruleId: row.id, personId, fired: false, skipped };
  }

  async recordSkip(ctx: Ctx, rule: CompiledRule, personId: string, cause: string, note: string): Promise<void> {
    await ctx.db
      .insert(ruleFirings)
      .values({
        id: newId(ctx),
        ruleId: rule.row.id,
        ruleVersion: rule.row.version,
        personId,
        cause,
        firedAt: ctx.clock.now(),
        trace: {},
        results: [],
        status: "skipped",
        note,
      })
      .onConflictDoNothing();
  }

  /** Writes the counters gathered since the last flush; a crash loses seconds of statistics, never decisions. */
  async flushStats(ctx: Ctx): Promise<void> {
    if (this.#stats.size === 0) return;
    const day = ctx.clock.now().toISOString().slice(0, 10);
    const rows = [...this.#stats].map(([ruleId, stats]) => ({ rule_id: ruleId, day, ...stats }));
    this.#stats.clear();
    await ctx.db.execute(
      sql`insert into rule_stats (rule_id, day, evaluations, firings, evaluation_ms)
          select rule_id, day, evaluations, firings, ms from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            as x(rule_id uuid, day date, evaluations bigint, firings bigint, ms double precision)
          on conflict (rule_id, day) do update set
            evaluations = rule_stats.evaluations + excluded.evaluations,
            firings = rule_stats.firings + excluded.firings,
            evaluation_ms = rule_stats.evaluation_ms + excluded.evaluation_ms`,
    );
  }

  /** The whole base evaluated in SQL: who matches now. */
  async matchingPeople(
    ctx: Ctx,
    condition: Condition,
    options: { limit?: number; extra?: ReturnType<typeof sql> } = {},
  ): Promise<{ count: number; ids: string[] }> {
    const registry = await this.registry(ctx);
    const now = ctx.clock.now();
    const where = compileSql(condition, registry, now);
    const joins = await this.#joins(ctx, condition, registry, now);
    // One pass gives both the count and a sample; ordering the sample would let the planner
    // walk people in id order and evaluate the joins row by row, which costs a hundredfold.
    const [row] = await queryRows<{ n: string; ids: string[] | null }>(
      ctx.db,
      sql`with matched as materialized (
            select p.id from people p ${joins}
            where ${this.runtime.people.where()} and (${where}) ${options.extra ? sql`and (${options.extra})` : sql``}
          )
          select (select count(*) from matched) as n,
                 (select array_agg(id) from (select id from matched limit ${options.limit ?? 20}) s) as ids`,
    );
    return { count: Number(row?.n ?? 0), ids: row?.ids ?? [] };
  }

  async #joins(ctx: Ctx, condition: Condition, registry: FieldRegistry, now: Date) {
    const keys = conditionFields(condition);
    const groups = new Set(keys.map((key) => registry.get(key)?.group ?? ""));
    const parts = [];
    for (const group of groups) {
      const source = this.runtime.facts.get(group);
      if (!source?.join) continue;
      const required = needsFactsOf(condition, group, registry, now);
      parts.push(
        await source.join(
          ctx,
          now,
          keys.filter((key) => registry.get(key)?.group === group),
          required,
        ),
      );
    }
    return sql.join(parts, sql` `);
  }

  /**
   * The SQL joins and condition for the whole base, for callers that stream people (schedules,
   * segments). `where` holds who rules may consider (no erased, merged or objecting people) as well
   * as the rule's condition.
   */
  async baseQuery(ctx: Ctx, condition: Condition) {
    const registry = await this.registry(ctx);
    const now = ctx.clock.now();
    return {
      joins: await this.#joins(ctx, condition, registry, now),
      where: sql`${this.runtime.people.where()} and (${compileSql(condition, registry, now)})`,
    };
  }
}

/**
 * Whether no one without facts of `group` can match: some conjunct at the top of the condition,
 * reading only that group, is false when the group has nothing for a person (no orders, no trait
 * buckets). Then the whole-base query may join the group's rows instead of left-joining them,
 * and start from the few people who have any. The JS compiler decides it, so the answer has the
 * same meaning as every other evaluation.
 */
export function needsFactsOf(condition: Condition, group: string, registry: FieldRegistry, now: Date): boolean {
  const conjuncts = "all" in condition ? condition.all : [condition];
  return conjuncts.some((conjunct) => {
    const fields = conditionFields(conjunct);
    if (fields.length === 0 || !fields.every((key) => registry.get(key)?.group === group)) return false;
    return compileJs(conjunct, registry)({ now, [group]: null }) === false;
  });
}

/** The registered fields, and those a resolver makes on demand (every event property). */
class ResolvingRegistry extends FieldRegistry {
  constructor(readonly resolvers: readonly FieldResolver[]) {
    super();
  }

  override get(key: string): FieldDef | undefined {
    const known = super.get(key);
    if (known) return known;
    for (const resolve of this.resolvers) {
      const made = resolve(key);
      if (made) return made;
    }
    return undefined;
  }
}

function eventFacts(event: TRuleEvent): Record<string, unknown> {
  return {
    id: event.id,
    type: event.type,
    name: event.name,
    occurredAt: event.occurredAt,
    properties: event.properties ?? {},
    context: event.context ?? {},
    enrichment: event.enrichment ?? {},
  };
}
