import { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { outboxEvents } from "../../src/db/platform-schema";
import { queryRows } from "../../src/db/rows";
import { importCsv } from "../../src/flows/import-csv";
import { luhnCheckDigit } from "../../src/lib/se/luhn";
import { ACTIVITY_LOGGED, logActivity } from "../../src/modules/activities";
import { ORDER_RECORDED } from "../../src/modules/orders";
import { matchCandidates } from "../../src/modules/quality/schema";
import { addRole, createOrganization, getPerson, listPeople, PEOPLE_IMPORTED } from "../../src/modules/register";
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

/** A valid personnummer born 1980-01-(index + 1), in the tax agency's test series. */
function testPersonnummer(index: number, serial = "998"): string {
  const nine = `8001${String(index + 1).padStart(2, "0")}${serial}`;
  return `19${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine, 9)}`;
}

describeStores("a file of changed customers", ({ services }) => {
  it("writes each change with the batch's others: renamed, moved, a new e-mail, and one person named twice", async () => {
    const ctx = services().systemCtx("test");
    const file = (rows: string[]) =>
      Readable.from(`Kundnr;Förnamn;Efternamn;Personnummer;E-post;Gatuadress;Postnummer;Ort\n${rows.join("\n")}\n`);
    const first = await importCsv(
      ctx,
      file([
        `A1;Alva;Ändrasson;${testPersonnummer(0, "997")};alva@example.com;Storgatan 1;111 22;Stockholm`,
        `A2;Bo;Ändrasson;${testPersonnummer(1, "997")};bo@example.com;Storgatan 2;111 22;Stockholm`,
        `A3;Cia;Ändrasson;${testPersonnummer(2, "997")};cia@example.com;Storgatan 3;111 22;Stockholm`,
      ]),
      { entity: "people", system: "andra" },
    );
    expect(first).toMatchObject({ created: 3, failed: 0 });
    const idOf = async (q: string) => (await listPeople(ctx, { q, limit: 5 })).items[0]?.id as string;
    const bo = await idOf("Bo Ändrasson");
    const verkstad = await createOrganization(ctx, { name: "Ändra Verkstad AB" });
    await addRole(ctx, { personId: bo, organizationId: verkstad.id, title: "Verkmästare" });

    const changed = await importCsv(
      ctx,
      file([
        // Bo takes his other name: found by it, and still by his employer.
        `A1;Alva;Ändrasson;${testPersonnummer(0, "997")};alva.ny@example.com;Storgatan 1;111 22;Stockholm`,
        `A2;Boris;Ändrasson;${testPersonnummer(1, "997")};bo@example.com;Storgatan 2;111 22;Stockholm`,
        `A3;Cia;Ändrasson;${testPersonnummer(2, "997")};cia@example.com;Hamngatan 9;411 01;Göteborg`,
        // Cia again under the web shop's number: this row comes after the move above.
        `W3;Cia;Ändrasson;${testPersonnummer(2, "997")};cia.webb@example.com;Hamngatan 9;411 01;Göteborg`,
      ]),
      { entity: "people", system: "andra" },
    );
    expect(changed).toMatchObject({ created: 0, updated: 4, unchanged: 0, failed: 0 });

    const alva = await getPerson(ctx, await idOf("Alva Ändrasson"));
    expect(alva.emails.map((email) => [email.address, email.isPrimary])).toEqual([
      ["alva@example.com", true],
      ["alva.ny@example.com", false],
    ]);
    expect(await idOf("Boris Ändrasson")).toBe(bo);
    expect(await idOf("Ändra Verkstad Boris")).toBe(bo);
    expect((await getPerson(ctx, bo)).greetingName).toBe("Boris");
    const cia = await getPerson(ctx, await idOf("Cia Ändrasson"));
    expect(cia.addresses.map((address) => [address.street, address.validTo === null])).toEqual(
      expect.arrayContaining([
        ["Hamngatan 9", true],
        ["Storgatan 3", false],
      ]),
    );
    expect(cia.addresses).toHaveLength(2);
    expect(cia.externalIds.map((known) => known.externalId).sort()).toEqual(["A3", "W3"]);
    expect(cia.emails.map((email) => email.address).sort()).toEqual(["cia.webb@example.com", "cia@example.com"]);
  });
});

describeStores("an import written two batches at a time", ({ services }) => {
  it("ends each customer named in neighbouring batches as the later row says, the earlier address closed", async () => {
    const ctx = services().systemCtx("test");
    const lines = ["Kundnr;Förnamn;Efternamn;Personnummer;E-post;Gatuadress;Postnummer;Ort"];
    const first = (index: number) =>
      `K${index};Karin${index};Tvåbatch;${testPersonnummer(index)};k${index}@example.com;Storgatan ${index + 1};111 22;Stockholm`;
    // The same customer in the next batch, moved: by the same customer number, or (every other
    // one) by personnummer under the shop's other number.
    const again = (index: number) =>
      `${index % 2 === 0 ? "K" : "W"}${index};Karin${index};Tvåbatch;${testPersonnummer(index)};ny${index}@example.com;Lillgatan ${index + 1};222 33;Göteborg`;
    for (let group = 0; group < 6; group++) {
      for (let index = group * 5; index < group * 5 + 5; index++) lines.push(first(index));
      for (let index = group * 5; index < group * 5 + 5; index++) lines.push(again(index));
    }
    const report = await importCsv(ctx, Readable.from(`${lines.join("\n")}\n`), {
      entity: "people",
      system: "tvabatch",
      batchSize: 5,
    });
    expect(report).toMatchObject({ rowsRead: 60, created: 30, updated: 30, failed: 0 });

    const listed = (await listPeople(ctx, { q: "Tvåbatch", limit: 100 })).items;
    expect(listed).toHaveLength(30);
    for (const { id } of listed) {
      const person = await getPerson(ctx, id);
      const index = Number(person.givenNames.replace("Karin", ""));
      const current = person.addresses.filter((address) => address.validTo === null);
      expect(current.map((address) => `${address.street}, ${address.city}`)).toEqual([
        `Lillgatan ${index + 1}, Göteborg`,
      ]);
      expect(person.addresses.find((address) => address.validTo !== null)?.street).toBe(`Storgatan ${index + 1}`);
      expect(person.emails.map((email) => email.address)).toContain(`ny${index}@example.com`);
      const ids = person.externalIds.map((known) => known.externalId).sort();
      expect(ids).toEqual(index % 2 === 0 ? [`K${index}`] : [`K${index}`, `W${index}`]);
    }
  });

  it("lets two imports naming the same new customers run at once, each customer created once", async () => {
    const ctx = services().systemCtx("test");
    const file = (prefix: string) =>
      Readable.from(
        `Kundnr;Förnamn;Efternamn;Personnummer\n${Array.from(
          { length: 30 },
          (_, index) => `${prefix}${index};Sam${index};Samtidigsson;${testPersonnummer(index, "997")}`,
        ).join("\n")}\n`,
      );
    const [shop, till] = await Promise.all([
      importCsv(ctx, file("S"), { entity: "people", system: "webbutik", batchSize: 5 }),
      importCsv(ctx, file("T"), { entity: "people", system: "kassa", batchSize: 5 }),
    ]);
    expect([shop.failed, till.failed]).toEqual([0, 0]);
    expect(shop.created + till.created).toBe(30);
    expect(shop.updated + till.updated).toBe(30);
    const listed = (await listPeople(ctx, { q: "Samtidigsson", limit: 100 })).items;
    expect(listed).toHaveLength(30);
    for (const { id } of listed) {
      const person = await getPerson(ctx, id);
      expect(person.externalIds.map((known) => known.system).sort()).toEqual(["kassa", "webbutik"]);
    }
  });
});

describeStores("matching what an import brought in", ({ services }) => {
  it("names the imported people in small events, and every one of them is matched", async () => {
    const ctx = services().systemCtx("test");
    const lines = ["externalId,givenNames,surname,email"];
    const name = (index: number) =>
      `Mä${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + index / 26)}ta`;
    for (let index = 0; index < 60; index++) lines.push(`M${index},${name(index)},Matchsson,m${index}@example.com`);
    // The last row is the first person again under another customer number: the matcher must see it.
    lines.push(`M60,${name(0)},Matchsson,m0@example.com`);
    const report = await importCsv(ctx, Readable.from(`${lines.join("\n")}\n`), {
      entity: "people",
      system: "matching",
    });
    expect(report).toMatchObject({ created: 61, failed: 0 });

    // Before, one event named the whole batch (up to 1 000 people), matched in one transaction
    // that held the embedded store's only connection for seconds.
    const events = await services()
      .store.db.select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(eq(outboxEvents.type, PEOPLE_IMPORTED));
    const named = events.map((event) => event.payload as { created: string[]; updated: string[] });
    expect(named.length).toBe(3);
    for (const payload of named) expect(payload.created.length + payload.updated.length).toBeLessThanOrEqual(25);
    const imported = await listPeople(ctx, { q: "Matchsson", limit: 100 });
    expect(new Set(named.flatMap((payload) => payload.created))).toEqual(
      new Set(imported.items.map((person) => person.id)),
    );

    await services().bus.dispatchPending();
    const pairs = await services().store.db.select().from(matchCandidates);
    const twins = imported.items.filter((person) => person.givenNames === name(0)).map((person) => person.id);
    expect(twins).toHaveLength(2);
    expect(pairs.map((pair) => [pair.personA, pair.personB])).toEqual([twins.sort()]);
  });
});

describeStores("work that arrives while an import is being matched", ({ services }) => {
  it("is delivered before the rest of the import's duplicate check", async () => {
    const ctx = services().systemCtx("test");
    const lines = ["externalId,givenNames,surname"];
    for (let index = 0; index < 150; index++) lines.push(`W${index},Vera${index},Väntesson`);
    await importCsv(ctx, Readable.from(`${lines.join("\n")}\n`), { entity: "people", system: "waiting" });
    const status = async (type: string) =>
      (
        await services()
          .store.db.select({ status: outboxEvents.status })
          .from(outboxEvents)
          .where(eq(outboxEvents.type, type))
      ).map((row) => row.status);
    expect(await status(PEOPLE_IMPORTED)).toHaveLength(6);

    await services().bus.dispatchPending();
    const [vera] = (await listPeople(ctx, { q: "Vera0 Väntesson", limit: 1 })).items;
    await logActivity(ctx, { personId: vera?.id, kind: "call", subject: "Ringde om sin order" });
    await services().bus.dispatchPending();
    // The call's rules have had their say; two of the import's six events still wait.
    expect(await status(ACTIVITY_LOGGED)).toEqual(["done"]);
    expect((await status(PEOPLE_IMPORTED)).filter((state) => state === "pending")).toHaveLength(2);
  });
});

describeStores("a trial run of a file in many batches", ({ services }) => {
  it("counts as the real run does when a customer is named again in a later batch, and writes nothing", async () => {
    const ctx = services().systemCtx("test");
    const file = () =>
      Readable.from(
        [
          "Kundnr;Förnamn;Efternamn;Personnummer;E-post",
          "T1;Tove;Trialsson;19121212-1212;tove@example.com",
          "T2;Tor;Trialsson;;tor@example.com",
          // Tove again under the shop's other number, in the next batch: an update of her.
          "T3;Tove;Trialsson;19121212-1212;tove.t@example.com",
          "T4;Tyra;Trialsson;19121212-1213;tyra@example.com",
          "",
        ].join("\n"),
      );
    const options = { entity: "people", system: "trial", batchSize: 2 } as const;
    // Before, each batch was tried and taken back alone: Tove counted as new twice.
    const trial = await importCsv(ctx, file(), { ...options, dryRun: true });
    expect(trial).toMatchObject({ dryRun: true, rowsRead: 4, created: 2, updated: 1, failed: 1 });
    expect(trial.errors.map((error) => `${error.row}:${error.field}`)).toEqual(["4:personnummer"]);
    expect((await listPeople(ctx, { q: "Trialsson", limit: 10 })).items).toEqual([]);

    const real = await importCsv(ctx, file(), options);
    const { durationMs: _trialTime, dryRun: _trial, ...counted } = trial;
    const { durationMs: _realTime, dryRun: _real, ...landed } = real;
    expect(landed).toEqual(counted);
    expect((await listPeople(ctx, { q: "Trialsson", limit: 10 })).items).toHaveLength(2);
  });
});

describeStores("external ids of any spelling", ({ services }) => {
  it("find their records again: quotes, commas, braces, backslashes and case kept apart", async () => {
    const ctx = services().systemCtx("test");
    const ids = ['K"1', "K,2", "{K3}", "K\\4", "k5", "K5", "Ö6 "];
    const file = () =>
      Readable.from(
        `externalId,givenNames,surname\n${ids.map((id, index) => `"${id.replaceAll('"', '""')}",Idun,Idsson${index}`).join("\n")}\n`,
      );
    const first = await importCsv(ctx, file(), { entity: "people", system: "spelling" });
    // The CSV reader trims cells, so "Ö6 " arrives as "Ö6".
    expect(first).toMatchObject({ created: 7, failed: 0 });
    const again = await importCsv(ctx, file(), { entity: "people", system: "spelling" });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 7, failed: 0 });
    const orders = await importCsv(
      ctx,
      Readable.from(`externalId,personExternalId,totalSek\nIO1,"K,2",100\nIO2,k5,200\nIO3,K5,300\n`),
      { entity: "orders", system: "spelling" },
    );
    expect(orders).toMatchObject({ created: 3, failed: 0 });
    const customers = await queryRows<{ external_id: string; surname: string }>(
      services().store.db,
      sql`select o.external_id, p.surname from orders o join people p on p.id = o.person_id
          where o.source_system = 'spelling' order by o.external_id`,
    );
    expect(customers.map((row) => `${row.external_id}:${row.surname}`)).toEqual([
      "IO1:Idsson1",
      "IO2:Idsson4",
      "IO3:Idsson5",
    ]);
  });
});

describeStores("the register's statistics after a bulk import", ({ services }) => {
  it("has the database sample the register again, so its planner knows how many people there are", async () => {
    const ctx = services().systemCtx("test");
    const lines = ["externalId,givenNames,surname"];
    for (let index = 0; index < 1_000; index++) lines.push(`S${index},Stig,Statistiksson${index}`);
    const report = await importCsv(ctx, Readable.from(`${lines.join("\n")}\n`), { entity: "people", system: "stats" });
    expect(report.created).toBe(1_000);
    // Before, the planner judged the tables by their size before the import (the embedded store
    // has no autovacuum to catch up), and matching one person read every address.
    const [row] = await queryRows<{ estimated: number; counted: number }>(
      services().store.db,
      sql`select (select reltuples from pg_class where relname = 'people')::int as estimated,
                 (select count(*) from people)::int as counted`,
    );
    expect(row?.estimated).toBe(row?.counted);
  });

  it("samples the register again while an import grows it, and not in a trial run", async () => {
    const ctx = services().systemCtx("test");
    const db = services().store.db;
    const estimate = async () =>
      (
        await queryRows<{ rows: number }>(db, sql`select reltuples::int as rows from pg_class where relname = 'people'`)
      )[0]?.rows ?? 0;
    const before = Math.max(0, await estimate());
    const lines = ["externalId,givenNames,surname"];
    for (let index = 0; index < 6_000; index++) lines.push(`G${index},Greta,Growthsson${index}`);
    const file = () => Readable.from(`${lines.join("\n")}\n`);

    await importCsv(ctx, file(), { entity: "people", system: "growth", batchSize: 500, dryRun: true });
    // The count a sample leaves is kept outside the transaction a trial run takes back.
    expect(Math.max(0, await estimate())).toBe(before);

    let midway: Promise<number> | null = null;
    const report = await importCsv(ctx, file(), { entity: "people", system: "growth", batchSize: 500 }, (progress) => {
      if (progress.created >= 4_500 && !midway) midway = estimate();
    });
    expect(report.created).toBe(6_000);
    // Before, the tables were sampled once the file was in: until then the planner took the
    // register for as small as it had been, and looked up each batch's ids by reading all of them.
    // (The first sample comes once a thousand rows are in, the next when the register has doubled
    // again, which may or may not be before this point with two batches written at once.)
    expect(await midway).toBeGreaterThanOrEqual(before + 1_000);
  });
});

describeStores("the events of an order import", ({ services }) => {
  it("are bulk work, which a call logged meanwhile passes", async () => {
    const ctx = services().systemCtx("test");
    await importCsv(ctx, Readable.from("externalId,givenNames,surname\nE1,Edit,Eventsson\n"), {
      entity: "people",
      system: "events",
    });
    const orders = ["externalId,personExternalId,totalSek"];
    for (let index = 0; index < 30; index++) orders.push(`EO${index},E1,${100 + index}`);
    const report = await importCsv(ctx, Readable.from(`${orders.join("\n")}\n`), {
      entity: "orders",
      system: "events",
    });
    expect(report).toMatchObject({ created: 30, failed: 0 });
    const [edit] = (await listPeople(ctx, { q: "Eventsson", limit: 1 })).items;
    await logActivity(ctx, { personId: edit?.id, kind: "call", subject: "Frågade om fakturan" });
    const events = await services()
      .store.db.select({ type: outboxEvents.type, background: outboxEvents.background })
      .from(outboxEvents)
      .where(sql`${outboxEvents.type} in (${ORDER_RECORDED}, ${ACTIVITY_LOGGED})`);
    expect(events.filter((event) => event.type === ORDER_RECORDED && event.background)).toHaveLength(30);
    expect(events.filter((event) => event.type === ACTIVITY_LOGGED)).toEqual([
      { type: ACTIVITY_LOGGED, background: false },
    ]);
  });
});

describeStores("two imports of one file at once", ({ services }) => {
  it("record each order, call and company once, and both imports finish", async () => {
    const ctx = services().systemCtx("test");
    const people = ["externalId,givenNames,surname"];
    for (let index = 0; index < 10; index++) people.push(`T${index},Tvilling${index},Tvåsson`);
    await importCsv(ctx, Readable.from(`${people.join("\n")}\n`), { entity: "people", system: "twice" });
    const files = {
      orders: ["externalId,personExternalId,totalSek"],
      activities: ["externalId,personExternalId,kind,subject,occurredAt"],
      organizations: ["externalId,name,organisationsnummer"],
    };
    for (let index = 0; index < 300; index++) {
      files.orders.push(`TO${index},T${index % 10},${100 + index}`);
      files.activities.push(`TA${index},T${index % 10},call,Samtal ${index},2025-10-01 10:00`);
      const nine = `556${String(index).padStart(6, "0")}`;
      files.organizations.push(`TF${index},Tvåbolaget ${index} AB,${nine}${luhnCheckDigit(nine, 9)}`);
    }
    for (const entity of ["orders", "activities", "organizations"] as const) {
      const file = () => Readable.from(`${files[entity].join("\n")}\n`);
      const options = { entity, system: "twice", batchSize: 30 };
      // Before, the import that lost a race for an order failed with a duplicate-key error.
      const reports = await Promise.all([importCsv(ctx, file(), options), importCsv(ctx, file(), options)]);
      for (const report of reports) {
        expect(report, entity).toMatchObject({ rowsRead: 300, failed: 0 });
        expect(report.created + report.unchanged, entity).toBe(300);
      }
      expect((reports[0]?.created ?? 0) + (reports[1]?.created ?? 0), entity).toBe(300);
    }
    const [counts] = await queryRows<{ orders: number; activities: number; organizations: number }>(
      services().store.db,
      sql`select (select count(*)::int from orders where source_system = 'twice') as orders,
                 (select count(*)::int from activities where source_system = 'twice') as activities,
                 (select count(*)::int from external_ids where system = 'twice' and entity = 'organization') as organizations`,
    );
    expect(counts).toEqual({ orders: 300, activities: 300, organizations: 300 });
  });
});
