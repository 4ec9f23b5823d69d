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

/** Everything modules register for rules at start-up: fields, fact sources and actions. */
export interface RulesRuntime {
  fields: FieldProvider[];
  resolvers: FieldResolver[];
  facts: Map<string, FactSource>;
  actions: ActionRegistry;
}
