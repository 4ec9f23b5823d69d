/** The fields the matcher compares, in the order they are scored and explained. */
export type MatchField = "personnummer" | "given_names" | "surname" | "birth_date" | "address" | "email" | "phone";

/**
 * One outcome of comparing a field, with the Fellegi-Sunter probabilities: `m` that two records of
 * the same person land on it, `u` that two records of different people do.
 */
export interface ComparisonLevel {
  id: string;
  label: string;
  m: number;
  u: number;
  /** A level that says nothing either way (a value missing on one side) weighs 0. */
  isNull?: boolean;
  /** The level's `u` is replaced by the frequency of the agreeing value when term frequencies are given. */
  termFrequency?: boolean;
  /** A pair at this level is never merged automatically, whatever its weight: a person decides. */
  blocksAutoMerge?: boolean;
  /** Agreement that settles the doubts `blocksAutoMerge` raises: one personnummer, one person. */
  overridesBlocks?: boolean;
  /**
   * Agreement that singles a person out (the same personnummer, e-mail or phone). When any level
   * of the model is marked so, an automatic merge needs at least one field at such a level.
   */
  identifies?: boolean;
}

export interface FieldModel {
  field: MatchField;
  label: string;
  /** Ordered: the first level whose condition holds is the one a pair lands on. */
  levels: ComparisonLevel[];
  /** Switches the term-frequency adjustment of this field's marked levels on or off. */
  termFrequencyAdjustment: boolean;
  /**
   * u by level id among different people who share an address, used instead of u when the
   * address agrees: people living together share a surname far more often than strangers, and
   * now and then given names (a son named after his father) or a birth date (twins).
   */
  sameAddressU?: Record<string, number>;
  /**
   * u by level id among different people at one address whose surnames differ (partners,
   * lodgers, flatmates), used instead of `sameAddressU` then. They rarely share given names or a
   * birth date, while a parent and child of one name share the surname too: without this split,
   * a woman who took her husband's name at the same address looks like her own namesake child.
   */
  sameAddressOtherSurnameU?: Record<string, number>;
}

/**
 * A Fellegi-Sunter model as plain JSON, so it can be stored, shown, edited and re-estimated.
 * `prior` is lambda, the probability that two records drawn at random are the same person;
 * thresholds are match probabilities.
 *
 * The model treats fields as independent given match status, which people living together
 * break: a twin shares surname, address and birth date, a son named after his father shares
 * names and address. Summed, such agreements look certain. `sameAddressU` weighs those fields
 * as among people at one address when the address agrees, and the level flags
 * `blocksAutoMerge` and `identifies` keep the remaining doubtful pairs for a person to review.
 */
export interface MatchModel {
  version: 1;
  prior: number;
  thresholds: { autoMerge: number; review: number };
  /** The smallest frequency a term-frequency adjustment may use, so one rare spelling cannot outweigh everything. */
  termFrequencyMinimum: number;
  fields: FieldModel[];
}
