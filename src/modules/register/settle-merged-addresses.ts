import { eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { addresses } from "./schema";

type Address = typeof addresses.$inferSelect;

const place = (address: Address) =>
  `${(address.street ?? "").toLowerCase()}|${(address.postalCode ?? "").replaceAll(" ", "")}|${address.box ?? ""}`;

/**
 * After a merge the survivor lives at one address of each kind, and its history stays true:
 * - the merged record's copy of the survivor's current address is closed now (one address, not two);
 * - an address one record holds as current and the other as one the customer has moved from is
 *   old news: it closes at its own start;
 * - of two different current addresses the later one wins, and the other closes when it began,
 *   as a move would have closed it.
 * Returns the addresses closed, so an unmerge can open them again.
 */
export async function settleMergedAddresses(
  tx: Ctx,
  survivorId: string,
  movedIds: readonly string[],
): Promise<string[]> {
  if (movedIds.length === 0) return [];
  const moved = new Set(movedIds);
  const all = await tx.db.select().from(addresses).where(eq(addresses.personId, survivorId));
  const closes = new Map<string, Date>();
  const isCurrent = (address: Address) => address.validTo === null && !closes.has(address.id);
  const sideOf = (address: Address) => moved.has(address.id);
  for (const address of all.filter((candidate) => candidate.validTo === null)) {
    const otherSide = all.filter(
      (other) => sideOf(other) !== sideOf(address) && other.kind === address.kind && place(other) === place(address),
    );
    if (otherSide.some((other) => other.validTo === null)) {
      // The same address on both: the merged record's copy goes.
      if (sideOf(address)) closes.set(address.id, tx.clock.now());
      continue;
    }
    const left = otherSide.find((other) => other.validTo !== null);
    // The other record knows the customer moved away from it. Only a stated moving-in date after
    // that says they came back; a date that is only when a system heard of it does not.
    const cameBack = left?.validTo && address.validFromStated && address.validFrom >= left.validTo;
    if (left && !cameBack) closes.set(address.id, address.validFrom);
  }
  for (const kind of new Set(all.map((address) => address.kind))) {
    const current = all.filter((address) => address.kind === kind && isCurrent(address));
    if (current.length < 2) continue;
    // The later start wins; on the same day the survivor's own address does.
    const [winner, ...others] = current.sort(
      (a, b) => b.validFrom.getTime() - a.validFrom.getTime() || Number(moved.has(a.id)) - Number(moved.has(b.id)),
    );
    for (const other of others) closes.set(other.id, winner?.validFrom ?? tx.clock.now());
  }
  for (const [id, validTo] of closes) {
    await tx.db.update(addresses).set({ validTo }).where(eq(addresses.id, id));
  }
  return [...closes.keys()];
}
