import type { FieldComparator } from "./field-comparator";
import type { PreparedRecord } from "./prepare-record";

export const ADDRESS_LEVELS = ["same_address", "same_postnummer", "different", "missing"] as const;

/** Streets are compared in their normalised form, so "Storg. 12" is Storgatan 12. */
export const compareAddress: FieldComparator = {
  field: "address",
  levels: ADDRESS_LEVELS,
  compare(a, b) {
    if (!hasAddress(a) || !hasAddress(b)) return 3;
    const samePostnummer = a.postnummer !== null && a.postnummer === b.postnummer;
    if (a.street !== null && a.street === b.street) {
      if (samePostnummer) return 0;
      // Without a postnummer on one side the town has to agree instead.
      if ((a.postnummer === null || b.postnummer === null) && a.city !== null && a.city === b.city) return 0;
    }
    if (samePostnummer) return 1;
    return 2;
  },
  display: (record) => {
    const { street, postnummer, city } = record.record;
    const parts = [street, [postnummer, city].filter(Boolean).join(" ")].filter((part) => part && part.length > 0);
    return parts.length > 0 ? parts.join(", ") : null;
  },
};

function hasAddress(record: PreparedRecord): boolean {
  return record.street !== null || record.postnummer !== null;
}
