import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/** What a key-account manager sees on the company's page: the company's own history and its people's. */
describe.each(STORE_KINDS)("an organisation's timeline [%s]", (kind) => {
  let api: TestApi;
  let organizationId: string;
  let buyerId: string;
  let leaverId: string;
  const titles = async (query = "") => {
    const page = await api.call({ url: `/api/organizations/${organizationId}/timeline${query}` });
    expect(page.status).toBe(200);
    return page.body.items.map((item: { title: string }) => item.title);
  };

  beforeAll(async () => {
    api = await openTestApi(kind);
    const org = await api.call({ method: "POST", url: "/api/organizations", payload: { name: "Verkstaden AB" } });
    organizationId = org.body.id;
    const other = await api.call({ method: "POST", url: "/api/organizations", payload: { name: "Grannen AB" } });
    const person = (givenNames: string) =>
      api.call({ method: "POST", url: "/api/people", payload: { givenNames, surname: "Lind" } });
    buyerId = (await person("Agnes")).body.id;
    leaverId = (await person("Erik")).body.id;
    const outsiderId = (await person("Olle")).body.id;
    await api.call({ method: "POST", url: "/api/roles", payload: { personId: buyerId, organizationId } });
    const leaverRole = await api.call({
      method: "POST",
      url: "/api/roles",
      payload: { personId: leaverId, organizationId },
    });
    await api.call({
      method: "POST",
      url: "/api/roles",
      payload: { personId: outsiderId, organizationId: other.body.id },
    });
    const log = (payload: object) => api.call({ method: "POST", url: "/api/activities", payload });
    expect(
      (await log({ organizationId, kind: "meeting", subject: "Avtalsmöte", occurredAt: "2026-03-10T09:00:00Z" }))
        .status,
    ).toBe(201);
    await log({
      organizationId,
      kind: "task",
      subject: "Skicka offert",
      occurredAt: "2026-03-10T10:00:00Z",
      dueAt: "2026-03-12",
    });
    await log({ personId: buyerId, kind: "call", subject: "Agnes om volymer", occurredAt: "2026-03-05T09:00:00Z" });
    await log({ personId: leaverId, kind: "call", subject: "Erik om fakturor", occurredAt: "2026-03-04T09:00:00Z" });
    await log({ personId: outsiderId, kind: "call", subject: "Olle hos grannen", occurredAt: "2026-03-06T09:00:00Z" });
    await api.call({
      method: "POST",
      url: "/api/orders",
      payload: {
        organizationId,
        number: "B-100",
        orderedAt: "2026-03-08T09:00:00Z",
        lines: [{ description: "Skruvdragare", quantity: 10, unitPriceSek: 1200 }],
      },
    });
    await api.call({
      method: "POST",
      url: "/api/orders",
      payload: {
        personId: buyerId,
        number: "B-101",
        orderedAt: "2026-03-07T09:00:00Z",
        lines: [{ description: "Bits", quantity: 1, unitPriceSek: 99 }],
      },
    });
    expect((await api.call({ method: "DELETE", url: `/api/roles/${leaverRole.body.roleId}` })).status).toBe(204);
  });
  afterAll(async () => api?.close());

  it("lists what was recorded on the organisation and what its people did, newest first", async () => {
    expect(await titles()).toEqual(["Skicka offert", "Avtalsmöte", "Order B-100", "Order B-101", "Agnes om volymer"]);
    expect(await titles("?kinds=meeting,order")).toEqual(["Avtalsmöte", "Order B-100", "Order B-101"]);
  });

  it("shows a quote uploaded on the organisation", async () => {
    const boundary = "----lanthandel";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="organizationId"\r\n\r\n${organizationId}\r\n`,
      ),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="subject"\r\n\r\nOffert 2026\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="offert.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 offert\r\n--${boundary}--\r\n`,
      ),
    ]);
    const upload = await api.call({
      method: "POST",
      url: "/api/documents",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(upload.status).toBe(201);
    const page = await api.call({ url: `/api/organizations/${organizationId}/timeline?kinds=document` });
    expect(page.body.items).toEqual([
      expect.objectContaining({
        title: "Offert 2026",
        organizationId,
        data: expect.objectContaining({ documents: [expect.objectContaining({ filename: "offert.pdf" })] }),
      }),
    ]);
  });

  it("pages with a cursor and refuses an unknown organisation or kind", async () => {
    const first = await api.call({ url: `/api/organizations/${organizationId}/timeline?limit=2` });
    const second = await api.call({
      url: `/api/organizations/${organizationId}/timeline?limit=2&cursor=${first.body.nextCursor}`,
    });
    expect([...first.body.items, ...second.body.items].map((item: { title: string }) => item.title)).toEqual(
      (await titles()).slice(0, 4),
    );
    const missing = await api.call({ url: "/api/organizations/01a209a8-0000-7000-8000-000000000000/timeline" });
    expect(missing.status).toBe(404);
    const unknownKind = await api.call({ url: `/api/organizations/${organizationId}/timeline?kinds=fax` });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.errors).toEqual([expect.objectContaining({ field: "kinds", code: "unknown_kind" })]);
  });
});
