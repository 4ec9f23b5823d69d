import { COMPARATORS } from "./comparators";
import type { FieldComparator } from "./field-comparator";
import type { ComparisonLevel, FieldModel, MatchModel } from "./match-model";

export interface CompiledField {
  comparator: FieldComparator;
  /** The comparator's position in COMPARATORS. */
  slot: number;
  model: FieldModel;
  /** By the comparator's level index; null where the model does not know the level (it weighs 0). */
  levels: (ComparisonLevel | null)[];
  weights: Float64Array;
  m: Float64Array;
  /** 1 where the level takes a term-frequency adjustment. */
  termFrequency: Uint8Array;
  /** 1 where the level keeps a pair from being merged automatically. */
  blocksAutoMerge: Uint8Array;
  /** 1 where the level singles a person out. */
  identifies: Uint8Array;
  /** 1 where the level settles the doubts of blocking levels. */
  overridesBlocks: Uint8Array;
  /** Weights when the address agrees, from `sameAddressU`; null when the field has none. */
  sameAddressWeights: Float64Array | null;
  /** Weights at one address when the surnames differ, from `sameAddressOtherSurnameU`; else null. */
  otherSurnameWeights: Float64Array | null;
}

/** A model turned into lookup tables for the scoring loop. */
export interface CompiledModel {
  model: MatchModel;
  fields: CompiledField[];
  priorWeight: number;
  /** Thresholds as total weights in bits, prior included. */
  autoMergeWeight: number;
  reviewWeight: number;
  termFrequencyMinimum: number;
  /** True when some level identifies, so an automatic merge needs one. */
  autoMergeNeedsIdentifier: boolean;
  /** Where the address field is and the level index meaning "same address", when some field depends on it. */
  address: { field: number; sameLevel: number } | null;
  /** Where the surname field is and its level "different", when some field weighs by it at one address. */
  surname: { field: number; differentLevel: number } | null;
}

/** How two records relate by address: apart, at one address, or at one address with different surnames. */
export const APART = 0;
export const TOGETHER = 1;
export const TOGETHER_OTHER_SURNAME = 2;
export type Household = typeof APART | typeof TOGETHER | typeof TOGETHER_OTHER_SURNAME;

const SMALLEST = 1e-12;
const compiled = new WeakMap<MatchModel, CompiledModel>();

/**
 * Compiles once per model object: models are treated as values, so change one by making a new
 * one (as `estimateParameters` does), not by editing it in place after use.
 */
export function compileModel(model: MatchModel): CompiledModel {
  const known = compiled.get(model);
  if (known) return known;
  const fields: CompiledField[] = [];
  for (const [slot, comparator] of COMPARATORS.entries()) {
    const fieldModel = model.fields.find((field) => field.field === comparator.field);
    if (!fieldModel) continue;
    const size = comparator.levels.length;
    const field: CompiledField = {
      comparator,
      slot,
      model: fieldModel,
      levels: [],
      weights: new Float64Array(size),
      m: new Float64Array(size),
      termFrequency: new Uint8Array(size),
      blocksAutoMerge: new Uint8Array(size),
      identifies: new Uint8Array(size),
      overridesBlocks: new Uint8Array(size),
      sameAddressWeights: fieldModel.sameAddressU ? new Float64Array(size) : null,
      otherSurnameWeights: fieldModel.sameAddressOtherSurnameU ? new Float64Array(size) : null,
    };
    comparator.levels.forEach((id, index) => {
      const level = fieldModel.levels.find((candidate) => candidate.id === id) ?? null;
      field.levels.push(level);
      if (level?.blocksAutoMerge) field.blocksAutoMerge[index] = 1;
      if (level?.identifies) field.identifies[index] = 1;
      if (level?.overridesBlocks) field.overridesBlocks[index] = 1;
      if (level === null || level.isNull) return;
      field.m[index] = Math.max(level.m, SMALLEST);
      field.weights[index] = Math.log2(Math.max(level.m, SMALLEST) / Math.max(level.u, SMALLEST));
      if (field.sameAddressWeights) {
        const u = fieldModel.sameAddressU?.[id] ?? level.u;
        field.sameAddressWeights[index] = Math.log2(Math.max(level.m, SMALLEST) / Math.max(u, SMALLEST));
      }
      if (field.otherSurnameWeights) {
        const u = fieldModel.sameAddressOtherSurnameU?.[id] ?? fieldModel.sameAddressU?.[id] ?? level.u;
        field.otherSurnameWeights[index] = Math.log2(Math.max(level.m, SMALLEST) / Math.max(u, SMALLEST));
      }
      field.termFrequency[index] = fieldModel.termFrequencyAdjustment && level.termFrequency ? 1 : 0;
    });
    fields.push(field);
  }
  const addressField = fields.findIndex((field) => field.comparator.field === "address");
  const dependsOnAddress = fields.some((field) => field.sameAddressWeights !== null);
  const surnameField = fields.findIndex((field) => field.comparator.field === "surname");
  const dependsOnSurname = fields.some((field) => field.otherSurnameWeights !== null);
  const result: CompiledModel = {
    model,
    fields,
    priorWeight: logOdds(model.prior),
    autoMergeWeight: logOdds(model.thresholds.autoMerge),
    reviewWeight: logOdds(model.thresholds.review),
    termFrequencyMinimum: model.termFrequencyMinimum,
    autoMergeNeedsIdentifier: fields.some((field) => field.identifies.includes(1)),
    address:
      addressField >= 0 && dependsOnAddress
        ? {
            field: addressField,
            sameLevel: (fields[addressField] as CompiledField).comparator.levels.indexOf("same_address"),
          }
        : null,
    surname:
      surnameField >= 0 && dependsOnSurname && addressField >= 0
        ? {
            field: surnameField,
            differentLevel: (fields[surnameField] as CompiledField).comparator.levels.indexOf("different"),
          }
        : null,
  };
  compiled.set(model, result);
  return result;
}

function logOdds(probability: number): number {
  const p = Math.min(Math.max(probability, SMALLEST), 1 - SMALLEST);
  return Math.log2(p / (1 - p));
}
