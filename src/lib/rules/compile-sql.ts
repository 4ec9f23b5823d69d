import { type SQL, sql } from "drizzle-orm";
import { assertValid } from "./assert-valid";
import { compileSqlComparison } from "./compile-sql-comparison";
import type { Condition } from "./condition";
import { conditionFields } from "./condition-fields";
import type { FieldDef } from "./field-def";
import type { FieldRegistry } from "./field-registry";

/**
 * The condition as a boolean SQL expression over the caller's base query, with every constant a
 * bound parameter. `now` is bound once per use, so relative fields and windows agree with
 * `compileJs` given the same `facts.now`. Throws on an invalid condition, or one reading a field
 * that exists only per event.
 */
export function compileSql(condition: Condition, registry: FieldRegistry, now: Date): SQL {
  assertValid(condition, registry);
  if (Number.isNaN(now.getTime())) throw new Error("compileSql needs a valid now");
  const perEvent = conditionFields(condition).filter((key) => registry.get(key)?.sql === null);
  if (perEvent.length > 0) {
    throw new Error(`Cannot evaluate over the whole base: ${perEvent.join(", ")} exist only per event`);
  }
  const nowSql = sql`(${now.toISOString()}::timestamptz)`;
  const build = (node: Condition): SQL => {
    if ("all" in node) return sql`(${sql.join(node.all.map(build), sql` and `)})`;
    if ("any" in node) return sql`(${sql.join(node.any.map(build), sql` or `)})`;
    if ("not" in node) return sql`(not ${build(node.not)})`;
    return compileSqlComparison(registry.get(node.field) as FieldDef, node.op, node.value, now, nowSql);
  };
  return build(condition);
}
