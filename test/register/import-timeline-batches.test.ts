import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/**
 * An order history or call log moved in from another system is imported a batch at a time: the
 * customers of a batch are checked at once and its rows written together. Each row must still
 * come out as it would alone: the later of two rows for one order wins, a row for a customer the
 * importer may not touch is reported on its own line, and every order and activity keeps its own
 * audit trail and event.
 */
describe.each(STORE_KINDS)("orders and activities imported a batch at a time [%s]", (kind) => {
  let api: TestApi;
  let teamSyd: string;
  let seller: { key: string; userId: string };

  const importCsv = (entity: string, csv: string, query = "system=affar&batchSize=4", key?: string) =>
    api.importCsv(entity, csv, query, key);
  const personOf = async (customerNumber: string) =>
    (await api.call({ url: `/api/people?q=${encodeURIComponent(customerNumber)}` })).body.items[0]?.id as string;
  const orderOf = async (personId: string, number: string) =>
    (
      (await api.call({ url: `/api/people/${personId}/timeline?kinds=order&limit=100` })).body.items as Array<{
        id: string;
        kind: string;
        title: string;
        data: Record<string, unknown>;
        occurredAt: string;
      }>
    ).find((item) => item.data.number === number);
  const auditOf = async (entity: string, entityId: string) =>
    (await api.call({ url: `/api/audit-log?entity=${entity}&entityId=${entityId}` })).body.items.map(
      (entry: { action: string }) => entry.action,
    );

  beforeAll(async () => {
    api = await openTestApi(kind);
    teamSyd = (await api.call({ method: "POST", url: "/api/teams", payload: { name: "Sälj Syd" } })).body.id;
    await api.call({ method: "POST", url: "/api/teams", payload: { name: "Sälj Norr" } });
    const user = await api.call({
      method: "POST",
      url: "/api/users",
      payload: {
        email: "sara@example.se",
        name: "Sara Syd",
        password: "test password 123",
        role: "sales",
        teamIds: [teamSyd],
      },
    });
    const key = await api.call({
      method: "POST",
      url: "/api/api-keys",
      payload: { name: "import", userId: user.body.id },
    });
    seller = { key: key.body.key, userId: user.body.id };
    const people = [
      "Kundnummer;Förnamn;Efternamn;E-post;Team",
      "H1;Hanna;Handelsson;hanna@example.se;",
      "H2;Hugo;Handelsson;hugo@example.se;",
      "H3;Hilda;Handelsson;hilda@example.se;",
      "H4;Harald;Handelsson;harald@example.se;Sälj Syd",
      "H5;Henny;Handelsson;henny@example.se;Sälj Norr",
    ].join("\n");
    expect((await importCsv("people", people)).body).toMatchObject({ created: 5, failed: 0 });
  });
  afterAll(async () => api?.close());

  it("takes the later of two rows for one order in a batch, and reports a bad row on its line", async () => {
    const hilda = await personOf("hilda@example.se");
    const erased = await api.call({
      method: "POST",
      url: `/api/people/${hilda}/erasure`,
      payload: { reason: "Kundens begäran" },
    });
    expect(erased.status).toBe(200);
    const orders = [
      "Ordernr;Kundnummer;Belopp;Status;Orderdatum",
      "5001;H1;1 200,00;open;2026-05-01",
      "5002;H2;300,00;open;2026-05-02",
      "5001;H1;1 250,00;paid;2026-05-01",
      "5003;H3;99,00;open;2026-05-03",
      "5004;H2;tolv;open;2026-05-04",
      "5005;H2;450,50;shipped;2026-05-05",
    ].join("\n");
    const result = await importCsv("orders", orders);
    expect(result.body).toMatchObject({ rowsRead: 6, created: 3, updated: 1, failed: 2 });
    expect(result.body.errors.map((error: { row: number; code: string }) => `${error.row}:${error.code}`)).toEqual([
      "4:unknown_person",
      "5:invalid_number",
    ]);

    const hanna = await personOf("hanna@example.se");
    const order = await orderOf(hanna, "5001");
    expect(order?.data).toMatchObject({ status: "paid", totalSek: 1250 });
    const orderId = order?.id as string;
    expect(await auditOf("order", orderId)).toEqual(["order.update", "order.create"]);
    const hugo = await personOf("hugo@example.se");
    const hugosOrders = await api.call({ url: `/api/people/${hugo}/timeline?kinds=order` });
    expect(hugosOrders.body.items.map((item: { data: { number: string } }) => item.data.number)).toEqual([
      "5005",
      "5002",
    ]);

    // The file again: 5001 goes to open and back to paid, the others are left as they are,
    // with no audit entry and no event for rules to act on twice.
    const again = await importCsv("orders", orders);
    expect(again.body).toMatchObject({ created: 0, updated: 2, unchanged: 2, failed: 2 });
    const order5002 = (await orderOf(hugo, "5002"))?.id as string;
    expect(await auditOf("order", order5002)).toEqual(["order.create"]);
  });

  it("points at the column a row named its unknown customer by", async () => {
    const file = "Ordernr;Personnummer;Belopp\n8001;19121212-1212;100";
    const result = await importCsv("orders", file);
    expect(result.body.errors).toEqual([
      expect.objectContaining({ row: 1, field: "personnummer", code: "unknown_person" }),
    ]);
    expect(result.body.columns.personnummer).toBe("Personnummer");
  });

  it("keeps an order's date when a later file sends it without one", async () => {
    const dated = "Ordernr;Kundnummer;Belopp;Orderdatum\n6001;H1;100;2026-03-02";
    expect((await importCsv("orders", dated)).body).toMatchObject({ created: 1 });
    const undated = "Ordernr;Kundnummer;Belopp;Status\n6001;H1;100;delivered";
    expect((await importCsv("orders", undated)).body).toMatchObject({ updated: 1 });
    const order = await orderOf(await personOf("hanna@example.se"), "6001");
    expect(order?.data.status).toBe("delivered");
    expect(order?.occurredAt.slice(0, 10)).toBe("2026-03-01");
  });

  it("logs a call log's rows once each, reports a repeated id told differently, and moves the last contact", async () => {
    const calls = [
      "Id;Kundnummer;Typ;Rubrik;Datum",
      "C1;H1;Samtal;Frågade om leverans;2025-06-01 09:15",
      "C2;H2;Möte;Genomgång av offert;2025-06-02 13:00",
      "C1;H1;Samtal;Frågade om leverans;2025-06-01 09:15",
      "C1;H1;Samtal;Klagade på leverans;2025-06-01 09:15",
      "C3;H3;Samtal;Ringde;2025-06-03 10:00",
      "C4;H2;Anteckning;Vill ha katalog;2025-06-04 08:00",
    ].join("\n");
    const result = await importCsv("activities", calls);
    expect(result.body).toMatchObject({ rowsRead: 6, created: 3, unchanged: 1, failed: 2 });
    expect(result.body.errors.map((error: { row: number; code: string }) => `${error.row}:${error.code}`)).toEqual([
      "4:already_logged",
      "5:unknown_person",
    ]);
    const hanna = await personOf("hanna@example.se");
    const hugo = await personOf("hugo@example.se");
    expect((await api.call({ url: `/api/people/${hanna}` })).body.lastContactAt).toBe("2025-06-01T07:15:00.000Z");
    // The note is not a contact: the meeting is Hugo's last.
    expect((await api.call({ url: `/api/people/${hugo}` })).body.lastContactAt).toBe("2025-06-02T11:00:00.000Z");
    const timeline = await api.call({ url: `/api/people/${hugo}/timeline?kinds=meeting,note` });
    expect(timeline.body.items.map((item: { title: string }) => item.title)).toEqual([
      "Vill ha katalog",
      "Genomgång av offert",
    ]);
    expect((await importCsv("activities", calls)).body).toMatchObject({ created: 0, unchanged: 4, failed: 2 });
  });

  it("lets a seller log calls only on their team's customers, and record orders for any customer", async () => {
    const calls = [
      "Id;Kundnummer;Typ;Rubrik;Datum",
      "S1;H4;Samtal;Uppföljning;2025-06-10 10:00",
      "S2;H5;Samtal;Uppföljning;2025-06-10 11:00",
    ].join("\n");
    const logged = await importCsv("activities", calls, "system=affar", seller.key);
    expect(logged.body).toMatchObject({ created: 1, failed: 1 });
    expect(logged.body.errors).toEqual([expect.objectContaining({ row: 2, code: "forbidden" })]);

    const orders = ["Ordernr;Kundnummer;Belopp", "7001;H4;500", "7002;H5;600", "5002;H2;300"].join("\n");
    const recorded = await importCsv("orders", orders, "system=affar", seller.key);
    // 5002 was recorded by the administrator's import: not the seller's to change.
    expect(recorded.body).toMatchObject({ created: 2, failed: 1 });
    expect(recorded.body.errors).toEqual([expect.objectContaining({ row: 3, code: "forbidden" })]);
  });
});
