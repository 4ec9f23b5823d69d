import type { FieldComparator } from "./field-comparator";
import { levelIndices } from "./level-indices";
import type { PreparedRecord } from "./prepare-record";

export const ADDRESS_LEVELS = ["same_address", "same_postnummer", "same_town", "different", "missing"] as const;
const level = levelIndices(ADDRESS_LEVELS);

/**
 * Streets are compared in their normalised form, so "Storg. 12" is Storgatan 12; towns folded,
 * so Goteborg is Göteborg.
 */
export const compareAddress: FieldComparator = {
  field: "address",
  levels: ADDRESS_LEVELS,
  compare(a, b) {
    if (!hasAddress(a) || !hasAddress(b)) return level.missing;
    const samePostnummer = a.postnummer !== null && a.postnummer === b.postnummer;
    if (a.street !== null && a.street === b.street) {
      if (samePostnummer) return level.same_address;
      // Without a postnummer on one side the town has to agree instead.
      if ((a.postnummer === null || b.postnummer === null) && a.city !== null && a.city === b.city) {
        return level.same_address;
      }
    }
    if (samePostnummer) return level.same_postnummer;
    // Many moves stay within the town (half of all moves in Sweden stay in the municipality).
    if (a.city !== null && a.city === b.city) return level.same_town;
    return level.different;
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
