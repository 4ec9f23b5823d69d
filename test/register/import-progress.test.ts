import { randomUUID } from "node:crypto";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/**
 * A large file imported from the app takes a while: the app follows it by an id of its own and
 * shows how far the file has been read and what the rows done so far came to, while the upload's
 * own request is still open.
 */
describe.each(STORE_KINDS)("following an import while it runs [%s]", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  const rows = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, index) => {
      const n = from + index;
      return `F${n},Förlopp${n},Följsson,f${n}@example.se\n`;
    }).join("");
  const progressOf = (id: string, key?: string) =>
    api.call({ method: "GET", url: `/api/imports/progress/${id}`, ...(key ? { key } : {}) });

  it("tells how many rows are done and how much of the file is read, until the import ends", async () => {
    const progressId = randomUUID();
    const head = `kundnummer,förnamn,efternamn,e-post\n${rows(0, 2_500)}`;
    const tail = `${rows(2_500, 3_000)}F1,,Följsson,inte-en-adress\n`;
    const file = new PassThrough();
    const answer = api.call({
      method: "POST",
      url: `/api/imports/people?system=kalkylblad&progressId=${progressId}`,
      headers: { "content-type": "text/csv" },
      payload: file,
    });
    file.write(head);

    // The first two batches of a thousand are done while the rest of the file has not been sent.
    await expect
      .poll(async () => (await progressOf(progressId)).body.rowsRead ?? 0, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(2_000);
    const midway = await progressOf(progressId);
    expect(midway.status).toBe(200);
    expect(midway.body).toMatchObject({ done: false, failed: 0, updated: 0 });
    // Rows read run ahead of those done: the next batch is read while one is written.
    expect(midway.body.created).toBeGreaterThanOrEqual(1_000);
    expect(midway.body.created).toBeLessThanOrEqual(midway.body.rowsRead);
    expect(midway.body.bytesRead).toBeGreaterThan(0);
    expect(midway.body.bytesRead).toBeLessThanOrEqual(Buffer.byteLength(head));

    file.end(tail);
    const report = await answer;
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ rowsRead: 3_001, created: 3_000, updated: 0, failed: 1 });
    const ended = await progressOf(progressId);
    expect(ended.body).toMatchObject({ done: true, rowsRead: 3_001, created: 3_000, failed: 1 });
    expect(ended.body.bytesRead).toBe(Buffer.byteLength(head) + Buffer.byteLength(tail));
  });

  it("shows an import's progress only to whoever sent it, and takes each id once", async () => {
    const progressId = randomUUID();
    const sent = await api.call({
      method: "POST",
      url: `/api/imports/people?system=kalkylblad&dryRun=true&progressId=${progressId}`,
      headers: { "content-type": "text/csv" },
      payload: `kundnummer,förnamn,efternamn,e-post\n${rows(5_000, 5_010)}`,
    });
    expect(sent.body).toMatchObject({ dryRun: true, created: 10 });
    expect((await progressOf(progressId)).body).toMatchObject({ done: true, created: 10 });

    const colleague = await api.keyFor("sales");
    const foreign = await progressOf(progressId, colleague.key);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe("not_found");

    const again = await api.call({
      method: "POST",
      url: `/api/imports/people?system=kalkylblad&progressId=${progressId}`,
      headers: { "content-type": "text/csv" },
      payload: `kundnummer,förnamn,efternamn,e-post\n${rows(6_000, 6_001)}`,
    });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: "progressId", code: "in_use" })]);

    const unknown = await progressOf(randomUUID());
    expect(unknown.status).toBe(404);
    const anonymous = await api.app.inject({ url: `/api/imports/progress/${progressId}` });
    expect(anonymous.statusCode).toBe(401);
    const malformed = await api.call({
      method: "POST",
      url: "/api/imports/people?system=kalkylblad&progressId=nummer-ett",
      headers: { "content-type": "text/csv" },
      payload: "kundnummer,förnamn,efternamn\nX1,Ann,Ek\n",
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: "querystring.progressId" })]);
  });
});
