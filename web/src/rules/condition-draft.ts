import { firstOperator } from "./operators";
import type { Comparison, Condition, FieldType, Operator, RuleField } from "./types";
import { defaultValue, draftValue, sentValue, type ValueDraft } from "./value-draft";

/** One comparison row of the builder. An empty `field` is a row still to be filled in. */
export interface RowDraft {
  kind: "row";
  id: string;
  field: string;
  op: Operator;
  value: ValueDraft;
}

/** A group of rows and groups: all of them must hold, or any one; "not" turns the group around. */
export interface GroupDraft {
  kind: "group";
  id: string;
  join: "all" | "any";
  negated: boolean;
  children: NodeDraft[];
}

export type NodeDraft = RowDraft | GroupDraft;

let lastId = 0;
/** Rows and groups need a key that survives reordering; the server's paths are positions, worked out on saving. */
const nextId = () => `node-${++lastId}`;

export const newRow = (): RowDraft => ({ kind: "row", id: nextId(), field: "", op: "eq", value: "" });

export const newGroup = (join: GroupDraft["join"] = "all", children: NodeDraft[] = [newRow()]): GroupDraft => ({
  kind: "group",
  id: nextId(),
  join,
  negated: false,
  children,
});

/** A field's type; event properties not in the list read as text, or as numbers under `event.number.`. */
export function fieldType(key: string, fields: readonly RuleField[]): FieldType | undefined {
  const known = fields.find((field) => field.key === key);
  if (known) return known.type;
  if (key.startsWith("event.number.")) return "number";
  if (key.startsWith("event.properties.")) return "text";
  return undefined;
}

function isGroupOf(node: Condition, join: "all" | "any"): node is { all: Condition[] } & { any: Condition[] } {
  return join in node && Array.isArray((node as Record<string, unknown>)[join]);
}

function nodeOf(condition: Condition, fields: readonly RuleField[]): NodeDraft {
  if (isGroupOf(condition, "all"))
    return newGroup(
      "all",
      condition.all.map((child) => nodeOf(child, fields)),
    );
  if (isGroupOf(condition, "any"))
    return newGroup(
      "any",
      condition.any.map((child) => nodeOf(child, fields)),
    );
  if ("not" in condition) {
    const inner = nodeOf(condition.not, fields);
    // "not" is a switch on a group, so a negated comparison becomes a negated group of one.
    const group = inner.kind === "group" && !inner.negated ? inner : newGroup("all", [inner]);
    return { ...group, negated: true };
  }
  const { field, op, value } = condition as Comparison;
  const type = fieldType(field, fields) ?? "text";
  return { kind: "row", id: nextId(), field, op, value: draftValue(value, type, op) };
}

/** A stored condition as the builder's tree, always under one group. */
export function conditionDraft(condition: Condition, fields: readonly RuleField[]): GroupDraft {
  const root = nodeOf(condition, fields);
  return root.kind === "group" ? root : newGroup("all", [root]);
}

function conditionOfNode(node: NodeDraft, fields: readonly RuleField[]): Condition {
  if (node.kind === "row") {
    const type = fieldType(node.field, fields) ?? "text";
    const value = sentValue(node.value, type, node.op);
    return value === undefined ? { field: node.field, op: node.op } : { field: node.field, op: node.op, value };
  }
  const children = node.children.map((child) => conditionOfNode(child, fields));
  const group: Condition = node.join === "all" ? { all: children } : { any: children };
  return node.negated ? { not: group } : group;
}

/** The tree as the API takes it. */
export function conditionOf(root: GroupDraft, fields: readonly RuleField[]): Condition {
  return conditionOfNode(root, fields);
}

/**
 * Where the server's field errors point for each row and group, e.g. `condition.all.1` for the
 * second row, `condition.not.any.0` under a negated "any" group. A group's own errors (an empty
 * group) are at its path plus `.all` or `.any`.
 */
export function nodePaths(root: GroupDraft, base = "condition"): Map<string, string> {
  const paths = new Map<string, string>();
  const visit = (node: NodeDraft, path: string) => {
    paths.set(node.id, path);
    if (node.kind === "row") return;
    const inner = `${node.negated ? `${path}.not` : path}.${node.join}`;
    node.children.forEach((child, index) => {
      visit(child, `${inner}.${index}`);
    });
  };
  visit(root, base);
  return paths;
}

/** The path of a group's list of children, where "needs at least one condition" is reported. */
export function childrenPath(group: GroupDraft, path: string): string {
  return `${group.negated ? `${path}.not` : path}.${group.join}`;
}

/** A row moved to another field: it keeps its comparison and value while the type stays the same. */
export function withField(row: RowDraft, field: string, fields: readonly RuleField[]): RowDraft {
  const before = fieldType(row.field, fields);
  const after = fieldType(field, fields) ?? "text";
  const sameChoices =
    JSON.stringify(fields.find((f) => f.key === row.field)?.choices) ===
    JSON.stringify(fields.find((f) => f.key === field)?.choices);
  if (row.field !== "" && before === after && sameChoices) return { ...row, field };
  const op = firstOperator(after);
  return { ...row, field, op, value: defaultValue(after, op) };
}

/** Every row of the tree, depth first. */
export function rowsOf(node: NodeDraft): RowDraft[] {
  return node.kind === "row" ? [node] : node.children.flatMap(rowsOf);
}

/** The tree with one node replaced by what `change` makes of it. */
export function updateNode(root: GroupDraft, id: string, change: (node: NodeDraft) => NodeDraft | null): GroupDraft {
  const visit = (node: NodeDraft): NodeDraft | null => {
    if (node.id === id) return change(node);
    if (node.kind === "row") return node;
    const children = node.children.map(visit).filter((child): child is NodeDraft => child !== null);
    return { ...node, children };
  };
  return (visit(root) as GroupDraft | null) ?? root;
}

export const removeNode = (root: GroupDraft, id: string): GroupDraft => updateNode(root, id, () => null);
