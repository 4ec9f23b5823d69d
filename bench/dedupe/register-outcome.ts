import type { MatchOutcome } from "../../src/lib/match";

/**
 * What the register ends up with after a deduplication, record pair by record pair, as
 * `deduplicateRegister` leaves it: the records of one auto-merge cluster are one person
 * (`auto_merge`), and two people joined by a review pair are one question in the review queue
 * (`review`) — deciding it merges every record of the one with every record of the other.
 */
export class RegisterOutcome {
  /** Per record, the smallest record index of its cluster (itself when left alone). */
  readonly personOf: Int32Array;
  private readonly linked = new Set<number>();
  private readonly members = new Map<number, number[]>();

  constructor(
    records: number,
    pairs: ReadonlyArray<{ a: number; b: number; outcome: MatchOutcome }>,
    clusters: ReadonlyArray<readonly number[]>,
  ) {
    this.personOf = new Int32Array(records);
    for (let i = 0; i < records; i++) this.personOf[i] = i;
    for (const cluster of clusters) {
      const person = Math.min(...cluster);
      for (const record of cluster) this.personOf[record] = person;
      this.members.set(person, [...cluster]);
    }
    for (const pair of pairs) {
      if (pair.outcome !== "review") continue;
      const key = this.key(this.personOf[pair.a] as number, this.personOf[pair.b] as number);
      if (key !== null) this.linked.add(key);
    }
  }

  decision(a: number, b: number): MatchOutcome {
    const x = this.personOf[a] as number;
    const y = this.personOf[b] as number;
    if (x === y) return "auto_merge";
    return this.linked.has(this.key(x, y) as number) ? "review" : "distinct";
  }

  /** Every record pair the register calls one person or asks about, by the people they belong to. */
  *decidedGroups(): Generator<{ left: readonly number[]; right: readonly number[] | null }> {
    for (const members of this.members.values()) yield { left: members, right: null };
    for (const key of this.linked) {
      const x = Math.floor(key / this.personOf.length);
      yield { left: this.membersOf(x), right: this.membersOf(key - x * this.personOf.length) };
    }
  }

  private membersOf(person: number): readonly number[] {
    return this.members.get(person) ?? [person];
  }

  // Two people as one number, the smaller first; null for one person with itself.
  private key(x: number, y: number): number | null {
    if (x === y) return null;
    return Math.min(x, y) * this.personOf.length + Math.max(x, y);
  }
}
