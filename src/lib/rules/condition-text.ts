import type { Comparison, Condition, Operator } from "./condition";
import type { FieldRegistry } from "./field-registry";
import { formatConstant, formatList, formatSpan, lastSegment } from "./format-constant";

const SYMBOLS: Partial<Readonly<Record<Operator, string>>> = {
  eq: "=",
  neq: "≠",
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
  before: "before",
  after: "after",
  contains: "contains",
  starts_with: "starts with",
};

// Binding strength, loosest first: or, and, not, a comparison. A part is parenthesised only when
// it binds more loosely than its place needs, e.g. an "or" inside an "and".
const OR = 1;
const AND = 2;
const NOT = 3;
const COMPARISON = 4;

interface Rendered {
  text: string;
  strength: number;
}

type Naming = (key: string) => string;

/**
 * The condition as one readable line, e.g.
 * "complaint_calls_90d > 3 and page_views_30d < 5 and open_sek > 10000". Fields read by the last
 * segment of their key, or by the whole key when two registered fields share that segment.
 */
export function conditionText(condition: Condition, registry: FieldRegistry): string {
  const counts = new Map<string, number>();
  for (const def of registry.list()) counts.set(lastSegment(def.key), (counts.get(lastSegment(def.key)) ?? 0) + 1);
  const name: Naming = (key) => ((counts.get(lastSegment(key)) ?? 0) > 1 ? key : lastSegment(key));
  return render(condition, name).text;
}

function render(node: Condition, name: Naming): Rendered {
  if ("all" in node) return join(node.all, " and ", AND, name);
  if ("any" in node) return join(node.any, " or ", OR, name);
  if ("not" in node) return { text: `not ${wrap(render(node.not, name), NOT)}`, strength: NOT };
  return { text: comparisonText(node, name(node.field)), strength: COMPARISON };
}

function join(children: Condition[], separator: string, strength: number, name: Naming): Rendered {
  const [only] = children;
  if (children.length === 1 && only) return render(only, name);
  return { text: children.map((child) => wrap(render(child, name), strength)).join(separator), strength };
}

function wrap(part: Rendered, needed: number): string {
  return part.strength < needed ? `(${part.text})` : part.text;
}

function comparisonText({ op, value }: Comparison, name: string): string {
  switch (op) {
    case "is_set":
      return `${name} is set`;
    case "is_not_set":
      return `${name} is not set`;
    case "between": {
      const [lo, hi] = Array.isArray(value) ? value : [];
      return `${name} between ${formatConstant(lo)} and ${formatConstant(hi)}`;
    }
    case "in":
      return `${name} in ${formatList(value)}`;
    case "not_in":
      return `${name} not in ${formatList(value)}`;
    case "within_last":
      return `${name} within last ${formatSpan(value)}`;
    case "more_than_ago":
      return `${name} more than ${formatSpan(value)} ago`;
    default:
      return `${name} ${SYMBOLS[op] ?? op} ${formatConstant(value)}`;
  }
}
