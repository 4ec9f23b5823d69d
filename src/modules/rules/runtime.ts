import type { SQL } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import type { FieldDef } from "../../lib/rules";
import type { ActionRegistry } from "./actions";

/**
 * Where one group of facts comes from (the person's record, computed traits, orders): loaded in
 * bulk before per-event evaluation, and joined onto `people p` for evaluation over the whole base.
 */
export interface FactSource {
  group: string;
  load(ctx: Ctx, personIds: readonly string[]): Promise<Map<string, unknown>>;
  /**
   * A join onto `people p` that provides the columns the group's fields read; none if they read
   * `p` itself. `required`: nobody without rows in the group can match, so an inner join will do.
   */
  join?(ctx: Ctx, now: Date, fieldKeys: readonly string[], required: boolean): Promise<SQL>;
}

/** Modules offer their rule fields; some are dynamic (one per computed trait, per custom attribute). */
export type FieldProvider = (ctx: Ctx) => Promise<FieldDef[]>;

/** Fields too many to list (every event property): made when a rule names one. */
export type FieldResolver = (key: string) => FieldDef | undefined;

/**
 * Who rules may consider at all. A person who objects to profiling (GDPR art. 21) is left out of
 * every evaluation: per event and per change by `objectors`, over the whole base by `where`.
 */
export interface RulePeople {
  /** A condition on `people p` that every whole-base query starts from. */
  where(): SQL;
  /** Which of these people rules must not evaluate. */
  objectors(ctx: Ctx, personIds: readonly string[]): Promise<Set<string>>;
}

/** Everything modules register for rules at start-up: fields, fact sources and actions. */
export interface RulesRuntime {
  people: RulePeople;
  fields: FieldProvider[];
  resolvers: FieldResolver[];
  facts: Map<string, FactSource>;
  actions: ActionRegistry;
}
