import type { Condition } from "./condition";

/** The field keys a condition reads, each once, in order of appearance: what to load, what to index. */
export function conditionFields(condition: Condition): string[] {
  const keys = new Set<string>();
  const visit = (node: Condition): void => {
    if ("all" in node) node.all.forEach(visit);
    else if ("any" in node) node.any.forEach(visit);
    else if ("not" in node) visit(node.not);
    else keys.add(node.field);
  };
  visit(condition);
  return [...keys];
}
