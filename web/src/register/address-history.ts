import type { Address, Lineage } from "./types";

export interface CurrentAddress {
  address: Address;
  /** The earliest start among the records of this address: the customer has lived here since then. */
  since: string;
  /** Where the address came from: its own source, then those of the records folded into it. */
  sources: Lineage[];
}

/** Street and postcode as the merge compares them: case and spaces aside. */
const placeOf = (address: Address) =>
  `${(address.street ?? "").trim().toLowerCase()}|${(address.postalCode ?? "").replaceAll(" ", "")}`;

// One source note per system, record and day: two copies from one form say nothing more.
const sameSource = (a: Lineage, b: Lineage) =>
  a.system === b.system && a.externalId === b.externalId && a.receivedAt.slice(0, 10) === b.receivedAt.slice(0, 10);

/**
 * Current addresses and earlier ones. An earlier record of the same street address whose time
 * reaches into the current one's is not a move — typically a merged duplicate record's copy of
 * the address — so it is folded into the current address (its start and its source), where
 * listing it under earlier addresses would say the customer moved out of their own home.
 */
export function splitAddressHistory(addresses: readonly Address[]): { current: CurrentAddress[]; earlier: Address[] } {
  const current: CurrentAddress[] = addresses
    .filter((address) => address.validTo === null)
    .map((address) => ({ address, since: address.validFrom, sources: [address.source] }));
  const earlier: Address[] = [];
  for (const address of addresses) {
    if (address.validTo === null) continue;
    const same = current.find(
      (entry) =>
        placeOf(entry.address) === placeOf(address) && Date.parse(address.validTo as string) >= Date.parse(entry.since),
    );
    if (!same) {
      earlier.push(address);
      continue;
    }
    if (Date.parse(address.validFrom) < Date.parse(same.since)) same.since = address.validFrom;
    if (!same.sources.some((source) => sameSource(source, address.source))) same.sources.push(address.source);
  }
  return { current, earlier };
}
