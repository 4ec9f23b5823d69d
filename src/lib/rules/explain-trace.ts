import type { Operator } from "./condition";
import { formatConstant, formatList, formatSpan, lastSegment } from "./format-constant";
import type { TraceNode } from "./trace-node";

type Phrases = (expected: unknown) => readonly [held: string, failed: string];

const PHRASES: Readonly<Record<Exclude<Operator, "is_set" | "is_not_set">, Phrases>> = {
  eq: (x) => [`equal to ${formatConstant(x)}`, `not equal to ${formatConstant(x)}`],
  neq: (x) => [`other than ${formatConstant(x)}`, `equal to ${formatConstant(x)}`],
  gt: (x) => [`more than ${formatConstant(x)}`, `not more than ${formatConstant(x)}`],
  gte: (x) => [`at least ${formatConstant(x)}`, `less than ${formatConstant(x)}`],
  lt: (x) => [`less than ${formatConstant(x)}`, `not less than ${formatConstant(x)}`],
  lte: (x) => [`at most ${formatConstant(x)}`, `more than ${formatConstant(x)}`],
  between: (x) => {
    const [lo, hi] = Array.isArray(x) ? x : [];
    const range = `${formatConstant(lo)} and ${formatConstant(hi)}`;
    return [`between ${range}`, `not between ${range}`];
  },
  in: (x) => [`one of ${formatList(x)}`, `not one of ${formatList(x)}`],
  not_in: (x) => [`none of ${formatList(x)}`, `one of ${formatList(x)}`],
  contains: (x) => [`contains ${JSON.stringify(x)}`, `does not contain ${JSON.stringify(x)}`],
  starts_with: (x) => [`starts with ${JSON.stringify(x)}`, `does not start with ${JSON.stringify(x)}`],
  before: (x) => [`before ${formatConstant(x)}`, `not before ${formatConstant(x)}`],
  after: (x) => [`after ${formatConstant(x)}`, `not after ${formatConstant(x)}`],
  within_last: (x) => [`within last ${formatSpan(x)}`, `not within last ${formatSpan(x)}`],
  more_than_ago: (x) => [`more than ${formatSpan(x)} ago`, `not more than ${formatSpan(x)} ago`],
};

const HEADERS = { all: "all of:", any: "any of:", not: "not:" } as const;

/**
 * A decision as lines a person can check, e.g. "✓ complaint_calls_90d = 5, more than 3" and
 * "✗ page_views_30d = 7, not less than 5". Nested groups get a header and indented parts. The
 * top-level "all" has no header: the builder shows it as a plain list of requirements. Reads
 * traces stored as JSON, so a missing `seen` means no value.
 */
export function explainTrace(trace: TraceNode): string[] {
  const lines: string[] = [];
  const parts = trace.kind === "all" ? (trace.children ?? []) : [trace];
  for (const part of parts) explain(part, "", lines);
  return lines;
}

function explain(node: TraceNode, indent: string, lines: string[]): void {
  const mark = node.result ? "✓" : "✗";
  if (node.kind === "compare") {
    lines.push(`${indent}${mark} ${comparisonLine(node)}`);
    return;
  }
  lines.push(`${indent}${mark} ${HEADERS[node.kind]}`);
  for (const child of node.children ?? []) explain(child, `${indent}  `, lines);
}

function comparisonLine(node: TraceNode): string {
  const name = lastSegment(node.field ?? "?");
  const op = node.op ?? "eq";
  const seen = node.seen ?? null;
  if (op === "is_set" || op === "is_not_set") {
    return seen === null ? `${name} has no value` : `${name} = ${formatConstant(seen)}, is set`;
  }
  const [held, failed] = PHRASES[op](node.expected);
  if (seen === null) return `${name} has no value, needs ${held}`;
  return `${name} = ${formatConstant(seen)}, ${node.result ? held : failed}`;
}
