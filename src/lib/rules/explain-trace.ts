import type { ExplainLanguage, ExplainWords } from "./explain-words";
import { EXPLAIN_EN } from "./explain-words-en";
import { EXPLAIN_SV } from "./explain-words-sv";
import { formatConstant, lastSegment } from "./format-constant";
import type { TraceNode } from "./trace-node";

const WORDS: Readonly<Record<ExplainLanguage, ExplainWords>> = { sv: EXPLAIN_SV, en: EXPLAIN_EN };

/**
 * A decision as lines a person can check, in their language: "✓ complaint_calls_90d = 5, mer än 3"
 * and "✗ page_views_30d = 7, inte mindre än 5", or "more than 3" and "not less than 5" in English.
 * Field names, values and constants read as in the rule language (numbers with a decimal point,
 * dates as ISO), so a line matches the condition it explains. Nested groups get a header and
 * indented parts. The top-level "all" has no header: the builder shows it as a plain list of
 * requirements. Reads traces stored as JSON, so a missing `seen` means no value.
 */
export function explainTrace(trace: TraceNode, language: ExplainLanguage): string[] {
  const words = WORDS[language];
  const lines: string[] = [];
  const parts = trace.kind === "all" ? (trace.children ?? []) : [trace];
  for (const part of parts) explain(part, "", lines, words);
  return lines;
}

function explain(node: TraceNode, indent: string, lines: string[], words: ExplainWords): void {
  const mark = node.result ? "✓" : "✗";
  if (node.kind === "compare") {
    lines.push(`${indent}${mark} ${comparisonLine(node, words)}`);
    return;
  }
  lines.push(`${indent}${mark} ${words.headers[node.kind]}`);
  for (const child of node.children ?? []) explain(child, `${indent}  `, lines, words);
}

function comparisonLine(node: TraceNode, words: ExplainWords): string {
  const name = lastSegment(node.field ?? "?");
  const op = node.op ?? "eq";
  const seen = node.seen ?? null;
  if (op === "is_set" || op === "is_not_set") {
    return seen === null ? words.noValue(name) : words.isSet(name, formatConstant(seen));
  }
  const [held, failed] = words.phrases[op](node.expected);
  if (seen === null) return words.noValueNeeds(name, held);
  return `${name} = ${formatConstant(seen)}, ${node.result ? held : failed}`;
}
