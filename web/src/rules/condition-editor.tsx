import { useMemo } from "react";
import { type ConditionEditing, ConditionEditingContext } from "./condition-context";
import { type GroupDraft, type NodeDraft, nodePaths, rowsOf, updateNode } from "./condition-draft";
import { ConditionGroup } from "./condition-group";
import type { RuleProblems } from "./rule-problems";
import type { RuleField } from "./types";

interface ConditionEditorProps {
  condition: GroupDraft;
  onChange: (change: (condition: GroupDraft) => GroupDraft) => void;
  fields: readonly RuleField[];
  withEvent: boolean;
  problems: RuleProblems;
  disabled: boolean;
}

/** The condition as a tree of groups and rows, edited in place. */
export function ConditionEditor({ condition, onChange, fields, withEvent, problems, disabled }: ConditionEditorProps) {
  const paths = useMemo(() => nodePaths(condition), [condition]);
  const numbers = useMemo(() => new Map(rowsOf(condition).map((row, index) => [row.id, index + 1])), [condition]);
  const editing: ConditionEditing = {
    fields,
    withEvent,
    paths,
    numbers,
    problems,
    disabled,
    update: (id: string, change: (node: NodeDraft) => NodeDraft | null) =>
      onChange((current) => updateNode(current, id, change)),
  };
  return (
    <ConditionEditingContext value={editing}>
      <ConditionGroup group={condition} level={1} root />
    </ConditionEditingContext>
  );
}
