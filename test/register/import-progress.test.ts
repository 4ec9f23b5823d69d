import { randomUUID } from "node:crypto";
import { PassThrough } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openServices, type Services } from "../../src/app/services";
import { openStore } from "../../src/db/client";
import { buildApp } from "../../src/http/app";
import { ManualClock } from "../../src/kernel/clock";
import { loadConfig } from "../../src/kernel/config";
import { createApiKey, createUser } from "../../src/modules/access";
import { openTestApi, type TestApi } from "../support/api";
import { silentLogger } from "../support/logger";
import { createTestDatabase, STORE_KINDS } from "../support/stores";

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

/**
 * On a PostgreSQL server several API processes may answer behind a load balancer: the file goes
 * to one, and the app's polls may reach another, which must know the import as well.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("following an import from another API process [postgres]", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const processes: Array<{ services: Services; app: FastifyInstance }> = [];
  const openProcess = async () => {
    const store = await openStore({ databaseUrl: database.url, poolSize: 5 });
    const services = await openServices(loadConfig({ LOG_LEVEL: "silent", JOBS: "false" }), {
      store,
      clock: new ManualClock(),
      log: silentLogger,
      background: false,
    });
    const opened = { services, app: (await buildApp(services)).app };
    processes.push(opened);
    return opened;
  };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const { app, services } of processes) {
      await app.close();
      await services.close();
    }
    await database?.drop();
  });

  it("answers a poll in a process other than the one importing, only to its sender, and tells when it ended", async () => {
    const importing = await openProcess();
    const other = await openProcess();
    const ctx = importing.services.systemCtx("test");
    const keyOf = async (email: string, role: "admin" | "sales") => {
      const user = await createUser(ctx, { email, name: email, password: "test password 123", role });
      return (await createApiKey(ctx, { name: "test", userId: user.id })).key;
    };
    const admin = await keyOf("admin@example.se", "admin");
    const seller = await keyOf("saljare@example.se", "sales");
    const poll = async (id: string, key = admin) => {
      const response = await other.app.inject({
        url: `/api/imports/progress/${id}`,
        headers: { authorization: `Bearer ${key}` },
      });
      return { status: response.statusCode, body: response.json() };
    };
    const rows = (from: number, to: number) =>
      Array.from(
        { length: to - from },
        (_, index) => `P${from + index},Per${from + index},Processon,p${from + index}@example.se\n`,
      ).join("");

    const progressId = randomUUID();
    const file = new PassThrough();
    // Sent now (inject starts a request when it is awaited), finished when the file ends.
    const answer = (async () =>
      importing.app.inject({
        method: "POST",
        url: `/api/imports/people?system=kalkylblad&progressId=${progressId}`,
        headers: { authorization: `Bearer ${admin}`, "content-type": "text/csv" },
        payload: file,
      }))();
    file.write(`kundnummer,förnamn,efternamn,e-post\n${rows(0, 2_500)}`);
    await expect
      .poll(async () => (await poll(progressId)).body.rowsRead ?? 0, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(2_000);
    const midway = await poll(progressId);
    expect(midway.body).toMatchObject({ done: false, failed: 0 });
    expect(midway.body.created).toBeGreaterThanOrEqual(1_000);
    expect((await poll(progressId, seller)).status).toBe(404);

    file.end(rows(2_500, 3_000));
    expect((await answer).json()).toMatchObject({ created: 3_000, failed: 0 });
    expect((await poll(progressId)).body).toMatchObject({ done: true, rowsRead: 3_000, created: 3_000 });
    // The id is taken in every process, not only in the one that imported under it.
    const again = await other.app.inject({
      method: "POST",
      url: `/api/imports/people?system=kalkylblad&progressId=${progressId}`,
      headers: { authorization: `Bearer ${admin}`, "content-type": "text/csv" },
      payload: `kundnummer,förnamn,efternamn,e-post\n${rows(3_000, 3_001)}`,
    });
    expect(again.statusCode).toBe(409);
  });
});
