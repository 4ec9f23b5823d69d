import type { CompiledModel } from "./compile-model";
import { fieldWeight } from "./field-weight";
import type { PreparedRecord } from "./prepare-record";
import type { TermFrequencies } from "./term-frequencies";

/**
 * The total match weight of a pair (prior included), the hot loop of deduplication: nothing is
 * allocated. The level of each field is written to `levels` when given, in the model's field order.
 */
export function scorePrepared(
  compiled: CompiledModel,
  a: PreparedRecord,
  b: PreparedRecord,
  frequencies: TermFrequencies | undefined,
  levels?: Uint8Array,
): number {
  let weight = compiled.priorWeight;
  const { fields } = compiled;
  const { address } = compiled;
  const addressLevel =
    address === null ? -1 : (fields[address.field] as (typeof fields)[number]).comparator.compare(a, b);
  const sameAddress = address !== null && addressLevel === address.sameLevel;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f] as (typeof fields)[number];
    const level = address !== null && f === address.field ? addressLevel : field.comparator.compare(a, b);
    if (levels) levels[f] = level;
    weight += fieldWeight(compiled, field, level, a, b, frequencies, sameAddress);
  }
  return weight;
}

/** True when the model weighs some fields differently for two records at one address, and they are. */
export function livesTogether(compiled: CompiledModel, a: PreparedRecord, b: PreparedRecord): boolean {
  const { address } = compiled;
  if (address === null) return false;
  return (
    (compiled.fields[address.field] as CompiledModel["fields"][number]).comparator.compare(a, b) === address.sameLevel
  );
}
