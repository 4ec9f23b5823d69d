import { Readable } from "node:stream";
import { expect, it } from "vitest";
import { importCsv } from "../../src/flows/import-csv";
import { listPeople } from "../../src/modules/register";
import { describeStores } from "../support/services";

describeStores("CSV import in overlapping batches", ({ services }) => {
  it("lands every row once, also when one external id appears in two batches written at once", async () => {
    const ctx = services().systemCtx("test");
    const lines = ["externalId,givenNames,surname,email"];
    for (let index = 0; index < 40; index++) {
      lines.push(`B${index},Person${index},Batchsson,p${index}@example.com`);
      // B3 again in the very next batch, which is written while the first one may still be open.
      if (index === 4) lines.push("B3,Tredje,Batchsson,tredje@example.com");
    }
    const report = await importCsv(ctx, Readable.from(`${lines.join("\n")}\n`), {
      entity: "people",
      system: "batches",
      batchSize: 4,
    });
    expect(report).toMatchObject({ rowsRead: 41, created: 40, updated: 1, failed: 0 });
    const people = await listPeople(ctx, { q: "Batchsson", limit: 100 });
    expect(people.items).toHaveLength(40);
    expect(people.items.map((person) => person.givenNames)).toContain("Tredje");
  });
});
