import { APART, type CompiledModel, type Household, TOGETHER, TOGETHER_OTHER_SURNAME } from "./compile-model";
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
  const { address, surname } = compiled;
  const addressLevel =
    address === null ? -1 : (fields[address.field] as (typeof fields)[number]).comparator.compare(a, b);
  const sameAddress = address !== null && addressLevel === address.sameLevel;
  const surnameLevel =
    sameAddress && surname !== null ? (fields[surname.field] as (typeof fields)[number]).comparator.compare(a, b) : -1;
  const household: Household = !sameAddress
    ? APART
    : surname !== null && surnameLevel === surname.differentLevel
      ? TOGETHER_OTHER_SURNAME
      : TOGETHER;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f] as (typeof fields)[number];
    const level =
      address !== null && f === address.field
        ? addressLevel
        : surnameLevel >= 0 && surname !== null && f === surname.field
          ? surnameLevel
          : field.comparator.compare(a, b);
    if (levels) levels[f] = level;
    weight += fieldWeight(compiled, field, level, a, b, frequencies, household);
  }
  return weight;
}

/** Whether two records share an address (and surnames) in the way the model weighs by. */
export function householdOf(compiled: CompiledModel, a: PreparedRecord, b: PreparedRecord): Household {
  const { address, surname } = compiled;
  if (address === null) return APART;
  const field = (index: number) => compiled.fields[index] as CompiledModel["fields"][number];
  if (field(address.field).comparator.compare(a, b) !== address.sameLevel) return APART;
  if (surname !== null && field(surname.field).comparator.compare(a, b) === surname.differentLevel) {
    return TOGETHER_OTHER_SURNAME;
  }
  return TOGETHER;
}
