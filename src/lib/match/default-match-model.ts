import type { MatchModel } from "./match-model";

/**
 * A starting model from what is known about Swedish person records before looking at any data:
 * m from how often the same person's records agree at each level, u from how often two people
 * drawn at random do (a birth date is shared by about one pair in 30 000, a surname like
 * Andersson by one in 15). `estimateParameters` replaces these with figures from the register.
 *
 * The prior is for a register of a few hundred thousand people with some duplicates; the
 * thresholds mean "merge when wrong at most once in a thousand" and "ask a person when more
 * likely the same than not". Records are merged without a person only when something that
 * singles a person out agrees (personnummer, e-mail address or phone number) and nothing clearly
 * disagrees (personnummer, birth date, given names that do not plainly agree), unless the
 * personnummer is the same: surname, birth date and address are what twins share, and names and
 * address what a parent and a child of the same name share, but never a personnummer.
 */
export const DEFAULT_MATCH_MODEL: MatchModel = {
  version: 1,
  prior: 2e-6,
  thresholds: { autoMerge: 0.999, review: 0.5 },
  termFrequencyMinimum: 1e-5,
  fields: [
    {
      field: "personnummer",
      label: "personnummer",
      termFrequencyAdjustment: false,
      levels: [
        { id: "exact", label: "exact match", m: 0.95, u: 2e-7, identifies: true, overridesBlocks: true },
        { id: "transposed", label: "two neighbouring digits swapped", m: 0.02, u: 1e-7, identifies: true },
        { id: "different", label: "different", m: 0.03, u: 1, blocksAutoMerge: true },
        { id: "missing", label: "missing on one side", m: 1, u: 1, isNull: true },
      ],
    },
    {
      field: "given_names",
      label: "given names",
      termFrequencyAdjustment: true,
      // A child named after a parent: a few per cent of people who share an address.
      sameAddressU: {
        exact: 0.03,
        fold_equal: 0.001,
        preferred: 0.03,
        nickname: 0.005,
        swapped_order: 0.001,
        first_for_preferred: 0.05,
        other_given_name: 0.05,
        swapped_with_surname: 0.0001,
        jaro_winkler_95: 0.01,
        one_edit: 0.01,
        jaro_winkler_88: 0.03,
        different_single_name: 0.5,
        different: 0.34,
      },
      // Partners and flatmates, who do not share a surname, share given names no more than strangers.
      sameAddressOtherSurnameU: {
        exact: 0.004,
        fold_equal: 0.0002,
        preferred: 0.01,
        nickname: 0.0005,
        swapped_order: 0.0001,
        first_for_preferred: 0.005,
        other_given_name: 0.03,
        swapped_with_surname: 0.0001,
        jaro_winkler_95: 0.003,
        one_edit: 0.003,
        jaro_winkler_88: 0.015,
        different_single_name: 0.6,
        different: 0.34,
      },
      levels: [
        { id: "exact", label: "exact match", m: 0.4, u: 0.004, termFrequency: true },
        { id: "fold_equal", label: "same but for å, ä, ö", m: 0.02, u: 0.0002 },
        { id: "preferred", label: "same preferred name", m: 0.3, u: 0.01, termFrequency: true },
        { id: "nickname", label: "nickname", m: 0.04, u: 0.0005 },
        { id: "swapped_order", label: "same names in another order", m: 0.01, u: 0.0001 },
        {
          id: "first_for_preferred",
          label: "the first given name where the person goes by another",
          m: 0.06,
          u: 0.004,
          blocksAutoMerge: true,
        },
        {
          id: "other_given_name",
          label: "a name among the other's given names",
          m: 0.1,
          u: 0.03,
          blocksAutoMerge: true,
        },
        { id: "swapped_with_surname", label: "given name and surname swapped", m: 0.01, u: 1e-5 },
        { id: "jaro_winkler_95", label: "nearly the same spelling", m: 0.04, u: 0.003 },
        { id: "one_edit", label: "one letter apart", m: 0.02, u: 0.003 },
        { id: "jaro_winkler_88", label: "similar spelling", m: 0.03, u: 0.015, blocksAutoMerge: true },
        {
          id: "different_single_name",
          label: "different, one record giving a single name",
          m: 0.04,
          u: 0.6,
          blocksAutoMerge: true,
        },
        { id: "different", label: "different", m: 0.01, u: 0.34, blocksAutoMerge: true },
        { id: "missing", label: "missing on one side", m: 1, u: 1, isNull: true },
      ],
    },
    {
      field: "surname",
      label: "surname",
      termFrequencyAdjustment: true,
      // Most people who live together share a surname, in part or whole.
      sameAddressU: {
        exact: 0.5,
        fold_equal: 0.005,
        double_surname: 0.1,
        jaro_winkler_95: 0.005,
        one_edit: 0.005,
        jaro_winkler_88: 0.01,
        different: 0.375,
      },
      levels: [
        { id: "exact", label: "exact match", m: 0.85, u: 0.01, termFrequency: true },
        { id: "fold_equal", label: "same but for å, ä, ö", m: 0.02, u: 0.001 },
        { id: "double_surname", label: "part of a double surname", m: 0.04, u: 0.0005 },
        // Counted once, under given names: the two fields record the same swap.
        {
          id: "swapped_with_given",
          label: "given name and surname swapped (weighed under given names)",
          m: 1,
          u: 1,
          isNull: true,
        },
        { id: "jaro_winkler_95", label: "nearly the same spelling", m: 0.02, u: 0.001 },
        { id: "one_edit", label: "one letter apart", m: 0.01, u: 0.001 },
        { id: "jaro_winkler_88", label: "similar spelling", m: 0.01, u: 0.01 },
        { id: "different", label: "different", m: 0.05, u: 0.98 },
        { id: "missing", label: "missing on one side", m: 1, u: 1, isNull: true },
      ],
    },
    {
      field: "birth_date",
      label: "birth date",
      termFrequencyAdjustment: false,
      // Twins, and siblings or parents born a year or a month apart on the same day.
      sameAddressU: { exact: 0.02, one_part_differs: 0.03, different: 0.95 },
      // Twins share a surname; two people at one address with different surnames rarely share a birthday.
      sameAddressOtherSurnameU: { exact: 0.001, one_part_differs: 0.01, different: 0.989 },
      levels: [
        { id: "exact", label: "exact match", m: 0.95, u: 4e-5 },
        { id: "one_part_differs", label: "one part differs or day and month swapped", m: 0.03, u: 0.003 },
        { id: "different", label: "different", m: 0.02, u: 0.997, blocksAutoMerge: true },
        { id: "missing", label: "missing on one side", m: 1, u: 1, isNull: true },
      ],
    },
    {
      field: "address",
      label: "address",
      termFrequencyAdjustment: false,
      levels: [
        { id: "same_address", label: "same street address", m: 0.65, u: 2e-5 },
        { id: "same_postnummer", label: "same postnummer only", m: 0.05, u: 3e-4 },
        { id: "same_town", label: "another street in the same town", m: 0.1, u: 0.02 },
        { id: "different", label: "different", m: 0.2, u: 0.98 },
        { id: "missing", label: "missing on one side", m: 1, u: 1, isNull: true },
      ],
    },
    {
      field: "email",
      label: "e-mail",
      termFrequencyAdjustment: false,
      levels: [
        { id: "exact", label: "same address", m: 0.55, u: 1e-6, identifies: true },
        { id: "same_local_part", label: "same name before the @", m: 0.05, u: 1e-5 },
        // Not weighed: it tells no more than the names, which are compared already.
        { id: "same_name_local_part", label: "only the names before the @ agree", m: 1, u: 1, isNull: true },
        { id: "different", label: "different", m: 0.4, u: 1 },
        { id: "missing", label: "missing on one side", m: 1, u: 1, isNull: true },
      ],
    },
    {
      field: "phone",
      label: "phone",
      termFrequencyAdjustment: false,
      levels: [
        { id: "exact", label: "same number", m: 0.6, u: 1e-6, identifies: true },
        { id: "different", label: "different", m: 0.4, u: 1 },
        { id: "missing", label: "missing on one side", m: 1, u: 1, isNull: true },
      ],
    },
  ],
};
