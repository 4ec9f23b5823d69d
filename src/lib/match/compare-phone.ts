import type { FieldComparator } from "./field-comparator";
import { firstShared } from "./first-shared";

export const PHONE_LEVELS = ["exact", "different", "missing"] as const;

export const comparePhone: FieldComparator = {
  field: "phone",
  levels: PHONE_LEVELS,
  compare(a, b) {
    if (a.phones.length === 0 || b.phones.length === 0) return 2;
    return firstShared(a.phones, b.phones) !== null ? 0 : 1;
  },
  display: (record) => (record.phones.length > 0 ? record.phones.join(", ") : null),
};
