import { describe, expect, it } from "vitest";
import { ERROR_TAGS, HARD_TAGS } from "./dataset";
import { generateDataset } from "./generate";

describe("generateDataset", () => {
  it("gives the same data set for the same seed and another for another seed", () => {
    const a = generateDataset({ records: 2_000, seed: 11 });
    const b = generateDataset({ records: 2_000, seed: 11 });
    const c = generateDataset({ records: 2_000, seed: 12 });
    expect(JSON.stringify(a.records)).toBe(JSON.stringify(b.records));
    expect(JSON.stringify(a.records)).not.toBe(JSON.stringify(c.records));
  });

  it("tags every kind of error and every kind of hard non-match, and ties each record to its person", () => {
    const { records, entities } = generateDataset({ records: 20_000, seed: 3 });
    expect(records).toHaveLength(20_000);
    const tags = new Set(records.flatMap((record) => record.tags));
    for (const tag of ERROR_TAGS) expect(tags.has(tag), tag).toBe(true);
    const hard = new Set(entities.flatMap((entity) => (entity.hard ? [entity.hard.tag] : [])));
    for (const tag of HARD_TAGS) expect(hard.has(tag), tag).toBe(true);
    const ids = new Set(entities.map((entity) => entity.id));
    expect(records.every((record) => ids.has(record.entityId))).toBe(true);
    expect(new Set(records.map((record) => record.record.id)).size).toBe(records.length);
  });

  it("gives records in the form the register stores them", () => {
    const { records } = generateDataset({ records: 5_000, seed: 5 });
    for (const { record, tags } of records) {
      if (record.personnummer !== null && !tags.includes("typo")) expect(record.personnummer).toMatch(/^\d{12}$/);
      if (record.postnummer !== null) expect(record.postnummer).toMatch(/^[1-9]\d{4}$/);
      for (const phone of record.phones) expect(phone).toMatch(/^\+46\d{9}$/);
      for (const email of record.emails) expect(email).toBe(email.toLowerCase());
    }
  });

  it("leaves the personnummer out everywhere when asked", () => {
    const { records } = generateDataset({ records: 3_000, seed: 5, personnummer: "absent" });
    expect(records.every((record) => record.record.personnummer === null)).toBe(true);
    expect(records.some((record) => record.tags.includes("missing_personnummer"))).toBe(false);
  });

  it("gives a twin the sibling's surname, address and birth date but another personnummer", () => {
    const { entities } = generateDataset({ records: 20_000, seed: 3 });
    const twin = entities.find((entity) => entity.hard?.tag === "twin");
    const sibling = entities.find((entity) => entity.id === twin?.hard?.of);
    expect(twin && sibling).toBeTruthy();
    expect(twin?.surname).toBe(sibling?.surname);
    expect(twin?.birthDate).toBe(sibling?.birthDate);
    expect(twin?.addresses[0]).toEqual(sibling?.addresses[0]);
    expect(twin?.personnummer).not.toBe(sibling?.personnummer);
  });
});
