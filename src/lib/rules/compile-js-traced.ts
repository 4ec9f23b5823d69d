import { assertValid } from "./assert-valid";
import { compileComparison } from "./compile-comparison";
import type { Condition } from "./condition";
import { displayValue } from "./display-value";
import type { Facts, FieldDef } from "./field-def";
import type { FieldRegistry } from "./field-registry";
import { normaliserFor } from "./normaliser-for";
import type { TraceNode } from "./trace-node";

type Trace = (facts: Facts) => TraceNode;

/**
 * Like `compileJs`, but returns the evaluated tree. Every node is evaluated, with no short
 * circuit, so an explanation also shows the parts that did not decide the outcome. Comparisons
 * reuse `compileJs`'s closures, so a trace never disagrees with the decision it explains.
 */
export function compileJsTraced(condition: Condition, registry: FieldRegistry): Trace {
  assertValid(condition, registry);
  return build(condition, registry);
}

function build(condition: Condition, registry: FieldRegistry): Trace {
  if ("all" in condition || "any" in condition) {
    const kind = "all" in condition ? "all" : "any";
    const children = ("all" in condition ? condition.all : condition.any).map((child) => build(child, registry));
    return (facts) => {
      const nodes = children.map((child) => child(facts));
      const result = kind === "all" ? nodes.every((node) => node.result) : nodes.some((node) => node.result);
      return { kind, result, children: nodes };
    };
  }
  if ("not" in condition) {
    const inner = build(condition.not, registry);
    return (facts) => {
      const child = inner(facts);
      return { kind: "not", result: !child.result, children: [child] };
    };
  }
  const { field, op, value } = condition;
  const def = registry.get(field) as FieldDef;
  const test = compileComparison(def, op, value);
  const normalise = normaliserFor(def.type);
  return (facts) => {
    const node: TraceNode = { kind: "compare", result: test(facts), field, label: def.label, op };
    node.seen = displayValue(def.type, normalise(def.js(facts)));
    if (value !== undefined) node.expected = value;
    return node;
  };
}
