import type { FieldComparator } from "./field-comparator";
import { firstShared } from "./first-shared";
import { levelIndices } from "./level-indices";

export const PHONE_LEVELS = ["exact", "different", "missing"] as const;
const level = levelIndices(PHONE_LEVELS);

export const comparePhone: FieldComparator = {
  field: "phone",
  levels: PHONE_LEVELS,
  compare(a, b) {
    if (a.phones.length === 0 || b.phones.length === 0) return level.missing;
    return firstShared(a.phones, b.phones) !== null ? level.exact : level.different;
  },
  display: (record) => (record.phones.length > 0 ? record.phones.join(", ") : null),
};
