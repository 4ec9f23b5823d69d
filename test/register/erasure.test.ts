import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/rows";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/**
 * Erasure as the privacy walkthrough drove it: nothing personal left in the duplicates queue or
 * in merged-away records, only roles that see everything may erase, every later write about the
 * erased person refused alike, and a HEAD of the export neither delivers nor audits.
 */
describe.each(STORE_KINDS)("erasure [%s]", (kind) => {
  let api: TestApi;

  const person = async (payload: Record<string, unknown>) => {
    const response = await api.call({ method: "POST", url: "/api/people", payload });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const erase = (personId: string, key?: string) =>
    api.call({
      method: "POST",
      url: `/api/people/${personId}/erasure`,
      payload: { reason: "Kundens begäran 2026-11-20" },
      ...(key ? { key } : {}),
    });
  /** Two records of one person that the matcher queues for review rather than merging at once. */
  const reviewPair = async (
    names: { givenNames: string; surname: string; plain: [string, string] },
    personnummer: string,
    street: string,
    postalCode: string,
  ) => {
    const older = await person({
      givenNames: names.givenNames,
      surname: names.surname,
      personnummer,
      emails: [{ address: `${names.plain[0]}@example.se` }],
      phones: [{ number: "070-111 22 33" }],
      address: { street, postalCode, city: "Uppsala" },
    });
    const newer = await person({
      givenNames: names.plain[0],
      surname: names.plain[1],
      birthDate: `${personnummer.slice(0, 4)}-${personnummer.slice(4, 6)}-${personnummer.slice(6, 8)}`,
      emails: [{ address: `${names.plain[0]}.${names.plain[1]}@example.se` }],
      address: { street, postalCode, city: "Uppsala" },
    });
    const matched = await api.call({ method: "POST", url: `/api/people/${newer}/match` });
    expect(matched.body.queued).toBe(1);
    const queue = await api.call({ url: `/api/match-candidates?personId=${older}` });
    expect(queue.body.items).toHaveLength(1);
    return { older, newer, candidateId: queue.body.items[0].id as string };
  };

  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(async () => api?.close());

  it("takes the erased person's pairs out of the duplicates queue, with their comparison", async () => {
    const { older, newer, candidateId } = await reviewPair(
      { givenNames: "Åsa", surname: "Wikström", plain: ["Asa", "Wikstrom"] },
      "19841102-3982",
      "Kungsgatan 4",
      "75321",
    );
    const before = await api.call({ url: "/api/match-candidates" });
    expect(JSON.stringify(before.body)).toContain("198411023982");

    expect((await erase(older)).status).toBe(200);

    const queue = await api.call({ url: "/api/match-candidates" });
    expect(queue.status).toBe(200);
    const pairs = queue.body.items as Array<{ personA: string; personB: string }>;
    expect(pairs.filter((pair) => [pair.personA, pair.personB].includes(older))).toEqual([]);
    for (const status of ["open", "merged", "distinct"]) {
      const listed = JSON.stringify((await api.call({ url: `/api/match-candidates?status=${status}` })).body);
      for (const personal of ["198411023982", "1984-11-02", "Wikström", "Asa@example.se", "+46701112233", "75321"]) {
        expect(listed).not.toContain(personal);
      }
    }
    const pair = await api.call({ url: `/api/match-candidates/${candidateId}` });
    expect(pair.status).toBe(404);
    expect(pair.headers["content-type"]).toContain("application/problem+json");
    const merge = await api.call({
      method: "POST",
      url: `/api/match-candidates/${candidateId}/merge`,
      payload: { survivorId: newer },
    });
    expect(merge.status).toBe(404);
    // The other record is a person of their own, untouched.
    const other = await api.call({ url: `/api/people/${newer}` });
    expect(other.body).toMatchObject({ givenNames: "Asa", erasedAt: null });
  });

  it("erases the records merged into the erased person, their pairs, merge snapshots and audit snapshots", async () => {
    const { older, newer, candidateId } = await reviewPair(
      { givenNames: "Ylva", surname: "Öhrström", plain: ["Ylva", "Ohrstrom"] },
      "19720405-1226",
      "Drottninggatan 9",
      "75310",
    );
    const merged = await api.call({
      method: "POST",
      url: `/api/match-candidates/${candidateId}/merge`,
      payload: { survivorId: older },
    });
    expect(merged.status).toBe(200);
    const mergeId = merged.body.id as string;
    const hadData = await api.call({ url: `/api/people/${newer}` });
    expect(hadData.body).toMatchObject({ givenNames: "Ylva", surname: "Ohrstrom", mergedInto: older });

    const erased = await erase(older);
    expect(erased.status).toBe(200);

    const mergedAway = await api.call({ url: `/api/people/${newer}` });
    expect(mergedAway.status).toBe(200);
    expect(mergedAway.body).toMatchObject({
      givenNames: "",
      surname: "",
      birthDate: null,
      emails: [],
      addresses: [],
      lineage: {},
    });
    expect(mergedAway.body.erasedAt).not.toBeNull();
    expect((await api.call({ url: `/api/match-candidates/${candidateId}` })).status).toBe(404);

    const personal = [
      "197204051226",
      "1972-04-05",
      "Öhrström",
      "Ohrstrom",
      "Ylva",
      "ylva@example.se",
      "Drottninggatan",
    ];
    const audit = JSON.stringify((await api.call({ url: "/api/audit-log?limit=500" })).body);
    for (const value of personal) expect(audit).not.toContain(value);
    const snapshots = await queryRows<{ snapshot: unknown }>(
      api.services.store.db,
      sql`select snapshot from merges where id = ${mergeId}`,
    );
    expect(snapshots).toHaveLength(1);
    for (const value of personal) expect(JSON.stringify(snapshots[0]?.snapshot)).not.toContain(value);

    // The facts stay: that the erasure happened, and that the merge once did.
    const trail = await api.call({ url: `/api/audit-log?entity=person&entityId=${older}` });
    expect(trail.body.items[0]).toMatchObject({
      action: "privacy.erase",
      after: { reason: "Kundens begäran 2026-11-20", mergedRecords: [newer] },
    });
    const merges = await api.call({ url: `/api/people/${older}/merges` });
    expect(merges.body.items.map((item: { id: string }) => item.id)).toEqual([mergeId]);
    const undo = await api.call({ method: "POST", url: `/api/merges/${mergeId}/undo` });
    expect(undo.status).toBe(409);
    expect(undo.body.code).toBe("erased");
  });

  it("lets only roles that read everything on a person erase, as for the export", async () => {
    const seller = await api.keyFor("sales");
    const unowned = await person({ givenNames: "Olle", surname: "Ägarlös" });
    const released = await api.call({ method: "PATCH", url: `/api/people/${unowned}`, payload: { ownerId: null } });
    expect(released.body).toMatchObject({ ownerId: null, ownerTeamId: null });
    await api.call({ method: "POST", url: "/api/orders", payload: { personId: unowned, totalSek: 250 } });
    const denied = await erase(unowned, seller.key);
    expect(denied.status).toBe(403);
    expect(denied.headers["content-type"]).toContain("application/problem+json");
    expect(denied.body.code).toBe("forbidden");
    expect(denied.body.detail).toMatch(/erasure .* needs a role that may read all of it/i);
    expect((await api.call({ url: `/api/people/${unowned}` })).body).toMatchObject({
      givenNames: "Olle",
      erasedAt: null,
    });
    // Not even a customer of their own: the seller cannot read what erasure would remove.
    const own = await api.call({
      key: seller.key,
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Siv", surname: "Säljkund" },
    });
    expect(own.body.ownerId).toBe(seller.userId);
    expect((await erase(own.body.id, seller.key)).status).toBe(403);
    const readOnly = await api.keyFor("read_only");
    expect((await erase(unowned, readOnly.key)).status).toBe(403);
    const support = await api.keyFor("support");
    expect((await erase(unowned, support.key)).status).toBe(200);
  });

  it("refuses every write about an erased person with one answer: 409 erased", async () => {
    const gone = await person({ givenNames: "Eva", surname: "Borttagen" });
    const other = await person({ givenNames: "Eva", surname: "Kvar" });
    const company = await api.call({ method: "POST", url: "/api/organizations", payload: { name: "Kvar AB" } });
    expect(company.status).toBe(201);
    expect((await erase(gone)).status).toBe(200);
    const auditBefore = (await api.call({ url: "/api/audit-log?limit=500" })).body.items.length;

    const writes: Array<{ method: "POST" | "PATCH" | "PUT"; url: string; payload: unknown; field?: string }> = [
      { method: "POST", url: `/api/people/${gone}/erasure`, payload: { reason: "Igen" } },
      { method: "POST", url: `/api/people/${gone}/match`, payload: undefined },
      { method: "PATCH", url: `/api/people/${gone}`, payload: { surname: "Åter" } },
      { method: "POST", url: `/api/people/${gone}/emails`, payload: { address: "eva@example.se" } },
      { method: "POST", url: `/api/people/${gone}/phones`, payload: { number: "0701234567" } },
      {
        method: "POST",
        url: `/api/people/${gone}/addresses`,
        payload: { street: "Storgatan 1", postalCode: "11122", city: "Stockholm" },
      },
      {
        method: "POST",
        url: `/api/people/${gone}/consents`,
        payload: { purpose: "marketing", channel: "email", status: "granted" },
      },
      {
        method: "PUT",
        url: `/api/people/${gone}/channel-preferences`,
        payload: { topic: "orders", channel: "email" },
      },
      { method: "PUT", url: `/api/people/${gone}/profiling-objection`, payload: { objects: false } },
      {
        method: "POST",
        url: "/api/roles",
        payload: { personId: gone, organizationId: company.body.id, title: "VD" },
      },
      {
        method: "POST",
        url: "/api/activities",
        payload: { personId: gone, kind: "note", subject: "Eva bor på Storgatan 1" },
        field: "personId",
      },
      { method: "POST", url: "/api/orders", payload: { personId: gone, totalSek: 100 }, field: "personId" },
      {
        method: "POST",
        url: "/api/cases",
        payload: { personId: gone, subject: "Eva ringde" },
        field: "personId",
      },
      {
        method: "POST",
        url: `/api/people/${gone}/messages`,
        payload: { purpose: "service", subject: "Hej Eva", body: "Hej" },
      },
      { method: "POST", url: `/api/people/${gone}/merge`, payload: { otherId: other } },
      { method: "POST", url: `/api/people/${other}/merge`, payload: { otherId: gone } },
    ];
    for (const write of writes) {
      const response = await api.call(write as Parameters<TestApi["call"]>[0]);
      expect({ url: write.url, status: response.status, code: response.body.code }).toEqual({
        url: write.url,
        status: 409,
        code: "erased",
      });
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.body).toMatchObject({ entity: "person", id: gone });
      if (write.field) expect(response.body.errors).toEqual([expect.objectContaining({ field: write.field })]);
    }
    const upload = await api.call({
      method: "POST",
      url: "/api/documents",
      headers: { "content-type": "multipart/form-data; boundary=X" },
      payload: `--X\r\nContent-Disposition: form-data; name="personId"\r\n\r\n${gone}\r\n--X\r\nContent-Disposition: form-data; name="file"; filename="offert.txt"\r\nContent-Type: text/plain\r\n\r\nOffert\r\n--X--\r\n`,
    });
    expect(upload.status).toBe(409);
    expect(upload.body.code).toBe("erased");
    const again = await erase(gone);
    expect(again.body.detail).toMatch(/already been erased/);

    // Nothing was written: no case, no message, no audit entry.
    expect((await api.call({ url: `/api/people/${gone}/timeline` })).body.items).toEqual([]);
    expect((await api.call({ url: `/api/people/${gone}/messages` })).body.items).toEqual([]);
    expect((await api.call({ url: "/api/audit-log?limit=500" })).body.items).toHaveLength(auditBefore);
    // A person that never existed is still a 404.
    const nobody = await api.call({
      method: "POST",
      url: "/api/cases",
      payload: { personId: "0190a0b0-0000-7000-8000-000000000001", subject: "x" },
    });
    expect(nobody.status).toBe(404);
  });

  it("takes the rules' decisions about the erased person and their list places with them, keeping the counts", async () => {
    const rule = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Nya leads",
        trigger: { type: "record", entity: "person", on: "changed", fields: ["lifecycleStage"] },
        condition: { field: "person.lifecycle_stage", op: "eq", value: "lead" },
        actions: [{ type: "add_to_list", config: { list: "leads" } }],
      },
    });
    expect(rule.status).toBe(201);
    await api.services.bus.dispatchPending();
    const lead = await person({ givenNames: "Rut", surname: "Regelsson" });
    expect(
      (await api.call({ method: "PATCH", url: `/api/people/${lead}`, payload: { lifecycleStage: "lead" } })).status,
    ).toBe(200);
    for (let round = 0; round < 3; round++) await api.services.bus.dispatchPending();
    const firings = async () => (await api.call({ url: `/api/rule-firings?personId=${lead}` })).body.items;
    expect(await firings()).toEqual([expect.objectContaining({ status: "done" })]);
    const places = () =>
      queryRows<{ n: number }>(
        api.services.store.db,
        sql`select count(*)::int as n from list_members where person_id = ${lead}`,
      );
    expect((await places())[0]?.n).toBe(1);

    expect((await erase(lead)).body).toMatchObject({ activities: 0 });
    expect(await firings()).toEqual([]);
    expect((await places())[0]?.n).toBe(0);
    const stats = await api.call({ url: `/api/rules/${rule.body.id}` });
    expect(JSON.stringify(stats.body)).not.toContain("Regelsson");
    const trail = await api.call({ url: `/api/audit-log?entity=person&entityId=${lead}&action=privacy.erase` });
    expect(trail.body.items[0].after).toMatchObject({ ruleFirings: 1 });
  });

  it("neither delivers nor audits a privacy export on HEAD", async () => {
    const asked = await person({ givenNames: "Hedvig", surname: "Huvud" });
    const head = await api.app.inject({
      method: "HEAD",
      url: `/api/people/${asked}/data-export`,
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    expect(head.statusCode).not.toBe(200);
    const trail = await api.call({ url: `/api/audit-log?entity=person&entityId=${asked}` });
    expect(trail.body.items.map((item: { action: string }) => item.action)).toEqual(["person.create"]);
    const get = await api.call({ url: `/api/people/${asked}/data-export` });
    expect(get.status).toBe(200);
    const after = await api.call({ url: `/api/audit-log?entity=person&entityId=${asked}` });
    expect(after.body.items.map((item: { action: string }) => item.action)).toContain("privacy.export");
  });
});
