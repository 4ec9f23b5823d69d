import { createContext, useContext } from "react";
import type { NodeDraft } from "./condition-draft";
import type { RuleProblems } from "./rule-problems";
import type { RuleField } from "./types";

/** What every row and group of the condition tree needs, handed down once instead of through each level. */
export interface ConditionEditing {
  fields: readonly RuleField[];
  /** Whether the rule is set off by an event, which is when the event's own fields apply. */
  withEvent: boolean;
  /** Each node's place in the condition as the server's errors name it, e.g. `condition.all.1`. */
  paths: ReadonlyMap<string, string>;
  /** Rows numbered depth first, for naming them to assistive technology: "Villkor 2". */
  numbers: ReadonlyMap<string, number>;
  problems: RuleProblems;
  disabled: boolean;
  /** Replaces the node with what `change` makes of it; null removes it. */
  update: (id: string, change: (node: NodeDraft) => NodeDraft | null) => void;
}

export const ConditionEditingContext = createContext<ConditionEditing | null>(null);

export function useConditionEditing(): ConditionEditing {
  const editing = useContext(ConditionEditingContext);
  if (!editing) throw new Error("A condition row is rendered outside its editor");
  return editing;
}
