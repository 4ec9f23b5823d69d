import { chooseSurvivor, type SourcedValue } from "../../src/lib/match";
import { normaliseStreet } from "../../src/lib/match/normalise-street";
import { greetingName } from "../../src/lib/se";
import type { Dataset, GeneratedRecord } from "./dataset";

// How far each source is trusted for names: the CRM's own register data most, a newsletter least.
const TRUST: Record<string, number> = { crm: 3, store: 2, webshop: 2, support: 1, newsletter: 0 };

export interface GoldenRecordQuality {
  /** Golden records (merged clusters and records left alone) of people who have duplicates. */
  goldenRecords: number;
  correctGreeting: number;
  latestAddress: number;
  both: number;
  /** People with duplicates whose records all ended in one golden record. */
  peopleFullyMerged: number;
  peopleWithDuplicates: number;
}

/**
 * Builds a golden record from every auto-merge cluster (and every record left on its own) by
 * survivorship: the most complete given names with their marking, trusted source first on a tie,
 * and the most recent address. Then checks each against the person behind it: is the greeting
 * the person's own preferred name, and is the address the latest one any of their records holds?
 */
export function goldenRecordQuality(dataset: Dataset, clusters: readonly string[][]): GoldenRecordQuality {
  const { records, entities } = dataset;
  const recordsOf = new Map<number, GeneratedRecord[]>();
  for (const record of records) {
    const list = recordsOf.get(record.entityId);
    if (list) list.push(record);
    else recordsOf.set(record.entityId, [record]);
  }
  const entityById = new Map(entities.map((entity) => [entity.id, entity]));
  const clustered = new Set<string>();
  const groups: GeneratedRecord[][] = clusters.map((cluster) =>
    cluster.map((id) => {
      clustered.add(id);
      return records[Number(id.slice(1))] as GeneratedRecord;
    }),
  );
  for (const record of records) if (!clustered.has(record.record.id)) groups.push([record]);
  const quality: GoldenRecordQuality = {
    goldenRecords: 0,
    correctGreeting: 0,
    latestAddress: 0,
    both: 0,
    peopleFullyMerged: 0,
    peopleWithDuplicates: 0,
  };
  const goldenCount = new Map<number, number>();
  for (const group of groups) {
    const entityId = majority(group.map((record) => record.entityId));
    const all = recordsOf.get(entityId) ?? [];
    if (all.length < 2) continue;
    goldenCount.set(entityId, (goldenCount.get(entityId) ?? 0) + 1);
    const entity = entityById.get(entityId);
    if (!entity) continue;
    quality.goldenRecords++;
    const greeting = goldenGreeting(group);
    const truth = greetingName(entity.givenNames.join(" "), entity.preferred).name;
    const address = goldenAddress(group);
    const latest = goldenAddress(all);
    const greetingRight = greeting === truth;
    const addressRight = address !== null && address === latest;
    if (greetingRight) quality.correctGreeting++;
    if (addressRight) quality.latestAddress++;
    if (greetingRight && addressRight) quality.both++;
  }
  for (const [entityId, list] of recordsOf) {
    if (list.length < 2) continue;
    quality.peopleWithDuplicates++;
    if (goldenCount.get(entityId) === 1) quality.peopleFullyMerged++;
  }
  return quality;
}

function goldenGreeting(group: readonly GeneratedRecord[]): string {
  const values: SourcedValue<{ givenNames: string[]; preferred: string[] }>[] = group.map((generated) => ({
    value: { givenNames: generated.record.givenNames, preferred: generated.record.preferredGivenNames },
    source: generated.source,
    observedAt: generated.observedAt,
  }));
  const [best] = chooseSurvivor(values, "most_complete", TRUST);
  if (!best) return "";
  const { givenNames, preferred } = best.value;
  const positions = preferred.map((name) => givenNames.indexOf(name) + 1).filter((position) => position > 0);
  return greetingName(givenNames.join(" "), positions).name;
}

/** The most recent street address of the records, normalised for comparison. */
function goldenAddress(group: readonly GeneratedRecord[]): string | null {
  const values: SourcedValue<string>[] = [];
  for (const generated of group) {
    const { street, postnummer } = generated.record;
    if (street === null || postnummer === null) continue;
    values.push({
      value: `${normaliseStreet(street)}|${postnummer}`,
      source: generated.source,
      observedAt: generated.observedAt,
    });
  }
  return chooseSurvivor(values, "most_recent")[0]?.value ?? null;
}

function majority(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] as number;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}
