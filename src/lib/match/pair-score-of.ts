import { APART, type CompiledField, type CompiledModel, TOGETHER_OTHER_SURNAME } from "./compile-model";
import { fieldWeight } from "./field-weight";
import { outcomeOf } from "./outcome-of";
import type { FieldComparison, PairScore } from "./pair-score";
import type { PreparedRecord } from "./prepare-record";
import { householdOf } from "./score-prepared";
import type { TermFrequencies } from "./term-frequencies";

/** The full, explainable score of a pair, built from the levels `scorePrepared` found. */
export function pairScoreOf(
  compiled: CompiledModel,
  a: PreparedRecord,
  b: PreparedRecord,
  frequencies: TermFrequencies | undefined,
): PairScore {
  let weight = compiled.priorWeight;
  const fields: FieldComparison[] = [];
  const levels: number[] = [];
  const household = householdOf(compiled, a, b);
  for (const field of compiled.fields) {
    const level = field.comparator.compare(a, b);
    levels.push(level);
    const fieldWeightBits = fieldWeight(compiled, field, level, a, b, frequencies, household);
    weight += fieldWeightBits;
    const modelLevel = field.levels[level];
    const label = modelLevel?.label ?? (field.comparator.levels[level] as string);
    const asOtherSurname =
      household === TOGETHER_OTHER_SURNAME && field.otherSurnameWeights !== null && !modelLevel?.isNull;
    const asHousehold =
      !asOtherSurname && household !== APART && field.sameAddressWeights !== null && !modelLevel?.isNull;
    fields.push({
      field: field.comparator.field,
      level: field.comparator.levels[level] as string,
      label: asOtherSurname
        ? `${label} (weighed as between people at one address with different surnames)`
        : asHousehold
          ? `${label} (weighed as within one household)`
          : label,
      valueA: displayOf(field, a),
      valueB: displayOf(field, b),
      weight: fieldWeightBits,
    });
  }
  return {
    a: a.record.id,
    b: b.record.id,
    weight,
    probability: probabilityOf(weight),
    outcome: outcomeOf(compiled, weight, levels),
    fields,
  };
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

// A record in many pairs is shown the same way each time: work its values out once.
function displayOf(field: CompiledField, record: PreparedRecord): string | null {
  if (record.display === null) record.display = [];
  const known = record.display[field.slot];
  if (known !== undefined) return known;
  const value = field.comparator.display(record);
  record.display[field.slot] = value;
  return value;
}
