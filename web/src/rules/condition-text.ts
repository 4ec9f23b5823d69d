import type { Comparison, Condition, Operator, RuleField } from "./types";

/*
 * The condition as one line, written the way the server writes a saved rule's `conditionText`,
 * so what the builder shows while typing is what the list shows after saving. The words are the
 * rule language's own (and, or, not), not the reader's language.
 */

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

const KEYWORDS = new Set(["and", "or", "not", "in", "is", "set", "between", "true", "false"]);
const BARE = /^[\p{L}\p{N}_][\p{L}\p{N}_.:+@-]*$/u;
/** Stands for a value not filled in yet; a saved rule always has one. */
const MISSING = "?";

// Binding strength, loosest first; a part is parenthesised only when it binds more loosely than its place needs.
const OR = 1;
const AND = 2;
const NOT = 3;
const COMPARISON = 4;

interface Rendered {
  text: string;
  strength: number;
}

type Naming = (key: string) => string;

/** As the server names fields: the last part of the key, the last two for keys of four parts or more. */
const lastSegment = (key: string) => {
  const parts = key.split(".");
  return parts.length >= 4 ? parts.slice(-2).join(".") : (parts.at(-1) ?? key);
};

function formatConstant(value: unknown): string {
  if (value === undefined) return MISSING;
  if (typeof value === "string") {
    const bare = BARE.test(value) && Number.isNaN(Number(value)) && !KEYWORDS.has(value.toLowerCase());
    return bare ? value : JSON.stringify(value);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? MISSING;
}

const formatList = (values: unknown) =>
  Array.isArray(values) ? `(${values.map(formatConstant).join(", ")})` : formatConstant(values);

function formatSpan(value: unknown): string {
  const { amount, unit } = (value ?? {}) as { amount?: number; unit?: string };
  if (amount === undefined || !unit) return MISSING;
  return `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
}

/** Fields read by the last part of their key, or by the whole key when two listed fields end alike. */
export function conditionText(condition: Condition, fields: readonly RuleField[]): string {
  const counts = new Map<string, number>();
  for (const field of fields) counts.set(lastSegment(field.key), (counts.get(lastSegment(field.key)) ?? 0) + 1);
  const name: Naming = (key) => {
    if (key === "") return MISSING;
    return (counts.get(lastSegment(key)) ?? 0) > 1 ? key : lastSegment(key);
  };
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
  if (children.length === 0) return { text: MISSING, strength: COMPARISON };
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
