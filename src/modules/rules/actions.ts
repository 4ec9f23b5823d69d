import type { z } from "zod";
import type { Ctx } from "../../kernel/ctx";

/** What an action is told when its rule fires for a person. */
export interface TActionContext {
  ruleId: string;
  ruleName: string;
  firingId: string;
  /** The action's place in the rule, so two actions of one kind in one firing stay apart. */
  actionIndex: number;
  personId: string;
  /** The explanation of the decision in the product's language, for actions that pass it on (a task's body, a webhook). */
  explanation: string[];
}

/**
 * A rule action: a plug-in behind one interface. Modules register theirs at start-up (create a
 * task, set a field, assign an owner, add to a list, call a webhook, send a message, open a case).
 */
export interface RuleAction<C = unknown> {
  type: string;
  label: string;
  config: z.ZodType<C>;
  /** The fields of the person this action may change, so a rule triggered by them is caught looping. */
  changes?: readonly string[];
  execute(ctx: Ctx, config: C, target: TActionContext): Promise<Record<string, unknown>>;
}

export class ActionRegistry {
  readonly #actions = new Map<string, RuleAction>();

  register<C>(action: RuleAction<C>): void {
    if (this.#actions.has(action.type)) throw new Error(`rule action ${action.type} registered twice`);
    this.#actions.set(action.type, action as RuleAction);
  }

  get(type: string): RuleAction | undefined {
    return this.#actions.get(type);
  }

  list(): RuleAction[] {
    return [...this.#actions.values()];
  }
}
